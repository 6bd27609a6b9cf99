"""GongwenTranslator on doctrees parsed by Sphinx, without building a project.

A tiny project (conf.py and an empty index) gives a real Sphinx application with the gongwen
builder; each test parses its own reStructuredText with ``sphinx.testing.restructuredtext``
and reads the Document the builder's translator makes of it.
"""

from __future__ import annotations

import pytest

pytest.importorskip("sphinx", reason="Sphinx is a test dependency (pip install -e '.[test]')")

from docutils import nodes
from sphinx.testing.restructuredtext import parse
from sphinx.testing.util import SphinxTestApp

from outline2docx.sphinx.translate import GongwenTranslator, numbering_label
from outline2docx.tree.nodes import Paragraph, Picture, Role, Section, Span, Table

from ..images import png


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    source = tmp_path_factory.mktemp("translate")
    (source / "conf.py").write_text(
        'project = "测试"\nextensions = ["outline2docx.sphinx"]\n', "utf-8"
    )
    (source / "index.rst").write_text("测试\n====\n", "utf-8")
    (source / "good.png").write_bytes(png())
    (source / "bad.png").write_bytes(b"not a picture at all")
    application = SphinxTestApp("gongwen", srcdir=source)
    yield application
    application.cleanup()


@pytest.fixture
def warnings(app):
    """What the translator warns while the test runs."""
    app.warning.seek(0)
    app.warning.truncate()
    return app.warning


def translate(app, text: str, title: str | None = None):
    """The Document the gongwen builder's translator makes of reStructuredText ``text``."""
    return app.builder.translate(parse(app, text, "page"), title)


def shown(document) -> list[tuple[str, str]]:
    """(role, text) of every paragraph, headings included, in reading order."""
    return [(p.role.value, p.text) for p in document.paragraphs()]


SECTIONS = """\
总标题
======

导语。

工作职责
--------

领导责任
^^^^^^^^

企业责任
++++++++

细则
''''

第五层
~~~~~~

正文。

部门责任
^^^^^^^^

一、已有编号
------------
"""


def test_sections_are_numbered_by_depth_unless_already_numbered(app):
    document = translate(app, SECTIONS)
    assert shown(document)[:2] == [("title", "总标题"), ("body", "导语。")]
    headings = [(s.heading.role.value, s.heading.text, s.rank) for s in document.sections()]
    assert headings == [
        ("h1", "一、工作职责", 40),
        ("h2", "（一）领导责任", 50),
        ("h3", "1.企业责任", 60),
        ("h4", "（1）细则", 70),
        ("h4", "①第五层", 80),
        ("h2", "（二）部门责任", 50),
        ("h1", "一、已有编号", 40),  # its own number, never doubled; the count goes on
    ]
    first = next(document.sections()).heading
    assert (first.numbering.kind, first.numbering.value, first.numbering.label) == ("cn", 1, "一、")
    assert numbering_label(2, 3) == ("（三）", "cn_paren")


def test_numbering_off_keeps_the_titles_as_written(app, monkeypatch):
    monkeypatch.setattr(app.config, "gongwen_numbering", False)
    document = translate(app, SECTIONS)
    titles = [s.heading.text for s in document.sections()]
    assert titles[:3] == ["工作职责", "领导责任", "企业责任"]
    assert all(s.heading.numbering is None for s in document.sections())


def test_inline_emphasis_strong_and_literal_become_spans(app):
    document = translate(
        app, "题\n==\n\n有 *强调* **加粗** ``代码`` 三种。\n\n*斜体* 小节\n----------\n"
    )
    body, heading = document.children[1], document.children[2].heading
    assert body.text == "有 强调 加粗 代码 三种。"
    assert body.spans == (
        Span(2, 4, "emphasis"),
        Span(5, 7, "strong"),
        Span(8, 10, "literal"),
    )
    # The label 一、 goes before the title: its spans move with it.
    assert (heading.text, heading.spans) == ("一、斜体 小节", (Span(2, 4, "emphasis"),))


