"""The sample Chinese Sphinx project, built for real with the gongwen and html builders."""

from __future__ import annotations

import re
import subprocess

import docx
import pytest

from outline2docx.pdf import export_pdf

from ..conftest import needs_office
from ..docx_view import DocxView, W
from ..word_checks import word_problems
from .conftest import SAMPLE, sphinx_build

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("sphinx")
    done = sphinx_build(SAMPLE, out / "gongwen", "gongwen", "-E")
    assert done.returncode == 0, done.stderr
    html = sphinx_build(SAMPLE, out / "html", "html", "-E")
    assert html.returncode == 0, html.stderr
    return out, done


def test_headings_at_their_levels_with_chinese_numbering(built):
    out, _ = built
    word = docx.Document(str(out / "gongwen" / "安全生产工作手册.docx"))
    headings = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]
    assert headings[:9] == [
        ("Title", "青山县安全生产工作手册"),
        ("Heading 1", "一、工作职责"),
        ("Heading 2", "（一）党政领导责任"),
        ("Heading 2", "（二）部门监管责任"),
        ("Heading 3", "1.企业主体责任"),
        ("Heading 2", "（三）工作要求"),
        ("Heading 1", "二、检查制度"),
        ("Heading 2", "（一）检查频次"),
        ("Heading 2", "（二）检查流程"),
    ]
    # The .outline page: its title is a chapter, its own numbers are kept, never doubled.
    assert ("Heading 1", "三、2025年安全生产工作要点") in headings
    assert ("Heading 2", "一、压实安全生产责任") in headings
    assert ("Heading 3", "（一）强化党政领导责任。") in headings


def test_tables_lists_pictures_and_fonts(built):
    out, _ = built
    path = out / "gongwen" / "安全生产工作手册.docx"
    word = docx.Document(str(path))
    simple, grid = word.tables
    assert [c.text for c in simple.rows[0].cells] == ["检查类型", "频次", "牵头单位"]
    assert [c.text for c in grid.rows[3].cells] == ["重大隐患", "制定方案，限期整改"]
    assert grid.cell(0, 0)._tc is grid.cell(0, 1)._tc  # the title row spans both columns
    assert len(word.inline_shapes) == 1
    view = DocxView(path)
    by_text = {p.text: p for p in view.paragraphs()}
    assert by_text["• 每季度至少听取一次安全生产工作汇报；"].style == "GW List"
    assert by_text["1. 制定年度监督检查计划；"].style == "GW List"
    note = by_text["注：本节所称“有关部门”，以县安全生产委员会印发的职责清单为准。"]
    assert (note.style, note.runs[0].bold) == ("GW Note", True)
    assert by_text["检查时间：____年__月__日"].style == "GW Code"
    assert by_text["图1  检查流程图"].style == "GW Caption"
    assert by_text["一、工作职责"].east_asian == "黑体"
    assert by_text["（一）党政领导责任"].east_asian == "楷体_GB2312"
    strong = [r for r in by_text[next(t for t in by_text if "全面领导责任" in t)].runs if r.bold]
    assert [r.text for r in strong] == ["全面领导责任"]
    cells = [p for p in view.paragraphs() if p.style == "GW Table Text"]
    assert cells and all(p.size == 14 for p in cells)
    assert word_problems(path.read_bytes()) == []  # tables, pictures and footnotes too


def test_footnotes_become_word_footnotes(built):
    out, _ = built
    view = DocxView(out / "gongwen" / "安全生产工作手册.docx")
    footnotes = view.xml("word/footnotes.xml")
    texts = ["".join(t.text for t in note.iter(f"{W}t")) for note in footnotes.iter(f"{W}footnote")]
    assert texts[-1] == " 即“三个必须”，见《中华人民共和国安全生产法》第三条。"
    body_text = "".join(p.text for p in view.paragraphs())
    assert "三个必须”，见" not in body_text  # not repeated as a paragraph
    (reference,) = view.document.iter(f"{W}footnoteReference")
    run_text = reference.getparent().getprevious().find(f"{W}t").text
    assert run_text.endswith("管生产经营必须管安全”的要求")


def test_html_build_shows_the_outline_page(built):
    out, _ = built
    page = (out / "html" / "plan.html").read_text("utf-8")
    assert "2025年安全生产工作要点" in page
    assert "压实安全生产责任" in page and "<strong>一是严格执行“三个必须”要求。</strong>" in page


