"""The document's frame, one class of page per test, on short texts written for these tests.

Each test names the class it guards, so a regression says which kind of page broke.
"""

from __future__ import annotations

import pytest

from outline2docx import parse
from outline2docx.recognize.frame import TRANSITIONS, State
from outline2docx.recognize.states import ROLE_OF, TEXT_ROLES
from outline2docx.tree.serialize import document_to_dict


def roles(text: str, **options) -> list[str]:
    return [p.role.value for p in parse(text, **options).paragraphs()]


def by_line(text: str, **options) -> dict[int, str]:
    return {p.line: p.role.value for p in parse(text, **options).paragraphs()}


RESIDUE_ABOVE_A_TITLE = """当前位置：
首页
>
政务动态
>
2025年青山县人民政府工作报告
发布时间：
2025-02-09 09:45:30
来源：
青山日报客户端
【字体：
大
中
小
】
政府工作报告
——2025年2月3日在青山县第十届人民代表大会第四次会议上
青山县人民政府县长 王某某
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议。
一、过去一年的工作
过去一年，全县上下团结奋斗，各项事业取得新进展。
"""


def test_residue_above_a_title_costs_nothing_below_it():
    got = by_line(RESIDUE_ABOVE_A_TITLE)
    assert all(got[n] == "noise" for n in range(1, 16))
    assert [got[n] for n in range(16, 20)] == ["title", "subtitle", "byline", "salutation"]
    assert [got[20], got[21]] == ["body", "h1"]


def test_one_residue_line_more_or_less_changes_nothing_below():
    lines = RESIDUE_ABOVE_A_TITLE.splitlines()
    header = ["title", "subtitle", "byline", "salutation", "body", "h1", "body"]
    for cut in range(15):  # drop any one residue line: the header below stays the same
        shorter = "\n".join(lines[:cut] + lines[cut + 1 :])
        assert roles(shorter) == ["noise"] * 14 + header


def test_a_title_after_a_page_headline_that_condenses_it():
    text = "全县安全生产会议讲话\n时间：2025-03-01 10:20 浏览量：12\n在全县安全生产工作会议上的讲话\n县长 张某\n同志们：\n今天召开会议。"
    assert roles(text) == ["noise", "noise", "title", "byline", "salutation", "body"]


def test_a_title_after_a_headline_that_the_title_repeats():
    text = "首页>讲话稿>在全县安全生产工作会议上的讲话\n在全县安全生产工作会议上的讲话\n范文网 编辑：小李\n在全县安全生产工作会议上的讲话\n（2025年3月1日）\n同志们：\n今天召开会议。"
    assert roles(text) == ["noise", "noise", "noise", "title", "byline", "salutation", "body"]


def test_a_document_that_begins_with_its_addressee():
    text = "各乡镇人民政府，县直各单位：\n为做好春季防火工作，现将有关事项通知如下。\n一、加强巡查\n各单位要落实巡查责任。\n特此通知。\n青山县人民政府办公室\n2025年3月1日"
    assert roles(text) == [
        "addressee",
        "body",
        "h1",
        "body",
        "closing",
        "signature",
        "date",
    ]


def test_a_speech_without_a_title_behind_a_site_lead_in():
    text = "下面是小编为大家整理的县长在全县会议上的讲话，供大家参考。\n同志们：\n今天的会议很重要。\n谢谢大家！"
    assert roles(text) == ["noise", "salutation", "body", "closing"]


def test_traditional_characters_are_recognized_and_kept():
    text = "在紀念大會上的講話\n縣長 ***\n同志們：\n第一條 為了規範管理，制定本辦法。\n謝謝大家！"
    document = parse(text)
    assert [p.role.value for p in document.paragraphs()] == [
        "title",
        "byline",
        "salutation",
        "article",
        "closing",
    ]
    article = list(document.paragraphs())[3]
    assert article.text == "第一條 為了規範管理，制定本辦法。"  # the source text, not the copy
    assert article.lead == "第一條"