def test_lists_carry_their_markers(app):
    document = translate(
        app,
        "* 甲\n\n  * 子\n\n* 乙\n\n3. 丙\n4. 丁\n\n(a) 戊\n\n(1) 己\n(2) 庚\n\n    续段。\n",
    )
    assert shown(document) == [
        ("list_item", "• 甲"),
        ("list_item", "◦ 子"),
        ("list_item", "• 乙"),
        ("list_item", "3. 丙"),
        ("list_item", "4. 丁"),
        ("list_item", "(1) 戊"),  # every list counts in arabic numbers
        ("list_item", "(1) 己"),
        ("list_item", "(2) 庚"),
        ("list_item", "续段。"),
    ]


def test_definition_field_and_option_lists_set_their_names_in_bold(app):
    document = translate(
        app,
        "术语 : 分类\n   定义 *一*。\n\n:作者: 张三\n:附件:\n\n-a, --all   全部选项\n",
    )
    paragraphs = list(document.paragraphs())
    assert [(p.text, p.spans) for p in paragraphs] == [
        ("术语", (Span(0, 2, "strong"),)),
        ("定义 一。", (Span(3, 4, "emphasis"),)),
        ("作者：张三", (Span(0, 3, "strong"),)),
        ("附件：", (Span(0, 3, "strong"),)),
        ("-a, --all", (Span(0, 9, "strong"),)),
        ("全部选项", ()),
    ]
    assert {p.role for p in paragraphs} == {Role.LIST_ITEM}


def test_a_field_body_reads_in_document_order(app):
    document = translate(app, "前文。\n\n:日期:\n   第一段\n\n   * 列表\n\n   第二段\n")
    assert [p.text for p in document.paragraphs()][1:] == ["日期：第一段", "• 列表", "第二段"]


def test_admonitions_lead_with_their_label(app):
    document = translate(
        app,
        ".. note:: 注意安全。\n\n.. admonition:: 特别提示\n\n   自定义。\n\n"
        ".. warning::\n\n   * 列表开头\n\n.. versionadded:: 2.0\n   新增。\n",
    )
    notes = [p for p in document.paragraphs() if p.role is Role.NOTE]
    assert [(p.text, p.spans) for p in notes] == [
        ("注：注意安全。", (Span(0, 2, "strong"),)),
        ("特别提示：自定义。", (Span(0, 5, "strong"),)),
        ("警告：", (Span(0, 3, "strong"),)),  # a list cannot carry the label: it stands alone
        ("Added in version 2.0: 新增。", ()),
    ]
    assert ("list_item", "• 列表开头") in shown(document)


def test_blocks_of_code_quotes_and_captions(app):
    document = translate(
        app,
        ".. code-block:: python\n\n   a = 1\n   b = 2\n\n>>> 1 + 1\n2\n\n"
        ".. math::\n\n   E = mc^2\n\n正文：\n\n   引文。\n\n   -- 某人\n\n.. rubric:: 小标题\n\n"
        "| 第一行\n| 第二行\n\n.. productionlist::\n   expr: term\n",
    )
    assert shown(document) == [
        ("code", "a = 1"),
        ("code", "b = 2"),
        ("code", ">>> 1 + 1"),
        ("code", "2"),
        ("code", "E = mc^2"),
        ("body", "正文："),
        ("quote", "引文。"),
        ("quote", "某人"),
        ("caption", "小标题"),
        ("body", "第一行"),
        ("body", "第二行"),
        ("code", "expr ::= term"),
    ]


def test_referenced_footnotes_become_notes_others_stay_paragraphs(app):
    document = translate(
        app,
        "正文 [#a]_ 接着 [CIT]_。\n\n.. [#a] 脚注内容。\n\n.. [#b] 无人引用。\n\n.. [CIT] 文献。\n",
    )
    first = document.children[0]
    assert first.text == "正文  接着 [CIT]。"
    assert [(n.offset, n.body) for n in first.notes] == [(3, "脚注内容。")]
    assert shown(document)[1:] == [("footnote", "[2] 无人引用。"), ("footnote", "[CIT] 文献。")]


