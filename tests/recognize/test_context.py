"""Roles that depend on neighbours: header, end matter and document-wide modes."""

from outline2docx.read.lines import split_lines
from outline2docx.recognize import recognize


def roles(text: str) -> list[tuple[str, str]]:
    lines, _ = split_lines(text)
    return [(f.role.value, f.text) for f in recognize(lines)]


def role_list(text: str) -> list[str]:
    return [role for role, _ in roles(text)]


def test_notice_header_and_end_matter():
    text = """青山县教育局文件
青教〔2025〕7号
关于开展2025年春季学期
校园安全大检查的通知
各乡镇中心学校，县直各学校：
为做好春季学期校园安全工作，现将有关事项通知如下：
一、检查时间
特此通知。
附件：1.校园安全检查清单
      2.校园安全检查情况汇总表
青山县教育局
2025年2月20日
"""
    assert role_list(text) == [
        "issuer",
        "docnumber",
        "title",
        "title",
        "addressee",
        "body",
        "h1",
        "closing",
        "attachment",
        "attachment",
        "signature",
        "date",
    ]


def test_organization_above_document_number_is_the_issuer():
    text = "青山县人民政府办公室\n青政办发〔2025〕3号\n关于加强防汛工作的通知\n各乡镇人民政府：\n正文。"
    assert role_list(text)[:4] == ["issuer", "docnumber", "title", "addressee"]


def test_speech_header_with_split_subtitle_and_speaker():
    text = """政府工作报告
——2026年1月26日在某省第十四届
人民代表大会第五次会议上
某省省长 张三
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
"""
    assert role_list(text) == ["title", "subtitle", "subtitle", "byline", "salutation", "body"]


def test_a_speaker_with_two_posts_under_a_subtitle_is_the_byline():
    text = "凝心聚力 真抓实干\n——在全市教育工作会议上的讲话\n市委副书记、市长  王某某\n（2025年2月20日）\n同志们："
    assert role_list(text) == ["title", "subtitle", "byline", "byline", "salutation"]


def test_a_name_under_a_title_is_the_byline_but_a_title_tail_is_not():
    assert role_list("在全市大会上的讲话\n张三\n同志们：") == ["title", "byline", "salutation"]
    assert role_list("关于开展检查工作\n的通知\n各学校：") == ["title", "title", "addressee"]
    assert role_list("青山县\n安全生产方案\n各学校：") == ["title", "title", "addressee"]


def test_dated_byline_and_adoption_notes_under_a_title():
    assert role_list("关于实施乡村振兴战略的意见\n（2018年1月2日）\n一、重大意义") == [
        "title",
        "byline",
        "h1",
    ]
    text = "某市文物保护条例\n2021年6月18日 某市人大常委会第四十次会议通过\n第一章 总则"
    assert role_list(text) == ["title", "byline", "chapter"]


def test_a_table_of_contents_is_body_text():
    text = (
        "某县城市绿化管理办法\n目　　录\n第一章　总则\n第二章　规划和建设\n第三章　附则\n"
        "第一章　总则\n第一条　为了促进城市绿化事业发展，制定本办法。\n第二章　规划和建设\n第三章　附则"
    )
    assert role_list(text) == [
        "title",
        "body",
        "body",
        "body",
        "body",
        "chapter",
        "article",
        "chapter",
        "chapter",
    ]


def test_adoption_notes_broken_over_two_lines():
    text = (
        "某市文物保护条例\n（2021年6月18日某市第十七届人民代表大会常务委员会第四十次会议通过\n"
        "2021年7月29日某省第十三届人民代表大会常务委员会第二十九次会议批准）\n第一章 总则"
    )
    assert role_list(text) == ["title", "byline", "byline", "chapter"]


def test_a_draft_mark_under_a_title_is_part_of_it():
    assert role_list("青山县城市绿化管理办法\n（征求意见稿）\n第一章 总则") == [
        "title", "title", "chapter",
    ]  # fmt: skip


def test_a_bracketed_note_under_a_title_is_a_byline():
    assert role_list("在全市大会上的讲话\n（根据录音整理）\n同志们：") == [
        "title",
        "byline",
        "salutation",
    ]