TRAILER = """在全市教育工作会议上的讲话
同志们：
今年的工作任务很重，希望大家抓好落实。
谢谢大家！
责任编辑：
李某某
扫一扫在手机打开当前页
相关链接>>
全市教育工作会议召开
市长调研教育工作时强调 办好人民满意的教育
打印本页
关闭窗口
"""


def test_a_trailer_of_related_articles_and_editors_is_residue():
    got = roles(TRAILER)
    assert got[:4] == ["title", "salutation", "body", "closing"]
    assert got[4:] == ["noise"] * 8


def test_a_signature_and_date_followed_by_junk():
    text = '关于做好防汛工作的通知\n各乡镇：\n请做好防汛准备。\n特此通知。\n青山县应急管理局\n2025年6月1日\n47 3432347\n");'
    assert roles(text) == [
        "title",
        "addressee",
        "body",
        "closing",
        "signature",
        "date",
        "noise",
        "noise",
    ]


def test_a_decree_and_the_regulation_it_promulgates():
    text = "中华人民共和国国务院令\n第801号\n《青山保护条例》已经2025年1月10日国务院第5次常务会议通过，现予公布，自2025年3月1日起施行。\n总理　某某某\n2025年1月20日\n青山保护条例\n第一章　总则\n第一条　为了保护青山，制定本条例。"
    assert roles(text) == [
        "issuer",
        "docnumber",
        "body",
        "signature",
        "date",
        "title",
        "chapter",
        "article",
    ]


def test_an_attachment_list_numbered_with_full_width_dots():
    text = "关于报送材料的通知\n各学校：\n请按时报送材料。\n附：1．报送表\n2．汇总表\n青山县教育局\n2025年5月6日"
    assert roles(text) == [
        "title",
        "addressee",
        "body",
        "attachment",
        "attachment",
        "signature",
        "date",
    ]


def test_an_issued_plan_follows_its_notice_and_note():
    text = "关于印发青山县防汛预案的通知\n青政办发〔2025〕3号\n各乡镇：\n现将《青山县防汛预案》印发给你们，请认真执行。\n青山县人民政府办公室\n2025年5月1日\n（此件公开发布）\n青山县防汛预案\n一、总则\n为做好防汛工作，制定本预案。"
    assert roles(text) == [
        "title",
        "docnumber",
        "addressee",
        "body",
        "signature",
        "date",
        "body",
        "title",
        "h1",
        "body",
    ]


def test_minutes_particulars_are_text_not_header():
    text = "县政府常务会议纪要\n时　　间　2025年3月5日上午\n地　　点　县政府会议室\n主持人：王某某\n出　席：李某　张某　赵某\n列　席：县直有关单位负责人\n会议研究了以下事项：\n一、审议防汛预案\n会议同意该预案。"
    assert roles(text) == ["title", "body", "body", "body", "body", "body", "body", "h1", "body"]


def test_a_table_of_contents_with_page_numbers_and_the_piece_it_lists():
    text = "工作总结汇编\n目录\n1.东镇工作总结 3\n2.西镇工作总结 9\n东镇工作总结\n今年以来，东镇扎实推进各项工作。"
    assert roles(text) == ["title", "body", "body", "body", "title", "body"]


def test_yi_yao_paragraphs_are_run_in_like_yi_shi():
    text = "一要提高认识。各单位要统一思想。\n二要压实责任。层层落实到人。\n三要加强督查。"
    assert roles(text) == ["runin", "runin", "runin"]


def test_a_lone_shouxian_opens_no_enumeration():
    text = "同志们：\n首先，我代表县委向大家表示感谢。\n今年的工作很重要。\n大家要抓好落实。"
    document = parse(text)
    lone = list(document.paragraphs())[1]
    assert lone.role.value == "body"
    assert lone.runner_up.value == "runin" and lone.confidence < 0.8  # a close call


def test_unnumbered_part_headings_of_a_work_report():
    text = "政府工作报告\n各位代表：\n现在我代表县政府报告工作。\n过去一年工作回顾\n过去一年，我们攻坚克难，经济稳中向好。\n今年主要任务\n今年要抓好三件大事，确保目标实现。"
    got = roles(text)
    assert got[3] == got[5] == "h1"
    assert got[4] == got[6] == "body"


