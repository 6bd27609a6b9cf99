"""check's findings on real and written drafts, at the right lines and columns."""

from __future__ import annotations

import io

from outline2docx.lint import CODES, lint, lint_file
from outline2docx.pipeline import read
from outline2docx.read.bounded import MAX_TEXT_BYTES

from .cli import run
from .packages import word_document


def findings(text: str) -> list[tuple[int, int, str]]:
    draft = read(text.encode("utf-8"), name="draft.txt")
    return [(d.line, d.column, d.code) for d in lint(draft.lines, draft.document)]


def codes(text: str) -> set[str]:
    return {code for _, _, code in findings(text)}


def test_seed_speech(seed_path):
    draft = read(seed_path)
    found = lint(draft.lines, draft.document)
    by_code: dict[str, list] = {}
    for d in found:
        by_code.setdefault(d.code, []).append(d)
    placeholders = {(d.line, d.column) for d in by_code["placeholder"]}
    assert (9, 4) in placeholders and (9, 11) in placeholders  # "今天,XXX县工会第X次代表大会"
    assert {d.line for d in by_code["placeholder"]} >= {9, 11, 13, 15, 21, 25, 29, 33, 35, 57, 59}
    assert all(d.severity == "error" for d in by_code["placeholder"])
    half_width = {(d.line, d.column) for d in by_code["half-width-punctuation"]}
    assert {(7, 5), (7, 9), (3, 10)} <= half_width  # "各位代表,同志们:", "时间:"
    assert {d.line for d in by_code["web-residue"]} == {3, 63, 64}
    lines = seed_path.read_text("utf-8").splitlines()
    for d in found:  # every column points at what it reports
        if d.code == "placeholder":
            assert lines[d.line - 1][d.column - 1] in "Xx×*"
        if d.code == "half-width-punctuation":
            assert lines[d.line - 1][d.column - 1] in ",.;:!?()"


def test_numbering_problems():
    # the gap, and the number renumbering would give: 四、 becomes 三、
    assert findings("一、甲\n二、乙\n四、丁") == [(3, 1, "numbering-gap"), (3, 1, "renumber")]
    assert ("nonstandard-numbering") in codes("（一）、甲\n（二）、乙")
    assert (2, 1, "numbering-form") in findings("1.甲\n2、乙\n3.丙")


def test_levels_out_of_order():
    assert (4, 1, "level-order") in findings("一、甲\n1.子\n正文。\n（一）乙")


def test_unbalanced_quotes_and_brackets():
    assert findings("他说“要抓落实。") == [(1, 3, "unbalanced")]
    assert findings("（一）括号（未闭合") == [(1, 6, "unbalanced")]
    assert findings("《公文格式》“规范”（试行）") == []


def test_dates():
    assert (1, 1, "date-format") in findings("2024年08月01日")
    assert (1, 1, "date-format") in findings("二〇二四年八月一日")
    assert codes("2024年8月1日") == set()


def test_a_clean_draft_has_no_findings():
    assert findings("关于开展检查的通知\n各学校：\n一、检查时间\n2025年3月1日至31日。") == []


def test_every_code_found_is_a_listed_code(seed_path):
    draft = (
        "一、甲\n二、乙\n四、丁\n1.甲\n2、乙\n（一）、丙\n他说“要抓落实。\n国发[2019]4号\n"
        '要做到...\nＸＸ县\n中文--中文\n"引号"\n2024年08月01日\n分享到 收藏\n正文\x07。'
    )
    found = codes(draft) | {d.code for d in lint(read(seed_path).lines, read(seed_path).document)}
    assert found <= CODES.keys(), found - CODES.keys()
    assert len(found) >= 12  # the draft trips nearly every rule, so the check has teeth


def test_a_word_document_on_standard_input_is_checked_as_one():
    stream = io.BytesIO(word_document("一、甲", "二、乙", "四、丁"))
    found = lint_file("-", stream=stream)
    assert [(d.line, d.code) for d in found] == [(3, "numbering-gap"), (3, "renumber")]


# A lone 首先 is text, but a reader could take it as the first of a list: a close call.
CLOSE = "同志们：\n首先，我代表县委向大家表示感谢。\n今年的工作很重要。\n大家要抓好落实。\n"


def test_close_calls_are_findings_that_say_how_to_settle_them(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(CLOSE, encoding="utf-8")
    (close,) = [d for d in lint_file(str(draft)) if d.code == "close-call"]
    assert (close.line, close.column, close.severity) == (2, 1, "warning")
    assert "read as body, but it could be runin" in close.message
    assert "--role 2=runin" in close.message
    assert "close-call" in CODES


def test_a_role_given_settles_the_close_call(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(CLOSE, encoding="utf-8")
    assert not [d for d in lint_file(str(draft), roles={2: "runin"}) if d.code == "close-call"]
    assert not [d for d in lint_file(str(draft), roles={2: "body"}) if d.code == "close-call"]


def test_check_refuses_standard_input_past_the_text_limit() -> None:
    result = run("check", "-", stdin=b"a" * (MAX_TEXT_BYTES + 1))
    assert result.returncode == 2
    assert "-: error: larger than 64 MB: refused" in result.stdout + result.stderr
