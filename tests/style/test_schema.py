"""The keys a style file may hold: unknown keys and roles, and styles a role names but lacks."""

from __future__ import annotations

import pytest

from outline2docx.style import StyleError, load_style


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('extends = "gbt9704"\n[page]\ntopp = "37mm"\n', "key 'page.topp': unknown key"),
        (
            'extends = "gbt9704"\n[paragraph_styles.Normal]\ncolour = "FF0000"\n',
            "'paragraph_styles.Normal.colour': unknown key",
        ),
        (
            'extends = "gbt9704"\n[character_styles."GW Lead"]\nalign = "center"\n',
            "'character_styles.GW Lead.align': unknown key",
        ),
        ('extends = "gbt9704"\n[roles]\nh9 = "Normal"\n', "key 'roles.h9': unknown role"),
        (
            'extends = "gbt9704"\n[roles]\nh1 = "Heading One"\n',
            "key 'roles.h1': no paragraph style 'Heading One'",
        ),
        ('extends = "gbt9704"\n[roles]\nrunin = ["Normal", "Bold"]\n', "no character style 'Bold'"),
        ('description = "no extends"\n', "key 'paragraph_styles.Normal': is required"),
    ],
)
def test_errors_name_the_file_and_the_key(style_error, content, message):
    assert message in style_error(content)


def test_the_error_names_the_file_that_holds_the_mistake(tmp_path):
    (tmp_path / "base.toml").write_text('extends = "gbt9704"\n[page]\ntopp = "1cm"\n', "utf-8")
    (tmp_path / "child.toml").write_text('extends = "base.toml"\n', "utf-8")
    with pytest.raises(StyleError) as info:
        load_style(tmp_path / "child.toml")
    assert str(info.value).startswith(f"{tmp_path / 'base.toml'}: key 'page.topp': unknown key")