def test_half_width_punctuation_reads_like_full_width():
    full = "在全县大会上的讲话\n（2025年3月1日）\n各位代表，同志们：\n（一）加强领导。要落实责任。\n谢谢大家！"
    half = full.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")")
    half = half.replace("！", "!").replace("；", ";")
    assert roles(half) == roles(full) == ["title", "byline", "salutation", "h2_runin", "closing"]


def test_page_tools_and_lone_brackets_are_residue():
    text = "关于开展检查的通知\n【\n打印\n】\n【\n关闭\n】\n各单位：\n请做好准备。"
    assert roles(text) == ["title"] + ["noise"] * 6 + ["addressee", "body"]


@pytest.mark.parametrize("state", list(State))
def test_every_state_can_be_reached_and_left(state):
    reached = any(state in moves for moves in TRANSITIONS.values())
    assert reached, f"{state.name} is never entered"
    assert TRANSITIONS.get(state), f"{state.name} is never left"


def test_every_state_but_text_names_its_role():
    assert set(ROLE_OF) == set(State) - {State.TEXT}
    # Only the notes around the text (a note after the date, a particular of the header) are
    # body text by role; every other part of the frame has a role of its own.
    body_parts = {State.NOTE, State.HEADER_NOTE}
    assert all(role not in TEXT_ROLES or state in body_parts for state, role in ROLE_OF.items())


def test_a_metadata_table_with_values_on_its_lines_is_residue():
    text = "索引号: 0001/2025-00012 发文字号:\n标题: 青山县人民政府关于做好防汛工作的通知\n发布机构: 青山县人民政府 成文日期: 2025-05-01\n青山县人民政府关于做好防汛工作的通知\n青政发〔2025〕7号\n各乡镇人民政府:\n请做好防汛准备。"
    assert roles(text) == ["noise", "noise", "noise", "title", "docnumber", "addressee", "body"]


def test_a_table_of_contents_without_its_heading_and_the_text_it_lists():
    text = "青山县防汛预案\n1 总则\n1.1 编制目的\n1.2 编制依据\n2 组织体系\n2.1 指挥机构\n2.2 成员单位\n1 总则\n1.1 编制目的\n为做好防汛工作，制定本预案。"
    assert roles(text) == ["title"] + ["body"] * 6 + ["h1", "h2", "body"]


def test_an_outline_of_bare_headings_is_no_table_of_contents():
    text = (
        "一、总体要求\n（一）指导思想\n（二）工作目标\n二、主要任务\n（一）加强监测\n（二）强化预警"
    )
    assert roles(text) == ["h1", "h2", "h2", "h1", "h2", "h2"]


def test_a_headline_repeated_word_for_word_leaves_the_first_copy_the_title():
    text = "您的位置:首页 > 通知公告 > 正文\n关于春节放假的通知\n发布时间:2025年1月20日  阅读次数:301\n关于春节放假的通知\n根据国家规定，现将春节放假安排通知如下。"
    assert roles(text) == ["noise", "title", "noise", "noise", "body"]


# ---- page classes a batch of unseen pages (corpus documents 120–135) taught ----------------


def test_a_sites_footer_and_its_contact_lines_are_residue():
    text = (
        "关于青山县政府工作报告的决议\n（2025年1月10日青山县第十届人民代表大会第五次会议通过）\n"
        "青山县第十届人民代表大会第五次会议听取和审议了县长所作的政府工作报告。\n"
        "青山县人大常委会版权所有   地址:青山县人民路1号\n电话:0551-1234567  传真:0551-7654321\n"
        "邮箱:qsrd@example.cn\n青ICP备12345678号-1    技术支持:某某科技\n页面执行速度0.0031秒"
    )
    assert roles(text) == ["title", "byline", "body"] + ["noise"] * 5


