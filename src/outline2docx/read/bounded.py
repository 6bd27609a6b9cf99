"""Reading input bytes with a ceiling, so an endless or enormous input cannot exhaust memory.

``/dev/zero``, a named pipe or a runaway ``cat`` on standard input never end; a file of many
gigabytes would be read whole before decoding could refuse it. Reading stops one byte past
the limit and the input is refused, naming it.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from outline2docx.errors import InputError
from outline2docx.i18n import _

# A text input larger than this is refused: 64 MB is some 20 million Chinese characters, far
# beyond any official document, and converts in seconds within about 1 GB of memory.
MAX_TEXT_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024


def read_stream(stream: BinaryIO, label: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """All bytes of ``stream``, or InputError naming ``label`` once it passes ``limit``."""
    chunks, size = [], 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            message = _("larger than {size} MB: refused").format(size=limit // (1024 * 1024))
            raise InputError(label, message)
    return b"".join(chunks)


def read_file(path: Path, label: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of file ``path`` (at most ``limit``); InputError naming ``label`` otherwise."""
    try:
        with path.open("rb") as stream:
            return read_stream(stream, label, limit)
    except FileNotFoundError:
        raise InputError(label, _("no such file")) from None
    except IsADirectoryError:
        raise InputError(label, _("is a directory, not a text file")) from None
    except OSError as exc:
        message = _("cannot read: {error}").format(error=exc.strerror or exc)
        raise InputError(label, message) from None
