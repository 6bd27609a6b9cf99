"""Recognizing: every line gets a role, first on its own, then in its document's context."""

from outline2docx.recognize.context import recognize
from outline2docx.recognize.line import LineFacts, examine

__all__ = ["LineFacts", "examine", "recognize"]
