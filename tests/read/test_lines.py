from outline2docx.read.lines import read_source, split_lines


def test_every_line_break_counts_once():
    lines, _ = split_lines("甲\r\n乙\r丙\n丁\u2028戊\u2029己")
    assert [(line.number, line.text) for line in lines] == [
        (1, "甲"),
        (2, "乙"),
        (3, "丙"),
        (4, "丁"),
        (5, "戊"),
        (6, "己"),
    ]


def test_empty_lines_are_skipped_but_keep_their_numbers():
    lines, _ = split_lines("标题\n\n  \n\u3000\u3000\n正文")
    assert [(line.number, line.text) for line in lines] == [(1, "标题"), (5, "正文")]


def test_indentation_of_ascii_and_full_width_spaces_is_trimmed_and_measured():
    lines, _ = split_lines("\u3000\u3000正文段落。\xa0 \n\t  德育处")
    assert [(line.text, line.indent) for line in lines] == [("正文段落。", 2), ("德育处", 3)]


def test_control_characters_are_removed_and_reported():
    lines, removed = split_lines("一、总\x07体要求\n正文\x0c\x00。")
    assert [line.text for line in lines] == ["一、总体要求", "正文。"]
    assert [(r.line, r.column, r.char) for r in removed] == [
        (1, 4, "\x07"),
        (2, 3, "\x0c"),
        (2, 4, "\x00"),
    ]


def test_read_source_names_the_encoding(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("关于开展检查的通知\r\n各学校：".encode("gb18030"))
    source = read_source(path)
    assert source.encoding == "gb18030"
    assert source.source == str(path)
    assert [line.text for line in source.lines] == ["关于开展检查的通知", "各学校："]
