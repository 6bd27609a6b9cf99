"""House styles: TOML files that say how each role looks, loaded and checked into plain data.

``model`` holds the data (HouseStyle, Look, Page …), ``values`` the converters of single
values (lengths, 字号, colours), ``schema`` the keys a file may hold and the building of a
HouseStyle, ``load`` the files: built-ins by name, ``extends`` chains and merging.
"""

from outline2docx.style.load import (
    DEFAULT_STYLE,
    builtin_styles,
    load_style,
    starter_style,
    style_path,
    style_text,
)
from outline2docx.style.model import (
    INLINE_KINDS,
    LAYOUT_ROLES,
    PARAGRAPH_ONLY,
    STYLE_ROLES,
    Border,
    HouseStyle,
    Look,
    Page,
    PageNumber,
    StyleError,
    TextDefaults,
)
from outline2docx.style.values import CHINESE_SIZES

__all__ = [
    "CHINESE_SIZES",
    "DEFAULT_STYLE",
    "INLINE_KINDS",
    "LAYOUT_ROLES",
    "PARAGRAPH_ONLY",
    "STYLE_ROLES",
    "Border",
    "HouseStyle",
    "Look",
    "Page",
    "PageNumber",
    "StyleError",
    "TextDefaults",
    "builtin_styles",
    "load_style",
    "starter_style",
    "style_path",
    "style_text",
]
