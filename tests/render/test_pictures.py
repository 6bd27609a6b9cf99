"""Picture sizes from image headers, and pictures that are damaged or no pictures at all."""

from __future__ import annotations

import pytest

from outline2docx.errors import Outline2DocxError
from outline2docx.render.pictures import EMU_PER_INCH, picture_size

from ..images import png


def test_a_picture_keeps_its_natural_size_and_is_capped_at_the_text_width():
    natural = picture_size(png(96, 48), 10 * EMU_PER_INCH)
    assert (natural.width, natural.height) == (EMU_PER_INCH, EMU_PER_INCH // 2)
    capped = picture_size(png(960, 480), EMU_PER_INCH)
    assert (capped.width, capped.height, capped.extension) == (
        EMU_PER_INCH,
        EMU_PER_INCH // 2,
        "png",
    )


@pytest.mark.parametrize("length", [8, 20, 40, 0.5])
def test_a_truncated_png_is_a_reported_problem_not_a_crash(length):
    data = png(400, 300)
    cut = data[: int(len(data) * length) if isinstance(length, float) else length]
    with pytest.raises(Outline2DocxError, match="cut short"):
        picture_size(cut, EMU_PER_INCH)


@pytest.mark.parametrize("data", [b"", b"GIF89a", b"\x89PNG\r\n\x1a\n" + b"\xff" * 40, b"BM\0"])
def test_bytes_that_are_no_picture_are_a_reported_problem(data):
    with pytest.raises(Outline2DocxError):
        picture_size(data, EMU_PER_INCH)


def test_a_picture_without_pixels_is_refused():
    with pytest.raises(Outline2DocxError, match="no pixels"):
        picture_size(png(0, 0), EMU_PER_INCH)
