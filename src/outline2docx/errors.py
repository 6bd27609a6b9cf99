"""Errors that reach the user: each names the file and the problem."""

from __future__ import annotations

from outline2docx.i18n import _


class Outline2DocxError(Exception):
    """Base class of every error outline2docx reports to the user."""

    exit_code = 1


class InputError(Outline2DocxError):
    """An input file cannot be read as text (binary, undecodable, missing)."""

    exit_code = 2

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(_("{file}: {problem}").format(file=source, problem=problem))
        self.source = source
        self.problem = problem


class UsageProblem(Outline2DocxError):
    """Options that cannot work together, found before any file is touched."""

    exit_code = 2
