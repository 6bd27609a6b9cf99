"""Chinese numerals as written in numbering: 一 … 十一 … 一百零一 … 一千零四十."""

from __future__ import annotations

DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# The upper-case numerals of accounts and of Taiwan's outlines: 壹、 贰、 …
UPPER = {"壹": 1, "贰": 2, "叁": 3, "参": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
# A regex character class for the characters numbering may use.
CHARS = "〇零一二三四五六七八九十百千两"
UPPER_CHARS = "".join(UPPER) + "拾"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
PARENTHESIZED_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral such as 二十三, 一百零一 or 贰拾; None if it is not one."""
    if not text:
        return None
    text = text.translate(_AS_SMALL)
    if all(ch in DIGITS for ch in text):  # digit by digit: 二〇二四
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value if len(text) == 1 or text[0] not in "〇零" else None
    total, digit = 0, None
    for ch in text:
        if ch in UNITS:
            if digit == 0:
                return None  # 零十
            total += (digit or 1) * UNITS[ch]
            digit = None
        elif ch in DIGITS:
            if digit:
                return None  # two digits in a row inside a unit form: 二三十
            digit = DIGITS[ch]
        else:
            return None
    return total + (digit or 0)


# Upper-case numerals and stray Arabic digits read as the small numerals: 贰拾 → 二十.
_AS_SMALL = str.maketrans(
    {**{ch: "〇一二三四五六七八九"[v] for ch, v in UPPER.items()}, "拾": "十"}
    | dict(zip("123456789", "一二三四五六七八九", strict=True))
)


def ordinal_value(label: str) -> int | None:
    """Value of a numbering label's number part: '十一', '12', '③', '⑶', '㈡'."""
    if label.isdecimal():
        return int(label)
    for table in (CIRCLED, PARENTHESIZED, PARENTHESIZED_CN):
        if len(label) == 1 and label in table:
            return table.index(label) + 1
    return chinese_to_int(label)


def int_to_chinese(value: int) -> str:
    """1 to 9999 in Chinese numerals as numbering writes them: 十一, 二十三, 一百零一."""
    if not 0 < value < 10000:
        raise ValueError(f"{value} is outside 1-9999")
    digits = "〇一二三四五六七八九"
    parts, zero = [], False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        parts.append(digits[digit] + name)
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text  # 十一, not 一十一


# The small numerals as the upper-case ones of accounts write them: 十一 → 拾壹.
_AS_UPPER = str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾")


def int_to_upper(value: int) -> str:
    """1 to 9999 in the upper-case numerals of 壹、 outlines: 壹, 拾壹, 贰拾叁."""
    return int_to_chinese(value).translate(_AS_UPPER)
