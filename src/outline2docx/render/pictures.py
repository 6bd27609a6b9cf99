"""Picture sizes: pixels and resolution from the image header, scaled to fit the page."""

from __future__ import annotations

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
    """The picture's natural size (capped at ``max_width`` EMU) and its format's extension."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image  # python-docx reads PNG, JPEG, GIF, BMP, TIFF headers

    try:
        image = Image.from_blob(data)
    except (UnrecognizedImageError, ValueError, IndexError) as exc:
        problem = _("not a picture Word can show (PNG, JPEG, GIF, BMP): {error}")
        raise Outline2DocxError(problem.format(error=exc)) from None
    width = round(image.px_width / (image.horz_dpi or 96) * EMU_PER_INCH)
    height = round(image.px_height / (image.vert_dpi or 96) * EMU_PER_INCH)
    if width > max_width:
        width, height = max_width, round(height * max_width / width)
    return PictureSize(width, height, image.ext)
