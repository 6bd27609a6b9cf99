"""``python -m outline2docx``: the same as the ``outline2docx`` command."""

from outline2docx.cli import entry

if __name__ == "__main__":
    entry()