@pytest.mark.parametrize(
    "line",
    [
        'p.cjk { font-family: "宋体", "SimSun"; font-size: 12pt }',  # a Word export's CSS
        "@page { size: 8.27in 11.69in; margin: 0.79in }",
        "¥28",  # a paywall's price
        "• 约6.22千字",  # a document site's statistics
        "• 2025-01-28 发布于青山",
        "青山县工作计划(2篇).docxVIP",  # a file name for a headline
    ],
)
def test_page_furniture_is_residue_wherever_it_stands(line):
    text = f"关于做好春季防火工作的通知\n{line}\n各乡镇人民政府：\n请做好春季防火工作。"
    assert by_line(text)[2] == "noise"


def test_a_related_articles_list_after_the_text_is_residue():
    text = (
        "春季防火工作会议主持词\n同志们：\n今天召开春季防火工作会议。\n会议到此结束，散会。\n"
        "《春季防火工作会议主持词》相关文档:\n秋季开学工作会议讲话稿(精选5篇)09-05\n"
        "安全生产工作会议发言稿09-09\n森林防火工作会议讲话稿范文09-12"
    )
    assert roles(text) == ["title", "salutation", "body", "closing"] + ["noise"] * 4


def test_header_particulars_let_the_document_number_and_addressee_below_them_be():
    text = (
        "对县政协第12号提案的复函\n类别:A\n签发人:王某某\n青政函〔2025〕9号\n张某、李某委员：\n"
        "您提出的提案收悉。现答复如下。\n专此答复。\n青山县人民政府\n2025年3月1日"
    )
    # Line by line, as parse --json reports them (the 签发人 line then joins the metadata).
    lines = [line["role"] for line in document_to_dict(parse(text))["lines"]]
    assert lines == ["title", "body", "body", "docnumber", "addressee", "body", "closing",
                     "signature", "date"]  # fmt: skip


def test_a_table_copied_one_cell_per_line_is_text_to_its_last_cell():
    cells = [
        "序号",
        "工作任务",
        "责任单位",
        "完成时限",
        "1",
        "新建农贸市场一个。",
        "县商务局",
        "12月底前",
    ]
    text = (
        "关于分解重点工作任务的通知\n各乡镇人民政府：\n现将重点工作任务分解表印发给你们。\n"
        "附件:重点工作任务分解表\n青山县人民政府办公室\n2025年3月1日\n附件\n重点工作任务分解表\n"
        + "\n".join(cells)
        + "\n分享到:"
    )
    got = roles(text)
    assert got[-len(cells) - 1 : -1] == ["body"] * len(cells) and got[-1] == "noise"


def test_a_header_a_pdf_broke_at_its_numbers_is_still_a_title_and_a_byline():
    text = "在\n2025\n届毕业典礼上的讲话\n校长\n王某\n(\n2025\n年\n6\n月\n20\n日)\n亲爱的同学们：\n今天我们欢聚一堂。"
    assert roles(text) == ["title"] * 3 + ["byline"] * 9 + ["salutation", "body"]


def test_a_page_headline_repeated_under_a_document_number_is_residue():
    title = "关于提请审议调整青山街道区划的议案"
    text = f"首页 > 政务公开 > 议案提案\n{title}\n发布时间:2025-01-09 14:21\n青府议[2025]1号\n{title}\n区人大常委会：\n现将有关情况报告如下。"
    assert roles(text) == ["noise", "noise", "noise", "docnumber", "title", "addressee", "body"]


def test_a_bracketed_genre_word_under_a_title_belongs_to_it():
    text = "青山县工会成立大会\n正式会议议程\n(主持词)\n主持人:\n各位代表：\n现在开会。"
    assert roles(text)[:3] == ["title", "title", "title"]


# ---- page classes the second batch of unseen pages (corpus documents 136–151) taught -----------


def test_a_decimal_outline_whose_numbers_lost_their_spaces():
    text = (
        "青山镇突发事件总体应急预案\n1总则\n1.1编制目的\n为有效应对突发事件，制定本预案。\n"
        "1.2编制依据\n依据有关法律法规。\n1.3分级分类\n1.3.1突发事件分为四级。\n1.4工作原则\n以人为本。\n"
        "2月底前完成修订。"
    )
    assert roles(text) == ["title", "h1", "h2", "body", "h2", "body", "h2", "h3", "h2", "body",
                           "body"]  # fmt: skip