def test_tables_keep_spans_header_rows_and_titles(app):
    document = translate(
        app,
        ".. table:: 表题\n\n   +------+------+\n   | 合并        |\n   +======+======+\n"
        "   | a    | b    |\n   +------+------+\n\n"
        ".. list-table::\n   :header-rows: 1\n\n   * - 头\n     - 尾\n   * - 格\n     - * 项\n",
    )
    caption, grid, listed = document.children
    assert (caption.role, caption.text) == (Role.CAPTION, "表题")
    assert isinstance(grid, Table) and isinstance(listed, Table)
    assert (grid.header_rows, grid.spans) == (1, {(0, 0): (2, 1)})
    assert [[[p.text for p in cell] for cell in row] for row in grid.rows] == [
        [["合并"]],
        [["a"], ["b"]],
    ]
    assert listed.header_rows == 1
    # A cell holds table text only: a list in it is kept as its text.
    assert [(p.role, p.text) for p in listed.rows[1][1]] == [(Role.TABLE_TEXT, "• 项")]


def test_pictures_and_what_stands_for_those_word_cannot_show(app, warnings):
    document = translate(
        app,
        ".. figure:: good.png\n   :alt: 流程图\n\n   图1  说明\n\n"
        ".. image:: bad.png\n   :alt: 坏图\n\n.. image:: bad.png\n\n"
        ".. image:: missing.png\n\n带图 |i| 的段落。\n\n.. |i| image:: good.png\n",
    )
    picture, *rest = document.children
    assert isinstance(picture, Picture)
    assert (picture.name, picture.description, picture.data) == ("good.png", "流程图", png())
    assert [(p.role.value, p.text) for p in rest] == [
        ("caption", "图1  说明"),
        ("caption", "坏图"),
        ("caption", "bad.png"),
        ("caption", "missing.png"),
        ("body", "带图  的段落。"),  # an inline picture is left out of the text
    ]
    text = warnings.getvalue()
    assert text.count("image 'bad.png' is not a picture Word can show") == 1
    assert "page.rst:" in text  # the warning points at the source line
    assert "image 'missing.png' is not a PNG, JPEG, GIF or BMP file on disk" in text


class mystery(nodes.Element):  # docutils names node classes in lower case
    """A node type no translator knows."""


def test_unknown_nodes_keep_their_text_and_warn_once_per_type(app, warnings):
    doctree = parse(app, "题\n==\n\n前文 **粗**。\n", "page")
    doctree += mystery("", nodes.Text("未知 一"))
    doctree += mystery("", nodes.Text("未知二"))
    doctree[1] += mystery("", nodes.Text("（内嵌）"))  # inside a paragraph: just its text
    document = app.builder.translate(doctree)
    assert shown(document) == [
        ("title", "题"),
        ("body", "前文 粗。（内嵌）"),
        ("body", "未知 一"),
        ("body", "未知二"),
    ]
    assert warnings.getvalue().count("no gongwen translation for mystery nodes") == 1


def test_a_paragraph_inside_inline_text_is_read_as_part_of_it(app):
    doctree = parse(app, "前文。\n", "page")
    doctree += nodes.inline("", "", nodes.Text("外"), nodes.paragraph("", "内"), nodes.Text("层"))
    assert shown(app.builder.translate(doctree)) == [("body", "前文。"), ("body", "外内层")]


def test_the_entry_title_replaces_the_documents_own(app):
    document = translate(app, SECTIONS, title="青山县工作手册")
    assert shown(document)[:3] == [
        ("title", "青山县工作手册"),
        ("body", "导语。"),
        ("h1", "一、工作职责"),
    ]
    assert "总标题" not in [p.text for p in document.paragraphs()]
    # A page without a title of its own gets the entry's title on top.
    untitled = translate(app, "只有正文。\n", title="通知")
    assert shown(untitled) == [("title", "通知"), ("body", "只有正文。")]


def test_the_builder_makes_its_translator_through_create_translator(app):
    doctree = parse(app, "正文。\n", "page")
    translator = app.builder.create_translator(doctree, app.builder)
    assert type(translator) is GongwenTranslator
    doctree.walkabout(translator)
    assert isinstance(translator.result.children[0], Paragraph)
    assert not any(isinstance(b, Section) for b in translator.result.children)
