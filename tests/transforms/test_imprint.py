"""A pasted imprint at the end of a text becomes the imprint's fields, and only then."""

from __future__ import annotations

import io
import zipfile

import pytest

from outline2docx import parse
from outline2docx.pipeline import Settings, publish
from outline2docx.tree.meta import Meta

NOTICE = """关于做好防汛工作的通知

各乡镇人民政府：

请各乡镇认真做好今年的防汛工作。

青山县人民政府
2025年3月1日
"""
COPIES = "抄送：县委办公室，县人大常委会办公室。"
PRINTED = "青山县人民政府办公室        2025年3月1日印发"


def test_the_pasted_imprint_fills_the_fields_and_leaves_the_text():
    document = parse(NOTICE + f"\n{COPIES}\n{PRINTED}\n")
    assert document.meta == Meta(
        copies_to="县委办公室，县人大常委会办公室。",
        printed_by="青山县人民政府办公室",
        printed_on="2025年3月1日",
    )
    assert [p.text for p in document.paragraphs()][-1] == "2025年3月1日"


def test_one_line_of_an_imprint_is_enough():
    document = parse(NOTICE + f"\n{PRINTED}\n")
    assert (document.meta.printed_by, document.meta.copies_to) == ("青山县人民政府办公室", "")


@pytest.mark.parametrize(
    "ending",
    [
        f"\n{COPIES}\n{PRINTED}\n共印20份\n",  # a line the imprint cannot hold: all stay text
        f"\n{PRINTED}\n{COPIES}\n",  # out of GB/T 9704's order
        f"\n{COPIES}\n请各乡镇于3月10日前报送。\n",  # text after it
    ],
    ids=["a line it cannot hold", "out of order", "text after it"],
)
def test_anything_else_at_the_end_leaves_the_lines_as_text(ending):
    document = parse(NOTICE + ending)
    assert not document.meta.has_imprint
    assert COPIES in [p.text for p in document.paragraphs()]


def test_without_a_date_before_them_the_lines_are_text():
    document = parse(f"关于做好防汛工作的通知\n\n正文。\n\n{COPIES}\n")
    assert not document.meta.has_imprint


def test_front_matter_and_meta_win_over_the_pasted_lines():
    text = "---\n抄送: 县政协办公室\n---\n" + NOTICE + f"\n{COPIES}\n{PRINTED}\n"
    document = parse(text)
    assert document.meta.copies_to == "县政协办公室"
    assert document.meta.printed_by == "青山县人民政府办公室"
    settings = Settings(meta=Meta(printed_by="县政府办公室"), layout=False)
    publication = publish(text, settings)
    assert publication.document.meta.printed_by == "县政府办公室"


def test_the_imprint_comes_out_in_its_box_and_each_line_is_noted(tmp_path):
    source = tmp_path / "notice.txt"
    source.write_text(NOTICE + f"\n{COPIES}\n{PRINTED}\n", "utf-8")
    publication = publish(source, Settings(layout=False))
    assert [n.split(": note: ")[1] for n in publication.notes] == [
        f"set as the imprint (版记): {COPIES}",
        f"set as the imprint (版记): {PRINTED}",
    ]
    document = zipfile.ZipFile(io.BytesIO(publication.data)).read("word/document.xml").decode()
    box = document[document.index("<w:txbxContent>") :]
    assert "抄送：县委办公室，县人大常委会办公室。" in box
    assert '青山县人民政府办公室</w:t><w:tab/><w:t xml:space="preserve">2025年3月1日印发' in box


def test_our_own_imprint_read_back_from_word_is_the_imprint_again(tmp_path):
    source = tmp_path / "notice.txt"
    source.write_text(NOTICE + f"\n{COPIES}\n{PRINTED}\n", "utf-8")
    docx = tmp_path / "notice.docx"
    docx.write_bytes(publish(source, Settings(layout=False)).data)
    again = publish(docx, Settings(layout=False)).document
    assert again.meta.copies_to == "县委办公室，县人大常委会办公室。"
    assert (again.meta.printed_by, again.meta.printed_on) == (
        "青山县人民政府办公室",
        "2025年3月1日",
    )
    assert not any("抄送" in p.text for p in again.paragraphs())


def test_the_lines_moved_into_the_metadata_are_still_reported_line_by_line():
    from outline2docx.tree.serialize import document_to_dict

    text = NOTICE + f"\n{COPIES}\n{PRINTED}\n"
    lines = document_to_dict(parse(text))["lines"]
    assert [entry["line"] for entry in lines] == sorted(entry["line"] for entry in lines)
    assert [entry["text"] for entry in lines][-2:] == [COPIES, PRINTED]
    assert len(lines) == len([line for line in text.splitlines() if line.strip()])