def test_a_salutation_only_opens_the_text():
    text = "讲话\n同志们：\n今天开会。\n同志们：\n谢谢大家！"
    assert role_list(text) == ["title", "salutation", "body", "body", "closing"]


def test_signature_and_date_after_the_text_and_a_new_document_after_them():
    text = """国务院办公厅关于印发试点工作方案的通知
各省、自治区、直辖市人民政府：
《试点工作方案》已经国务院同意，现印发给你们，请认真贯彻执行。
国务院办公厅
2018年12月29日
（此件公开发布）
试点工作方案
“无废城市”是一种先进的城市管理理念。
"""
    assert role_list(text) == [
        "title",
        "addressee",
        "body",
        "signature",
        "date",
        "body",
        "title",
        "body",
    ]


def test_courtesy_line_before_the_signature_is_the_closing():
    text = "答复\n某某委员：\n正文。\n感谢你们对政府工作的关心和支持。\n国务院办公厅\n二〇〇五年七月十四日"
    assert role_list(text)[-3:] == ["closing", "signature", "date"]


def test_closing_above_attachment_notes_and_the_signature():
    text = (
        "关于商请支持的函\n某局：\n正文。\n请予支持，为盼。\n"
        "附件：1.实施方案\n2.技术文件\n某市总工会\n2026年8月12日"
    )
    assert role_list(text)[3:] == ["closing", "attachment", "attachment", "signature", "date"]


def test_attachment_title_after_a_bare_attachment_line():
    text = "正文。\n附件\n号牌式样和车辆涂装样图\n一、号牌编码规则"
    assert role_list(text) == ["body", "attachment", "title", "h1"]


def test_unnumbered_group_headings_above_lists():
    text = "高一爱校教育\n1、出一期黑板报。\n2、召开主题班会。\n高二爱国教育\n1、规范升旗仪式。"
    assert role_list(text) == ["h1", "h3", "h3", "h1", "h3"]


def test_a_single_short_line_above_a_list_stays_a_title():
    assert role_list("校园安全检查要求\n1、检查消防设施。\n2、检查食堂。")[0] == "title"


def test_decimal_outlines_map_by_depth():
    text = "1 总则\n1.1 编制目的\n为了规范应急处置，制定本预案。\n1.1.1 适用范围\n2 组织体系"
    assert role_list(text) == ["h1", "h2", "body", "h3", "h1"]


def test_a_lone_number_and_space_is_not_an_outline():
    assert role_list("标题\n3 个月内完成整改。") == ["title", "body"]


def test_cn_items_under_chapters_are_articles():
    text = "某某章程\n第一章 总则\n一、本会名称为某某协会。\n二、本会宗旨是服务会员。"
    assert role_list(text) == ["title", "chapter", "article", "article"]


def test_noise_does_not_interrupt_the_header():
    text = "县工会讲话稿\n好学生 分享 时间:\n县工会代表大会讲话\n各位代表,同志们:\n今天开幕了。"
    assert role_list(text) == ["title", "noise", "title", "salutation", "body"]


def test_a_web_headline_that_only_repeats_the_title_is_noise():
    text = "全会闭幕时讲话\n时间:2021-10-17 14:15:41 浏览量:\n在全会闭幕时的讲话\n同志们:"
    assert role_list(text) == ["noise", "noise", "title", "salutation"]


def test_a_headline_that_says_more_than_the_title_stays_a_title():
    text = "代表大会讲话稿\n好学生 分享 时间:\n代表大会讲话\n同志们:"
    assert role_list(text) == ["title", "noise", "title", "salutation"]


def test_a_form_line_under_a_title_is_not_an_addressee():
    assert role_list("运动会报名表\n班级：    联系人：\n姓名") == ["title", "body", "body"]


def test_joint_issuers_side_by_side_are_the_issuer_mark():
    text = "中共某县委办公室  某县人民政府办公室\n关于做好春节期间有关工作的通知\n各乡镇：\n正文。"
    assert role_list(text) == ["issuer", "title", "addressee", "body"]
    # one organization alone, with no number below it, may be a title's first line
    assert role_list("某县人民政府\n关于做好有关工作的通知\n各乡镇：")[:2] == ["title", "title"]
