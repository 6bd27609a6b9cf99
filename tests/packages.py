"""Building Word packages by hand in tests: good ones to modify, bad ones to refuse."""

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
