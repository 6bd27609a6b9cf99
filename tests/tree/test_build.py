from outline2docx import parse
from outline2docx.tree.build import build
from outline2docx.tree.nodes import Paragraph, Role, Section


def shape(blocks):
    """Nested (role, children) tuples of a block list, for comparing structure."""
    out = []
    for block in blocks:
        if isinstance(block, Section):
            out.append((block.heading.role.value, shape(block.children)))
        else:
            out.append(block.role.value)
    return out


def test_sections_nest_by_rank_and_a_skipped_level_still_nests():
    doc = parse("一、甲\n（一）乙\n1.丙\n正文。\n二、丁\n1.戊\n正文。")
    assert shape(doc.children) == [
        ("h1", [("h2", [("h3", ["body"])])]),
        ("h1", [("h3", ["body"])]),
    ]


def test_runin_paragraphs_keep_their_lead_inside_the_section():
    doc = parse("一、总体要求\n一是加强领导。要成立领导小组。\n二是落实责任。")
    (section,) = doc.children
    first, second = section.children
    assert (first.role, first.lead, first.rest) == (
        Role.RUNIN,
        "一是加强领导。",
        "要成立领导小组。",
    )
    assert second.lead == "二是落实责任。"


def test_frame_parts_close_open_sections():
    doc = parse("标题\n一、甲\n正文。\n谢谢大家！")
    assert shape(doc.children) == ["title", ("h1", ["body"]), "closing"]


def test_regulation_nesting():
    text = "办法\n第一章 总则\n第一节 规划\n第一条 甲。\n（一）乙；\n第二条 丙。\n第二章 附则\n第三条 丁。"
    assert shape(parse(text).children) == [
        "title",
        ("chapter", [("section", [("article", [("h2", [])]), ("article", [])])]),
        ("chapter", [("article", [])]),
    ]


def test_every_node_keeps_its_source_line():
    doc = parse("标题\n\n一、甲\n\n正文。")
    assert [(p.line, p.role.value) for p in doc.paragraphs()] == [
        (1, "title"),
        (3, "h1"),
        (5, "body"),
    ]
    (section,) = doc.sections()
    assert section.lines == (3, 5)


def test_build_takes_twenty_thousand_sections():
    items = [(Paragraph(Role.H1, "一、甲", n), 40) for n in range(1, 20001)]
    assert len(build(items)) == 20000