def test_numbering_can_be_turned_off(tmp_path):
    done = sphinx_build(SAMPLE, tmp_path, "gongwen", "-E", "-D", "gongwen_numbering=0")
    assert done.returncode == 0, done.stderr
    word = docx.Document(str(tmp_path / "安全生产工作手册.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["工作职责", "党政领导责任", "部门监管责任"]


# A project's own extension with a node type no builder knows: the gongwen builder must keep
# its text and warn once per type, never fail.
MYSTERY_EXTENSION = """
from docutils import nodes
from docutils.parsers.rst import Directive


class mystery(nodes.Element):
    pass


class Mystery(Directive):
    has_content = True

    def run(self):
        return [mystery("", nodes.Text(" ".join(self.content)))]


def setup(app):
    app.add_node(mystery, html=(lambda self, node: None, lambda self, node: None))
    app.add_directive("mystery", Mystery)
"""


def build_small_project(tmp_path, index: str, extensions: tuple[str, ...] = (), files=None):
    """Build a one-page project "测试" with -b gongwen; returns the finished sphinx-build."""
    source = tmp_path / "src"
    source.mkdir()
    for name, text in (files or {}).items():
        (source / name).write_text(text, "utf-8")
    listed = ", ".join(f'"{e}"' for e in ("outline2docx.sphinx", *extensions))
    (source / "conf.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
        f'project = "测试"\nextensions = [{listed}]\n',
        "utf-8",
    )
    (source / "index.rst").write_text("测试\n====\n\n" + index, "utf-8")
    done = sphinx_build(source, tmp_path / "out", "gongwen", "-E")
    assert done.returncode == 0, done.stderr
    return done


def test_unknown_nodes_warn_once_and_never_crash(tmp_path):
    done = build_small_project(
        tmp_path,
        ".. raw:: html\n\n   <b>raw</b>\n\n"
        "一段正文 :math:`a^2` 和 :abbr:`GB (国家标准)`。\n\n.. math::\n\n   a^2 + b^2 = c^2\n\n"
        ".. |x| replace:: 替换\n\n|x| 文字\n\n"
        ".. mystery:: 未知一\n\n.. mystery:: 未知二\n",
        extensions=("mystery",),
        files={"mystery.py": MYSTERY_EXTENSION},  # importable: doctrees are pickled
    )
    texts = [p.text for p in docx.Document(str(tmp_path / "out" / "测试.docx")).paragraphs]
    assert "<b>raw</b>" not in " ".join(texts)
    assert any("a^2 + b^2 = c^2" in t for t in texts)
    assert "替换 文字" in texts
    assert {"未知一", "未知二"} <= set(texts)  # an unknown node keeps its text
    assert done.stderr.count("no gongwen translation for mystery nodes") == 1


def test_glossaries_option_lists_columns_and_version_notes(tmp_path):
    done = build_small_project(
        tmp_path,
        ".. glossary::\n\n   公文\n      党政机关公文。\n\n"
        ".. hlist::\n   :columns: 2\n\n   * 甲\n   * 乙\n\n"
        "-a         选项甲\n--bee      选项乙\n\n"
        ".. versionadded:: 2.0\n   新增的功能。\n\n.. centered:: 居中的文字\n\n"
        '.. productionlist::\n   expr: term ("+" term)*\n',
    )
    assert "no gongwen translation" not in done.stderr
    view = DocxView(tmp_path / "out" / "测试.docx")
    shown = [(p.style, p.text, p.runs[0].bold if p.runs else None) for p in view.paragraphs()]
    assert ("GW List", "公文", True) in shown  # the term, in bold
    assert ("GW List", "党政机关公文。", False) in shown
    assert [t for s, t, _ in shown if t in ("• 甲", "• 乙")] == ["• 甲", "• 乙"]
    assert ("GW List", "--bee", True) in shown and ("GW List", "选项乙", False) in shown
    assert ("GW Note", "Added in version 2.0: 新增的功能。", False) in shown
    assert ("GW Caption", "居中的文字", False) in shown
    assert ("GW Code", 'expr ::= term ("+" term)*', False) in shown


@needs_office
def test_libreoffice_page_checks(built, tmp_path):
    out, _ = built
    pdf = export_pdf(out / "gongwen" / "安全生产工作手册.docx", tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]
    full_pages = 0
    for number, page in enumerate(pages, start=1):
        lines = [line for line in ("".join(raw.split()) for raw in page.splitlines()) if line]
        assert lines[-1] == f"—{number}—"
        widths = [len(line) for line in lines[:-1]]
        assert max(widths) <= 28
        full_pages += len(widths) == 22 and widths.count(28) >= 5  # a page of running text
    assert full_pages >= 1
    # Footnotes are printed at the foot of their page: set them aside, then compare in order.
    footnote = "".join(HAN.findall("即“三个必须”，见《中华人民共和国安全生产法》第三条。"))
    rendered = "".join(HAN.findall(text))
    assert footnote in rendered
    assert rendered.replace(footnote, "", 1) == "".join(HAN.findall(docx_text(out)))


def docx_text(out) -> str:
    word = docx.Document(str(out / "gongwen" / "安全生产工作手册.docx"))
    parts = []
    for block in word.element.body.iter():
        if block.tag.endswith("}t") and block.text:
            parts.append(block.text)
    return "".join(parts)
