"""A style file that must be refused: its error names the file and exits 2."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from outline2docx.style import StyleError, load_style


@pytest.fixture
def style_error(tmp_path) -> Callable[[str], str]:
    """Load a style file holding ``content``; the message of the StyleError it must raise."""

    def refused(content: str) -> str:
        path = tmp_path / "bad.toml"
        path.write_text(content, "utf-8")
        with pytest.raises(StyleError) as info:
            load_style(path)
        assert str(info.value).startswith(str(path))
        assert info.value.exit_code == 2
        return str(info.value)

    return refused
