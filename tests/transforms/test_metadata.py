from outline2docx import Role, parse


def roles(document):
    return [(p.role, p.text) for p in document.paragraphs()]


def test_metadata_fills_in_what_the_text_lacks():
    text = ("---\n发文机关标志: 青山县人民政府文件\n发文字号: 青政发〔2025〕5号\n签发人: 张三\n"
            "主送: 各乡镇人民政府\n---\n关于做好防汛工作的通知\n一、总体要求\n正文。")  # fmt: skip
    assert roles(parse(text))[:4] == [
        (Role.ISSUER, "青山县人民政府文件"),
        (Role.DOCNUMBER, "青政发〔2025〕5号"),
        (Role.TITLE, "关于做好防汛工作的通知"),
        (Role.ADDRESSEE, "各乡镇人民政府："),
    ]
    assert parse(text).meta.signer == "张三"  # set beside the number by the renderer


def test_a_document_number_gets_its_year_in_the_standard_brackets():
    document = parse("---\n发文字号: 青政发[2025]5号\n---\n关于防汛的通知")
    assert roles(document)[0] == (Role.DOCNUMBER, "青政发〔2025〕5号")


def test_the_texts_own_parts_win():
    text = "---\n发文机关标志: 别的机关文件\n主送: 别的单位\n---\n青山县教育局文件\n关于开展检查的通知\n各学校：\n正文。"
    document = parse(text)
    assert [r for r, _ in roles(document)] == [Role.ISSUER, Role.TITLE, Role.ADDRESSEE, Role.BODY]
    assert roles(document)[0][1] == "青山县教育局文件"
    assert document.meta.issuer == "别的机关文件"  # kept, but not added twice


def test_a_signer_written_after_the_number_is_set_apart_by_the_lead():
    document = parse(
        "青山县人民政府文件\n青政发〔2025〕5号　　签发人：张三\n关于防汛的请示\n正文。"
    )
    number = next(p for p in document.paragraphs() if p.role is Role.DOCNUMBER)
    assert (number.lead, number.rest.strip()) == ("青政发〔2025〕5号", "签发人：张三")
    assert number.text == "青政发〔2025〕5号　　签发人：张三"  # the line as written


def test_metadata_given_by_the_user_wins_over_the_files_and_is_applied_once():
    from outline2docx.pipeline import Settings, read
    from outline2docx.tree.meta import Meta

    text = "---\n发文字号: 青政发〔2025〕5号\n签发人: 张三\n---\n关于防汛的请示\n正文。"
    given = Meta(number="青政发〔2025〕9号", signer="李四")
    document = read(text, Settings(meta=given)).document
    numbers = [p.text for p in document.paragraphs() if p.role is Role.DOCNUMBER]
    assert numbers == ["青政发〔2025〕9号"]
    assert document.meta.signer == "李四"


def test_a_signer_on_a_line_of_its_own_beside_the_number_joins_the_metadata():
    text = "青山县人民政府文件\n青政发〔2025〕9号\n签发人：王某某\n关于做好防汛工作的请示\n市人民政府：\n正文。"
    document = parse(text)
    assert document.meta.signer == "王某某"
    assert [r for r, _ in roles(document)] == [
        Role.ISSUER, Role.DOCNUMBER, Role.TITLE, Role.ADDRESSEE, Role.BODY,
    ]  # fmt: skip
    # The front matter's signer wins; the line still leaves the text.
    document = parse("---\n签发人: 李四\n---\n" + text)
    assert document.meta.signer == "李四" and "签发人：王某某" not in [
        t for _, t in roles(document)
    ]


def test_a_signer_line_far_from_any_document_number_stays_text():
    text = "关于做好防汛工作的通知\n各乡镇人民政府：\n请做好防汛工作。\n签发人：王某某"
    document = parse(text)
    assert document.meta.signer == "" and roles(document)[-1][1] == "签发人：王某某"
