"""Reading: bytes on disk become decoded, numbered source lines."""

from outline2docx.read.decoding import Decoded, decode
from outline2docx.read.lines import SourceLine, SourceText, read_source, split_lines

__all__ = ["Decoded", "SourceLine", "SourceText", "decode", "read_source", "split_lines"]
