"""Picture sizes: pixels and resolution from the image header, scaled to fit the page."""

from __future__ import annotations

import struct
from dataclasses import dataclass

from outline2docx.errors import Outline2DocxError
from outline2docx.i18n import _

EMU_PER_INCH = 914400


@dataclass(frozen=True, slots=True)
class PictureSize:
    """Display size in EMU and the file extension of the image's format."""

    width: int
    height: int
    extension: str


def picture_size(data: bytes, max_width: int) -> PictureSize:
    """The picture's natural size (capped at ``max_width`` EMU) and its format's extension;
    Outline2DocxError if it is no picture Word can show, or a damaged one."""
    image = _image(data)
    if image.px_width <= 0 or image.px_height <= 0:
        raise Outline2DocxError(_("not a picture Word can show: it has no pixels"))
    width = round(image.px_width / _dpi(image.horz_dpi) * EMU_PER_INCH)
    height = round(image.px_height / _dpi(image.vert_dpi) * EMU_PER_INCH)
    if width > max_width:
        width, height = max_width, round(height * max_width / width)
    return PictureSize(max(width, 1), min(max(height, 1), MAX_EXTENT), image.ext)


# The largest extent a drawing may have (ST_PositiveCoordinate, ECMA-376 20.1.10.42).
MAX_EXTENT = 27273042316900


def _image(data: bytes):
    """python-docx's reading of the image header (PNG, JPEG, GIF, BMP, TIFF)."""
    from docx.image.exceptions import (
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        UnrecognizedImageError,
    )
    from docx.image.image import Image

    try:
        return Image.from_blob(data)
    except (
        UnrecognizedImageError,
        UnexpectedEndOfFileError,  # cut short: a truncated download
        InvalidImageStreamError,
        ValueError,
        IndexError,
        KeyError,
        ZeroDivisionError,
        struct.error,
    ) as exc:
        if isinstance(exc, UnexpectedEndOfFileError):
            raise Outline2DocxError(_("a damaged picture: the file is cut short")) from None
        problem = _("not a picture Word can show (PNG, JPEG, GIF, BMP): {error}")
        raise Outline2DocxError(problem.format(error=exc or type(exc).__name__)) from None


def _dpi(value: int | None) -> int:
    """A resolution from the header, or 96 where it is missing or makes no sense."""
    return value if value and 0 < value < 100_000 else 96
