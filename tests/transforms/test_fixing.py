from outline2docx.pipeline import Settings, read_text
from outline2docx.transforms.fixing import fix_draft
from outline2docx.tree.meta import Meta

from ..packages import word_document


def test_lines_keep_their_numbers_and_the_diff_names_them():
    data = "---\n发文字号: 1号\n---\n标题\n\n\u3000\u3000各位代表,同志们:\n".encode()
    draft = read_text(data, "draft.txt", Settings())
    fix_draft(draft, Settings(diff=True))
    assert [(line.number, line.text) for line in draft.lines] == [
        (4, "标题"),
        (6, "各位代表，同志们："),
    ]
    assert draft.meta == Meta(number="1号")  # the front matter stays: the red header with it
    assert draft.notes == [
        "--- draft.txt\n+++ draft.txt (fixed)\n@@ -6 +6 @@\n-各位代表,同志们:\n+各位代表，同志们："
    ]


def test_a_word_bodys_paragraphs_are_fixed_and_read_again():
    from outline2docx.pipeline import read_word

    draft = read_word(word_document("标题", "各位代表,同志们:"), None, Settings())
    fix_draft(draft, Settings())
    assert [line.text for line in draft.lines] == ["标题", "各位代表，同志们："]
    assert draft.notes == []  # no diff unless asked
