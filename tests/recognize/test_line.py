"""Each line on its own: the numbering table, run-in splitting, noise and formulas."""

import pytest

from outline2docx.read.lines import SourceLine
from outline2docx.recognize.line import examine, first_sentence_end
from outline2docx.tree.nodes import Role


def facts_of(text: str):
    return examine(SourceLine(1, text))


@pytest.mark.parametrize(
    ("text", "role", "kind", "value"),
    [
        ("一、总体要求", Role.H1, "cn", 1),
        ("十一、加强组织领导", Role.H1, "cn", 11),
        ("二十三、其他事项", Role.H1, "cn", 23),
        ("一.总体要求", Role.H1, "cn", 1),
        ("三，工作步骤", Role.H1, "cn", 3),
        ("一、 总体要求", Role.H1, "cn", 1),
        ("（一）指导思想", Role.H2, "cn_paren", 1),
        ("(二)基本原则", Role.H2, "cn_paren", 2),
        ("（三）、工作目标", Role.H2, "cn_paren", 3),
        ("（ 四 ）保障措施", Role.H2, "cn_paren", 4),
        ("1.拓展两个市场", Role.H3, "arabic", 1),
        ("2．提前适用政策", Role.H3, "arabic", 2),
        ("3、工作室活动周期三年。", Role.H3, "arabic", 3),
        ("12. 优化信用管理", Role.H3, "arabic", 12),
        ("（1）进入现场；", Role.H4, "arabic_paren", 1),
        ("(2)查阅有关资料，必要时复制。并且作出说明。", Role.H4, "arabic_paren", 2),
        ("3）责令停止违法行为", Role.H4, "arabic_half_paren", 3),
        ("①坚持问题导向", Role.H5, "circled", 1),
        ("第一章  总则", Role.CHAPTER, "chapter", 1),
        ("第十二章 附则", Role.CHAPTER, "chapter", 12),
        ("第二节　一般保护规定", Role.SECTION, "section", 2),
        ("第一条 为了加强管理，制定本条例。", Role.ARTICLE, "article", 1),
        ("第一百零一条 本条例自公布之日起施行。", Role.ARTICLE, "article", 101),
        ("第一千零四十条　婚姻家庭受国家保护。", Role.ARTICLE, "article", 1040),
        ("第3章 考勤管理", Role.CHAPTER, "chapter", 3),
        ("第12条 员工应当按时出勤。", Role.ARTICLE, "article", 12),
    ],
)
def test_numbering_forms(text, role, kind, value):
    facts = facts_of(text)
    assert facts.role is role
    assert facts.numbering.kind == kind
    assert facts.numbering.value == value


@pytest.mark.parametrize(
    "text",
    [
        "1.5亿元资金已全部到位。",
        "2024.5月份完成验收。",
        "3.14",
        "2.5",
        "2024年5月1日，全市召开动员大会。",
        "2024年5月1日至3日放假。",
        "要坚持问题导向，一是要抓落实。",
        "统一是前提，协调是关键。",
        "三、四月份是防火关键期，要加强巡查。",
        "第一条路线已经修通。",
        "第3条线路下月通车。",
        "第2节课后集合。",
        "一、总体要求…………………………1",
        "第一章 总则 ........................ 3",
        "100%的学校完成了检查。",
    ],
)
def test_not_headings(text):
    facts = facts_of(text)
    assert facts.role is Role.BODY, facts.role
    assert facts.numbering is None


@pytest.mark.parametrize(
    ("text", "role", "lead"),
    [
        ("（一）重大意义。党的十八大以来，成效显著。", Role.H2_RUNIN, "（一）重大意义。"),
        ("一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。", Role.H1_RUNIN, "一、元旦："),
        ("1、选拔条件：年龄40周岁以下。", Role.H3_RUNIN, "1、选拔条件："),
        ("1.“两重”：是指国家重大战略实施。", Role.H3_RUNIN, "1.“两重”："),
        ("（一）开展“我爱祖国！”主题活动", Role.H2, ""),
        ("1.拓展两个市场。积极推广试点。（税务总局负责）", Role.H3_RUNIN, "1.拓展两个市场。"),
        ("4、组织参观校史陈列室。（10月17号---21号）。", Role.H3, ""),
        # Clauses after a ； make the item run-in (corpus convention 12).
        (
            "（三）主管部门应当提出意见，告知有关单位；需要发掘的，依法审批。",
            Role.H2_RUNIN,
            "（三）主管部门应当提出意见，告知有关单位；",
        ),
        ("（一）进入现场；", Role.H2, ""),
        ("2、检查时间10:30在会议室。", Role.H3, ""),
    ],
)
def test_heading_and_run_in_split(text, role, lead):
    facts = facts_of(text)
    assert (facts.role, facts.lead) == (role, lead)


