import pytest

from outline2docx.read.front_matter import parse_meta_option, split_front_matter
from outline2docx.tree.meta import Meta

from ..cli import run
from ..languages import CHINESE_LOCALE, chinese


def test_front_matter_becomes_metadata_and_keeps_line_numbers():
    text = "---\n发文机关标志: 青山县人民政府文件\n发文字号：青政发〔2025〕5号\nprinted_by: 办公室\n---\n标题\n"
    meta, rest = split_front_matter(text)
    assert meta == Meta(
        issuer="青山县人民政府文件", number="青政发〔2025〕5号", printed_by="办公室"
    )
    assert rest.split("\n")[5] == "标题"  # still line 6


@pytest.mark.parametrize(
    "text",
    [
        "---\n作者: 张三\n---\n正文",
        "---\n发文字号: 1\n正文",
        "正文\n---\n发文字号: 1\n---",
        "---\n---\n正文",
    ],
)
def test_what_is_not_front_matter_stays_text(text):
    assert split_front_matter(text) == (Meta(), text)


def test_meta_options():
    given = parse_meta_option(["抄送=县委办", "printed_on = 2025年3月1日"])
    assert given == Meta(copies_to="县委办", printed_on="2025年3月1日")
    with pytest.raises(ValueError, match="expected KEY=VALUE"):
        parse_meta_option(["作者=张三"])


def test_a_bad_meta_option_is_told_in_chinese():
    with chinese(), pytest.raises(ValueError) as raised:
        parse_meta_option(["作者=张三"])
    assert str(raised.value).startswith("--meta '作者=张三'：格式应为“键=值”，键须为 份号、密级、")
    done = run("convert", "-", "--meta", "作者", env=CHINESE_LOCALE)
    assert done.returncode == 2
    assert done.stderr.startswith("outline2docx：错误：--meta '作者'：格式应为“键=值”")
