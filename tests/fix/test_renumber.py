"""Renumbering: real documents with their numbers scrambled come back as they were written.

A scramble changes numbers the way drafts go wrong (a number skipped, one repeated, two
swapped, a jump); renumbering must give back the original text exactly, changing nothing
but the numbers, restarting under each parent and in each attachment.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from outline2docx.fix.renumber import renumber_text
from outline2docx.pipeline import Settings, read, read_string
from outline2docx.tree import renumber
from outline2docx.tree.nodes import Section, lead_paragraph
from outline2docx.tree.renumber import is_renumbered, number_span, spell_like

from ..cli import run
from ..conftest import CORPUS, OWN_CORPUS, assert_valid_docx
from ..docx_view import DocxView

# Real documents whose numbering is right as written, with the kinds they number by.
OWN = [
    "80_shaoxing_edu_bureau_director_speech_2010",  # 一、（一）1.（1） and 一是 leads
    "83_shaoxing_school_leaders_duty_reports_2021",  # a collection: 一、 again in each report
    "56_gwy_reply_badong_geohazard_with_attachments",  # 一、 … in an attachment
    "70_npc_hk_security_decision_explanation_traditional",  # 第一條， in traditional characters
    "118_zongheng_comm_board_resolution_announcement_2019",
    "50_gwy_decree_706_patent_agency_regulation_page",  # 第X章 第X条 （一）
    "51_gwy_decree_707_iit_law_implementing_regulation",  # 第X条 （一） 1.
]
SHARED = [
    "07_gwy_forward_social_org_cleanup_opinion",  # 一、（一）1.（1）
    "18_liaocheng_cultural_relics_regulation_2021",  # 第X章 第X节 第X条 （一）
    "16_gwy_iit_special_additional_deductions_measures",  # 第X章 第X条
]


def _path(name: str, folder: Path) -> Path:
    path = folder / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


def _document(text: str):
    return read(text, Settings(), reader=read_string).document


# How a scramble changes a number, in turn: skipped, repeated, jumped. Never to 1, which
# starts a new list, as the numbering checks read it too.
SCRAMBLES = (lambda v: v + 1, lambda v: v - 1 if v > 2 else v + 2, lambda v: v + 7)


def scrambled(text: str) -> tuple[str, set[int]]:
    """``text`` with the numbers of its headings after the first of each list changed, and
    the lines changed; two neighbours swap their numbers where they can."""
    lines = text.split("\n")
    targets = [p for p in _later_siblings(_document(text).children) if p.numbering.value >= 2]
    changed: set[int] = set()
    for n, paragraph in enumerate(targets):
        value = paragraph.numbering.value
        new = SCRAMBLES[n % len(SCRAMBLES)](value)
        if n == 1 and targets[0].numbering.value == value - 1:
            new = value - 1 if value > 2 else new  # a swap with the number before
            changed |= _rewrite(lines, targets[0], value)
        changed |= _rewrite(lines, paragraph, new)
    return "\n".join(lines), changed


def _later_siblings(blocks: list) -> list:
    """The renumbered paragraphs that follow one of their kind among their siblings (the
    first of a run-in list may go on from a list inside a paragraph: it keeps its number)."""
    found, stack = [], [blocks]
    while stack:
        children, seen = stack.pop(), set()
        for block in children:
            paragraph = lead_paragraph(block)
            if is_renumbered(paragraph):
                if paragraph.numbering.kind in seen:
                    found.append(paragraph)
                seen.add(paragraph.numbering.kind)
            if isinstance(block, Section):
                stack.append(block.children)
    return sorted(found, key=lambda p: p.line)


def _rewrite(lines: list[str], paragraph, value: int) -> set[int]:
    span = number_span(paragraph)
    raw = lines[paragraph.line - 1]
    written = spell_like(paragraph.text[span[0] : span[1]], value) if span else None
    if written is None:
        return set()
    at = len(raw) - len(raw.lstrip()) + span[0]
    lines[paragraph.line - 1] = raw[:at] + written + raw[at + span[1] - span[0] :]
    return {paragraph.line}


def _assert_round_trip(path: Path) -> None:
    original = path.read_text("utf-8")
    assert renumber.plan(_document(original).children) == []  # numbered right as written
    broken, scrambled_lines = scrambled(original)
    assert len(scrambled_lines) >= 3, "the document has too few numbers to scramble"
    fixed, changes, changed_lines = renumber_text(broken)
    assert fixed == original
    assert {number for number, _before, _after in changed_lines} == scrambled_lines
    for number, before, after in changed_lines:  # only the number differs on each line
        change = next(c for c in changes if c.line == number)
        at = change.column - 1
        assert before[:at] == after[:at]
        assert before[at + len(change.before) :] == after[at + len(change.after) :]
        assert change.before.strip("0123456789〇零一二三四五六七八九十百千") == ""


@pytest.mark.parametrize("name", OWN)
def test_a_scrambled_document_comes_back_as_written(name):
    _assert_round_trip(_path(name, OWN_CORPUS))


@pytest.mark.parametrize("name", SHARED)
def test_a_scrambled_shared_document_comes_back_as_written(name):
    _assert_round_trip(_path(name, CORPUS))


def test_a_regulations_articles_run_on_through_its_chapters():
    path = _path("50_gwy_decree_706_patent_agency_regulation_page", OWN_CORPUS)
    original = path.read_text("utf-8")
    lines = original.split("\n")
    assert lines[35].startswith("第七条") and lines[48].startswith(
        "第十三条"
    )  # each chapter's first
    lines[35] = lines[35].replace("第七条", "第八条")
    lines[48] = lines[48].replace("第十三条", "第十四条")
    fixed, changes, _lines = renumber_text("\n".join(lines))
    assert fixed == original
    assert [(c.line, c.before, c.after) for c in changes] == [
        (36, "八", "七"),
        (49, "十四", "十三"),
    ]


# A notice with an attachment, written the way drafts go wrong.
NOTICE = """\
关于做好防汛工作的通知
各乡镇：
  一、总体要求
