"""The font table (word/fontTable.xml): every font the styles name, with what Word needs to
find it under its other name or substitute a close one when it is missing."""

from __future__ import annotations

from outline2docx.namespaces import W_NS
from outline2docx.render.ooxml import escape
from outline2docx.style import HouseStyle

# Chinese and English names of the fonts official documents use, and their kind: Word looks
# a missing font up by its other name, then substitutes one of the same charset and family.
ALTERNATE_NAMES = {
    "仿宋_GB2312": "FangSong_GB2312",
    "仿宋": "FangSong",
    "楷体_GB2312": "KaiTi_GB2312",
    "楷体": "KaiTi",
    "黑体": "SimHei",
    "宋体": "SimSun",
    "方正小标宋简体": "FZXiaoBiaoSong-B05S",
    "FangSong_GB2312": "仿宋_GB2312",
    "FangSong": "仿宋",
    "KaiTi_GB2312": "楷体_GB2312",
    "KaiTi": "楷体",
    "SimHei": "黑体",
    "SimSun": "宋体",
}
SANS_SERIF = {"黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "Arial"}
GB2312_CHARSET = "86"


def font_names(style: HouseStyle) -> list[str]:
    """Every font name the style uses, in first-use order."""
    names = [
        style.text.east_asian,
        style.text.latin,
        style.page_number.east_asian,
        style.page_number.latin,
    ]
    for look in (*style.paragraph_styles.values(), *style.character_styles.values()):
        names += [look.east_asian, look.latin]
    return list(dict.fromkeys(n for n in names if n))


def font_table_xml(style: HouseStyle) -> str:
    """The w:fonts part listing the style's fonts."""
    entries = []
    for name in font_names(style):
        alternate = ALTERNATE_NAMES.get(name)
        alt = f'<w:altName w:val="{escape(alternate)}"/>' if alternate else ""
        cjk = not name.isascii() or name in ALTERNATE_NAMES
        charset = GB2312_CHARSET if cjk else "00"
        family = "swiss" if name in SANS_SERIF else ("modern" if cjk else "roman")
        entries.append(
            f'<w:font w:name="{escape(name)}">{alt}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        )
    return f'<w:fonts xmlns:w="{W_NS}">{"".join(entries)}</w:fonts>'
