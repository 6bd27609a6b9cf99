"""Building Word packages in tests: plain ones from paragraphs, hand-made ones to refuse."""

from __future__ import annotations

import io
import zipfile


def zipped(parts: dict[str, bytes]) -> bytes:
    """A zip archive holding ``parts`` (name -> bytes), deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def word_document(*paragraphs: str) -> bytes:
    """A .docx (python-docx's default template) holding ``paragraphs`` in Normal style."""
    import docx

    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