@pytest.mark.parametrize(
    ("text", "kind", "value", "lead"),
    [
        (
            "一是始终践行“两个维护”。全县各级党组织要深刻领会。",
            "shi",
            1,
            "一是始终践行“两个维护”。",
        ),
        ("十二是加强作风建设。", "shi", 12, "十二是加强作风建设。"),
        (
            "第一，要督促企业履行职责，做到“一岗双责”。",
            "ordinal",
            1,
            "第一，要督促企业履行职责，做到“一岗双责”。",
        ),
        ("其二，加强监督。", "qi", 2, "其二，加强监督。"),
        ("首先，要加强组织领导。各级党委要重视。", "sequence", 1, "首先，要加强组织领导。"),
        ("最后，要营造良好氛围", "sequence", None, "最后，"),
    ],
)
def test_run_in_enumerations(text, kind, value, lead):
    facts = facts_of(text)
    assert facts.role is Role.RUNIN
    assert (facts.numbering.kind, facts.numbering.value, facts.lead) == (kind, value, lead)


def test_standalone_ordinal_phrase_is_a_heading():
    assert facts_of("第一,发展思路要清晰").role is Role.H1


@pytest.mark.parametrize(
    "text",
    [
        "好学生 分享 时间:",
        "时间:2021-10-17 14:15:41 浏览量:",
        "正文复制",
        "来源：新华社",
        "责任编辑：张三",
        "47 3432347",
        '");',
        '9 Y8 f3 E5 k. p. Q8 f$ Y) |. D# ]0 o" y1 F7',
        "; G) X3 q. q/ q",
        "【大 中 小】 打印 关闭",
        "首页 > 政务公开 > 通知公告",
        "当前位置：首页",
        "发布时间：2025-02-10 09:30  来源：县应急管理局  浏览次数：1234",
        "（责任编辑：张三）",
        "本文链接：http://www.example.gov.cn/art/2025/3/1/art_123.html",
        "上一篇：关于开展2025年春季学期校园安全大检查的通知",
        "相关阅读",
        "2021-10-17 14:15:41",
        "本帖最后由 张三 于 2021-3-5 10:20 编辑",
        "发表于 2021-3-5 10:20 | 只看该作者",
        "扫一扫在手机打开当前页",
        "用手机扫描二维码 分享到微信",
        "【我要纠错】 【打印本页】",
        "版权所有：某某县人民政府办公室 浙ICP备12345678号",
    ],
)
def test_web_residue_is_noise(text):
    assert facts_of(text).role is Role.NOISE


@pytest.mark.parametrize(
    "text",
    [
        "［5］ESI：",
        "Hello, world.",
        "XXX",
        "2.5",
        "PM2.5",
        "……",
        "分享经验，共同提高。这是我们的做法。",
        "一、评论",
        "对政协提案的回复",
        "本刊编辑部",
        "群众可扫描二维码参与评议，评议结果将在网站公布。",
    ],
)
def test_text_that_only_looks_odd_is_not_noise(text):
    assert facts_of(text).role is not Role.NOISE


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("国办发〔2018〕128号", Role.DOCNUMBER),
        ("温教[2011]12号", Role.DOCNUMBER),
        ("2019年1月12日", Role.DATE),
        ("二〇〇五年七月十四日", Role.DATE),
        ("2011/9/30", Role.DATE),
        ("附件：1．各类名师工作室名单", Role.ATTACHMENT),
        ("附件", Role.ATTACHMENT),
        ("附件2", Role.ATTACHMENT),
        ("注释", Role.ATTACHMENT),
        ("特此通知。", Role.CLOSING),
        ("特此函告，请予支持。", Role.CLOSING),
        ("特此通知，请遵照执行。", Role.CLOSING),
        ("谢谢大家！", Role.CLOSING),
        ("以上报告，请予审议。", Role.CLOSING),
    ],
)
def test_fixed_formulas(text, role):
    assert facts_of(text).role is role


def test_trailing_forum_junk_is_left_out_of_the_core():
    facts = facts_of("全市干部大会讲话原文8 [; o H! @9 B! f& ?# \\")
    assert facts.core == "全市干部大会讲话原文"
    assert facts.text.endswith("?# \\")


def test_sentence_end_ignores_marks_in_quotes_and_times():
    assert first_sentence_end("开展“我爱祖国！”活动。其他") == 12
    assert first_sentence_end("10:30开会") == -1
    assert first_sentence_end("没有句末标点") == -1