def test_a_count_glued_to_its_noun_is_no_outline():
    text = "青山镇工作总结\n1.1万元用于修路。\n1.5亿元用于建设。\n2.3万人受益。\n3个村完成改造。"
    assert roles(text)[1:] == ["body"] * 4


def test_a_site_menu_that_the_breadcrumb_names_is_residue_and_the_title_stays():
    text = (
        "电子邮箱 ENGLISH\n公告会议\n最新公告\n每周会议\n返回\n当前位置: 首页 >> 公告会议 >> 最新公告 >> 正文\n"
        "关于寒假相关事宜的通知\n2025-01-16   来源:学院办公室\n各部门:\n现将寒假安排通知如下。"
    )
    assert roles(text) == ["noise"] * 6 + ["title", "noise", "addressee", "body"]


def test_a_letter_signed_by_companies_and_a_post_without_a_date():
    text = "新年致辞\n各位员工：\n新的一年，让我们携手同行。\n青山科技有限公司\n青山信息技术有限公司\n总经理：王某某"
    assert roles(text)[-3:] == ["signature"] * 3


def test_a_row_of_metadata_values_under_its_keys_after_the_date_is_residue():
    text = (
        "关于表彰先进单位的决定\n各县区人民政府：\n对先进单位予以表彰。\n二○二五年二月二十三日\n"
        "索  引  号 文       号 发布机构 发布日期 公开范围 公开方式\nN001-2025-000627 青政〔2025〕7号\n"
        "青山市人民政府办公室 2025-03-04\n面向社会 主动公开\n留言与评论(共有 0 条评论)\n验证码:"
    )
    assert roles(text)[4:] == ["noise"] * 6


def test_a_templates_dates_keep_their_placeholders():
    text = "关于维修校舍的请示\n县教育局：\n我校围墙需要维修，请予批准。\n青山小学\nXXXX年XX月XX日"
    assert roles(text)[-1] == "date"
    assert roles(text.replace("XXXX年XX月XX日", "20XX年1月13日"))[-1] == "date"


def test_collection_pieces_labelled_as_model_texts_are_titles():
    text = (
        "学校维修请示范文\n下面是小编整理的学校维修请示范文，供大家参考。\n学校维修请示范文一:\n县教育局:\n"
        "我校围墙需要维修，请予批准。\n青山小学\n2025年3月1日\n学校维修请示范文二:\n区教育局:\n"
        "我校屋顶漏水，请予维修。\n青水小学\n2025年3月2日"
    )
    assert roles(text) == ["title", "noise", "title", "addressee", "body", "signature", "date",
                           "title", "addressee", "body", "signature", "date"]  # fmt: skip


# ---- what the third batch (tests/holdout/) taught ------------------------------------------


def test_a_work_reports_one_named_part_heading_is_a_heading():
    text = (
        "政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n2024年工作回顾\n"
        "过去一年，全县经济持续向好，各项事业取得新进展。\n一、经济运行稳中有进\n全县生产总值增长百分之六。"
    )
    assert roles(text)[3] == "h1"


@pytest.mark.parametrize(
    "line",
    [
        "热门搜索: 党建资料 述职述廉 方案通知",  # a site's search box
        "微信扫一扫在手机阅读、分享本文",
        "本文标题:在绿化现场会上的讲话",
        "链接地址:https://example.cn/index/a/1.html",
        "IP属地:湖北省武汉市",
        "作者原创,不允许二次传播,一经发现收回会员权益,追究法律责任。",
        "【头条】时局 | 全县经济工作会议召开",  # a WeChat account's furniture
        "【核心提示】",
        "长按↑二维码可以关注我哟~！",
        "主编：李某",
        "觉得不错，分享给更多人看到",
        "---此处隐藏2779字,下载后查看---",
        "•",
    ],
)
def test_page_furniture_after_a_speech_is_residue(line):
    text = f"在全县经济工作会议上的讲话\n同志们：\n今天召开全县经济工作会议。\n谢谢大家！\n{line}"
    assert roles(text)[-1] == "noise"