（一）指导思想
1.坚持统一领导
3.坚持分级负责
（三）工作目标
2.保障安全
3.减少损失
三、主要任务
一是加强领导。要层层落实责任。
三是强化值守。要严格执行制度。
附件：应急值守表

附件

应急值守要求
二、值守人员
（二）人员安排
三、值守纪律
"""

RENUMBERED = (
    NOTICE.replace("3.坚持", "2.坚持")
    .replace("（三）工作", "（二）工作")
    .replace("2.保障", "1.保障")
    .replace("3.减少", "2.减少")
    .replace("三、主要", "二、主要")
    .replace("三是", "二是")
    .replace("二、值守人员", "一、值守人员")
    .replace("（二）人员", "（一）人员")
    .replace("三、值守纪律", "二、值守纪律")
)


def test_numbers_restart_under_each_parent_and_in_each_attachment():
    fixed, changes, _lines = renumber_text(NOTICE)
    assert fixed == RENUMBERED
    assert [(c.line, c.before, c.after) for c in changes] == [
        (6, "3", "2"),
        (7, "三", "二"),
        (8, "2", "1"),  # the （二）'s 1. counts anew
        (9, "3", "2"),
        (10, "三", "二"),
        (12, "三", "二"),
        (18, "二", "一"),  # the attachment counts anew
        (19, "二", "一"),
        (20, "三", "二"),
    ]
    assert changes[0].column == 1 and changes[1].column == 2
    assert renumber_text(RENUMBERED)[0] == RENUMBERED  # renumbering twice changes nothing


def test_a_level_that_runs_on_across_parents_runs_on():
    text = "一、甲\n（一）子\n1.一\n2.二\n（二）丑\n4.三\n4.四\n"
    assert renumber_text(text)[0] == "一、甲\n（一）子\n1.一\n2.二\n（二）丑\n3.三\n4.四\n"


def test_the_number_keeps_the_spelling_it_was_written_in():
    text = (
        "一、甲\n（一）子\n1.一\n（1）甲\n（3）乙\n②丙\n②丁\n⑴戊\n⑶己\n（二）丑\n１.全角\n３.全角\n"
    )
    fixed = renumber_text(text)[0]
    assert fixed.splitlines()[4:] == [
        "（2）乙",
        "①丙",
        "②丁",
        "⑴戊",
        "⑵己",
        "（二）丑",
        "１.全角",
        "２.全角",
    ]
    assert (
        spell_like("贰", 3) == "叁"
        and spell_like("十", 11) == "十一"
        and spell_like("9", 10) == "10"
    )
    assert spell_like("⑳", 21) is None  # no circled 21: the number stays as written


def test_a_run_in_list_begun_inside_a_paragraph_goes_on():
    # 一是 and 二是 inside the first paragraph; the 三是 that leads the next is right.
    text = "一、甲\n要做到：一是学习；二是落实。\n三是考核。要严格。\n五是问责。要到位。\n"
    assert renumber_text(text)[0] == text.replace("五是", "四是")


def test_line_breaks_indentation_and_front_matter_stay():
    text = "---\n发文字号: 1号\n---\r\n标题\r\n\u3000\u3000一、甲\r\n\u3000\u3000三、乙\r\n"
    fixed, changes, lines = renumber_text(text)
    assert fixed == text.replace("三、乙", "二、乙")
    assert lines == [(6, "\u3000\u3000三、乙", "\u3000\u3000二、乙")]
    assert (changes[0].line, changes[0].column) == (6, 3)


def test_the_tree_is_renumbered_lead_label_and_value():
    document = _document("一、甲\n三、乙。正文在此。\n")
    heading = document.children[1].heading
    renumber.apply(renumber.plan(document.children))
    assert (heading.text, heading.lead) == ("二、乙。正文在此。", "二、乙。")
    assert (heading.numbering.label, heading.numbering.value) == ("二、", 2)


# ---- the commands ---------------------------------------------------------------------------


def test_fix_renumber_diff_shows_every_change(tmp_path):
    source = tmp_path / "draft.txt"
    source.write_text("一、甲\n二、乙\n四、丁\n（二）子\n", "utf-8")
    done = run("fix", str(source), "--renumber", "--diff")
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        f"--- {source}",
        f"+++ {source} (fixed)",
        "@@ -3 +3 @@",
        "-四、丁",
        "+三、丁",
        "@@ -4 +4 @@",
        "-（二）子",
        "+（一）子",
    ]
    assert "2 changes on 2 lines" in done.stderr


def test_fix_renumber_with_the_other_rules_and_without(tmp_path):
    source = tmp_path / "draft.txt"
    source.write_text("一、甲\n三、乙,丙\n", "utf-8")
    assert run("fix", str(source)).stdout == "一、甲\n三、乙，丙\n"  # numbers untouched
    assert run("fix", str(source), "--renumber").stdout == "一、甲\n二、乙，丙\n"
    out = tmp_path / "out.txt"
    assert run("fix", str(source), "--renumber", "-o", str(out)).returncode == 0
    assert out.read_text("utf-8") == "一、甲\n二、乙，丙\n"


def test_check_reports_the_number_renumbering_would_give(tmp_path):
    source = tmp_path / "draft.txt"
    source.write_text("一、甲\n（一）子\n（三）丑\n二、乙\n", "utf-8")
    done = run("check", str(source), "--json")
    found = [(d["line"], d["column"], d["code"], d["message"]) for d in json.loads(done.stdout)]
    assert (3, 2, "renumber", renumber_message("（三）", "（二）")) in found
    assert run("check", str(source), "--ignore", "renumber,numbering-gap").returncode == 0
    chinese = run("check", str(source), env={"LANG": "zh_CN.UTF-8"}).stdout
    assert (
        "标题序号在每个上级标题下、每个附件中从 1 起编：'（三）' -> '（二）' [renumber]" in chinese
    )


def renumber_message(before: str, after: str) -> str:
    return (
        "heading numbers count from 1 under each parent and in each attachment: "
        f"{before!r} -> {after!r}"
    )


def test_convert_renumber_writes_the_right_numbers(tmp_path):
    source = tmp_path / "notice.txt"
    source.write_text(NOTICE, "utf-8")
    target = tmp_path / "notice.docx"
    done = run("convert", str(source), "-o", str(target), "--renumber", "--diff", "-q")
    assert done.returncode == 0, done.stderr
    assert "-三、主要任务\n+二、主要任务" in done.stderr
    assert_valid_docx(target)
    texts = [p.text for p in DocxView(target).paragraphs() if p.text]
    for line in ("2.坚持分级负责", "（二）工作目标", "1.保障安全", "二、主要任务", "一、值守人员"):
        assert line in texts
    assert any(t.startswith("二是") for t in texts) and not any("三是" in t for t in texts)
    assert not any(t.startswith(("3.坚持", "（三）", "三、")) for t in texts)
    plain = tmp_path / "plain.docx"
    assert run("convert", str(source), "-o", str(plain), "-q").returncode == 0
    assert "（三）工作目标" in [p.text for p in DocxView(plain).paragraphs()]  # only when asked


def test_convert_renumber_renumbers_a_word_document(tmp_path):
    from ..packages import word_document

    source = tmp_path / "draft.docx"
    source.write_bytes(word_document("一、甲", "三、乙", "（二）子"))
    target = tmp_path / "draft.gw.docx"
    assert run("convert", str(source), "-o", str(target), "--renumber", "-q").returncode == 0
    assert_valid_docx(target)
    texts = [p.text for p in DocxView(target).paragraphs() if p.text]
    assert texts == ["一、甲", "二、乙", "（一）子"]
