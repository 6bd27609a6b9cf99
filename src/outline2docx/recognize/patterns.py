"""Every pattern the recognizer knows, as tables: numbering, run-in leads, document parts.

This is the one place to look when a form is missed or misread. Patterns match at the start
of a trimmed line. Named groups: ``n`` is the number as written; everything else in the match
is the label's form (brackets, dot, comma), which the consistency checks compare.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from outline2docx.tree.nodes import Role
from outline2docx.tree.numbering import HEADING_RANKS, NumberingKind
from outline2docx.tree.numbering import NumberingKind as K
from outline2docx.tree.numerals import (
    CHARS,
    CIRCLED,
    PARENTHESIZED,
    PARENTHESIZED_CN,
    UPPER_CHARS,
)

CN = f"[{CHARS}]+"  # a Chinese numeral: 一, 十一, 一百零一
DIGITS = r"\d{1,4}"  # 第1章 / 第12条: company rules often number in Arabic digits
# Unicode whitespace: space, tab, full-width space U+3000, no-break space. \s rather than a class
# of those characters: a class holding non-Latin-1 characters costs ~0.6 ms to compile, and
# start-up time is what a user converting one file waits for.
_SPACE = r"\s"
_LETTER = r"[^\W\d_]"  # any letter, Han included, cheaper to compile than a range of Han


class LazyPattern:
    """A pattern compiled on its first use. Compiling costs start-up time (0.1-1.5 ms a pattern,
    most for classes of many Han characters); those only some documents need wait till then."""

    def __init__(self, source: str) -> None:
        self.pattern = source

    def __getattr__(self, name: str) -> object:
        # Called only until the first use: the compiled methods then live on the instance.
        compiled = re.compile(self.pattern)
        for method in ("match", "search", "fullmatch", "findall", "finditer", "sub", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


class NumberingForm(NamedTuple):  # a tuple: cheaper to define than a dataclass
    """One way of writing a numbering kind at the start of a line."""

    kind: NumberingKind  # its rank and the roles a line so numbered takes
    pattern: re.Pattern[str]
    example: str

    @property
    def role(self) -> Role:
        """The role of a line that is only the heading."""
        return self.kind.role

    @property
    def runin(self) -> Role:
        """The role of heading and body text on one line (role, where no run-in form exists)."""
        return self.kind.runin_role

    @property
    def rank(self) -> int:
        """Nesting rank: smaller is outer."""
        return self.kind.rank


def _form(kind: NumberingKind, pattern: str, example: str) -> NumberingForm:
    return NumberingForm(kind, re.compile(pattern), example)


# Hierarchy 第一章 > 第一节 > 第一条 > 一、 > （一） > 1. > （1） > ①: NumberingKind's ranks.
# Order matters only where two patterns could match the same line: the first wins.
NUMBERINGS: tuple[NumberingForm, ...] = (
    _form(K.CHAPTER, rf"第(?P<n>{CN}|{DIGITS})章(?={_SPACE}|$|[^，,。的是])", "第一章 总则"),
    _form(K.SECTION, rf"第(?P<n>{CN}|{DIGITS})节(?={_SPACE}|$|[^，,。的是课])", "第一节 一般规定"),
    _form(
        K.ARTICLE, rf"第(?P<n>{CN}|{DIGITS})条(?={_SPACE}|$|[^，,。的是件路线])", "第一条 为了……"
    ),
    # 壹、: an outer level over 一、 in some outlines (Taiwan's, accounts').
    _form(K.CN_UPPER, rf"(?P<n>[{UPPER_CHARS}]+){_SPACE}*[、，,．.]", "壹、总则"),
    # 一、 and its common mistakes 一. 一， ; not "三、四月份" (a range of months).
    _form(K.CN, rf"(?P<n>{CN}){_SPACE}*[、，,．.](?!{CN}[年月日天个次])", "一、总体要求"),
    _form(K.CN_PAREN, rf"[（(]{_SPACE}*(?P<n>{CN}){_SPACE}*[）)][、，,．.]?", "（一）加强领导"),
    _form(K.CN_PAREN, f"(?P<n>[{PARENTHESIZED_CN}])", "㈠加强领导"),
    # 1. 1． 1、 1， but not 1.5亿元, 2024.5 or 3.14
    _form(K.ARABIC, rf"(?P<n>\d{{1,3}}){_SPACE}*[.．、，,](?![\d.．])", "1.加强领导"),
    # （1） is h4 whatever follows it; 1） is its half-bracket variant.
    _form(K.ARABIC_PAREN, rf"[（(]{_SPACE}*(?P<n>\d{{1,3}}){_SPACE}*[）)][、，,．.]?", "（1）……"),
    _form(K.ARABIC_PAREN, f"(?P<n>[{PARENTHESIZED}])", "⑴……"),
    _form(K.ARABIC_HALF_PAREN, r"(?P<n>\d{1,3})[）)](?![\d）)])", "1）……"),
    _form(K.CIRCLED, f"(?P<n>[{CIRCLED}])[、，,．.]?", "①……"),
)

# Every numbering and run-in lead starts with one of these (or a digit): a fast pre-check.
NUMBER_STARTS = frozenset(
    CHARS + UPPER_CHARS + "（(第其首再然最" + CIRCLED + PARENTHESIZED + PARENTHESIZED_CN
)

# The nesting rank of each heading role (run-in forms alike).
RANKS = HEADING_RANKS

# Decimal outlines (1 / 1.1 / 1.1.1, common in emergency plans) map by depth to h1/h2/h3. The
# number must be followed by a space, so "1.5亿元" never matches; a bare "1 总则" counts only in
# a document that also has deeper decimal numbers.
DECIMAL = re.compile(rf"(?P<n>\d{{1,2}}(?:[.．]\d{{1,2}}){{0,3}})[.．]?(?:{_SPACE}+)(?=\S)")
# The same number glued to its heading, as copies from PDF lose the space: "1.1制定目的", "1总则";
# not a count ("3个", "5月").
GLUED_DECIMAL = re.compile(
    r"(?P<n>\d{1,2}(?:[.．]\d{1,2}){0,3})(?![.．\d])"
    r"(?!年|月|日|号|个|项|次|人|名|万|亿|元|岁|届|期|批|类|级|条|款|章|节|小时|分钟|秒|％|%)"
)
GLUED_DECIMALS_MIN = 3  # lines numbered 1.1 and deeper, glued, that make a document's outline
DECIMAL_ROLES = ((Role.H1, Role.H1_RUNIN), (Role.H2, Role.H2_RUNIN), (Role.H3, Role.H3_RUNIN))
DECIMAL_RANK = K.DECIMAL.rank  # depth d gets DECIMAL_RANK + 10 * (d - 1), like 一、/（一）/1.
PART_RANK = RANKS[Role.H1] - 5  # an unnumbered part heading holds the 一、 sections under it


class Enumerator(NamedTuple):
    """A run-in enumeration lead: the paragraph is body text led by an emphasised phrase."""

    kind: NumberingKind
    pattern: re.Pattern[str]
    example: str


ENUMERATORS: tuple[Enumerator, ...] = (
    Enumerator(K.SHI, re.compile(rf"(?P<n>{CN})是(?![非否])"), "一是加强领导。"),
    # 一要/二要 (corpus convention 13); not 一要素, 二要点.
    Enumerator(K.YAO, re.compile(r"(?P<n>[一二三四五六七八九十])要(?![素点件闻务求])"), "一要……"),
    # 第一，/第一步，/第二条，(an article described, not enacted)
    Enumerator(
        K.ORDINAL,
        re.compile(rf"第(?P<n>{CN})(?:(?:步|点|条|个方面)?{_SPACE}*[，,、：:]|项(?=\S))"),
        "第一，……",
    ),
    Enumerator(K.QI, re.compile(rf"其(?P<n>{CN}){_SPACE}*[，,、：:]"), "其一，……"),
    Enumerator(
        K.SEQUENCE, re.compile(rf"(?P<n>首先|其次|再次|然后|最后){_SPACE}*[，,：:]"), "首先，……"
    ),
)
# 首先/其次/再次/最后 have no number; their place in a sequence, for the gap checks.
SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "然后": 3, "最后": None}
SEQUENCE_REACH = 12  # lines within which 首先 and its 其次 or 最后 stand

# Marks that end the heading part of a run-in line (roles.md): 。：；！？ and their ASCII twins.
SENTENCE_END = "。：；！？:;!?"
# Quotes and brackets: a mark inside them does not end the heading.
OPENERS = "“‘《「『（(【〔［"
CLOSERS = "”’》」』）)】〕］"

# ---- document parts ---------------------------------------------------------------------
# Half-width brackets, colons and commas are accepted wherever the full-width ones are.
COLON = "[：:]"
OPEN = "[（(]"
CLOSE = "[）)]"

# 国发〔2019〕4号, 国办函〔2005〕69号, 温教〔2011〕12号, also with [] () 【】 ﹝﹞ around the year.
DOCNUMBER = re.compile(
    rf"^[（(]?{_LETTER}{{1,12}}[〔\[［(（【﹝]\d{{4}}[〕\]］)）】﹞]第?\d{{1,4}}号[）)]?"
    rf"(?:{_SPACE}*签发人{_SPACE}*[：:]{_SPACE}*\S{{2,4}})?$"  # a request's number and its signer
)
# A decree's number standing alone: 第785号, （第23号）.
DECREE_NUMBER = re.compile(rf"^{OPEN}?第(?:{CN}|\d{{1,4}})号{CLOSE}?$")
# A decree's issuer: 中华人民共和国国务院令, 国家发展和改革委员会令, 某省人民政府令.
DECREE_ISSUER = re.compile(r"^(?:中华人民共和国)?\S{2,30}(?:院|部|委员会|委|局|署|政府|行|会)令$")
# Zero as the year of a date in Chinese numerals is written 〇, 零, ○, O or even 0.
_CN_YEAR = f"[〇零○OＯ0０{CHARS}]{{4}}"
# A date standing alone: 2024年8月1日, 二〇〇五年七月十四日, 2011/9/30, 2011-09-30, 2011.9.30.
# A template's date keeps placeholders: "20XX年1月13日", "XXXX年XX月XX日".
_YEAR_MARK = r"(?:\d{4}|\d{2}[Xx×＊*]{2}|[Xx×＊*]{4})"
_DAY_MARK = r"(?:\d{1,2}|[Xx×＊*]{1,2})"
DATE = re.compile(
    rf"^(?:{_YEAR_MARK}{_SPACE}*年{_SPACE}*{_DAY_MARK}{_SPACE}*月{_SPACE}*{_DAY_MARK}(?:{_SPACE}*日)?"
    rf"|{_CN_YEAR}年[{CHARS}]{{1,3}}月[{CHARS}]{{1,3}}日"
    r"|\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2})$"
)
# A line that starts with a date (adoption notes, "2021年6月18日 …会议通过").
DATE_LEAD = re.compile(rf"^{OPEN}?(?:\d{{4}}|{_CN_YEAR})年(?:\d{{1,2}}|[{CHARS}]{{1,3}})月")
# "（2018年1月2日）", "（2023年5月1日在…）", "（民政部　一九九七年一月二十八日）".
PAREN_BYLINE = re.compile(
    rf"^{OPEN}[^（）()]*(?:\d{{4}}|{_CN_YEAR}|20[*＊X×x]{{2}})年[^（）()]*{CLOSE}$"
)
# A bracketed byline the source broke over two lines: "（二○○四年六月十六日国务院" + "…通过）".
OPEN_BYLINE = re.compile(rf"^{OPEN}[^（）()]*(?:\d{{4}}|{_CN_YEAR})年[^（）()]*$")
CLOSE_BYLINE = re.compile(rf"^[^（）()]*(?:通过|批准|修订|修正|公布|施行|发布){CLOSE}$")
# "广东省省长 孟凡利", "市委副书记、市长 王某某", "县长 ***": job titles, a space, a name.
SPEAKER = re.compile(
    rf"^(?:{_LETTER}|[×＊*、]){{2,24}}{_SPACE}+(?:(?:{_LETTER}|×){{2,4}}|[*＊×XxＸ]{{2,3}})$"
)
# A roster's line, a name then a post: "连维良　　发展改革委副主任", "汤　涛　　人力资源…".
ROSTER_LINE = re.compile(r"^(?:[\u4e00-\u9fff][ 　]?){2,4}[ 　]{2,}\S{2,}$")
# A speaker's name alone under the title ("张三", "XXX"); not the end of a broken title line.
PERSON_NAME = re.compile(r"^(?:[\u4e00-\u9fff]\s*){2,4}$|^[Xx×*＊]{2,3}$")
# What a title names at its end: the kind of document (GB/T 9704's 文种 and their kin).
DOCUMENT_KIND = re.compile(
    r"(?:通知|通报|通告|公告|公报|意见|报告|决定|决议|办法|方案|请示|批复|复函|函|讲话|讲话稿|条例"
    r"|规定|细则|规则|制度|纪要|规划|要点|总结|计划|预案|名单|命令|令|议案|提案|答复|建议|倡议书?|实录"
    r"|发言|致辞|贺词|贺信|讲稿|汇报|述职报告|工作报告|章程|守则|须知|指南|标准|公约|协议|汇编|选编|议事录|记录|提纲|(?<!代)表)"
    r"(?:[（(][^（）()]{1,12}[）)])?[”》」]?$"
)
# A figure's or a table's caption: "图1　汽车号牌编码规则", "表2 …".
CAPTION = re.compile(r"^(?:图|表|附图|附表)\s*\d{1,3}")
# A title's first half, which the next line completes: "…关于…", "…转发…", "在…", "…的".
TITLE_OPENING = LazyPattern(r"关于|转发|印发|批转|^在|^对|对.{2,20}的?$|[的和与及、—省市县区州旗]$")
# A note on where a text comes from, under its title: "（根据录音整理）", "（有删节）".
PROVENANCE = LazyPattern(r"整理|删节|删减|节选|摘编|录音|速记|审阅|记录")
# A title that stands on its own: it opens with a year, 关于, or an issuer's kind of name.
STANDALONE_TITLE = LazyPattern(
    r"^(?:\d{4}年?|关于|中共|中华人民共和国|国务院|\S{2,8}(?:省|市|县|区)\S)"
)
# A notice's title names the document it issues right after these words: "关于印发某预案".
ISSUES_BEFORE = re.compile(r"(?:印发|转发|批转|发布|关于)$")
# A title that issues or forwards another document.
FORWARDS = re.compile(r"转发|印发|批转|颁发|发布")
# Kinds of document that address their readers ("各位教工：") rather than greet an audience.
NOTICE_KIND = re.compile(r"(?:通知|通报|公告|通告|决定|意见|批复|复函|函|公示|请示)[”》」]?$")
# Numbered items that continue an attachment note: "附件：1. …", "附1：（1）…".
ITEM_KINDS = frozenset({K.ARABIC, K.DECIMAL, K.ARABIC_PAREN, K.ARABIC_HALF_PAREN})
# Adoption and approval notes under a regulation's title.
ADOPTION = LazyPattern(r"(?:通过|批准|修订|修正|公布|施行)[）)]?$")
# "在…会议上的讲话", "2026年2月3日在…大会上": the occasion a speech or report was given at.
OCCASION = re.compile(r"在.{2,60}(?:会|会议|大会|座谈会|典礼|仪式|论坛|培训班|开幕式|闭幕式)上")

SUBTITLE = re.compile(r"^(?:——|—|--|－－|─)")

SALUTATION = re.compile(
    r"^(?:尊敬|亲爱)的[^。；;：:]{1,50}[：:！!，,]$|^各位[^。；;：:！!]{1,40}(?:[，,]大家好)?[：:！!]$|"
    rf"^(?:尊敬的)?(?:{_LETTER}|[、，,\s]){{0,50}}?"
    r"(?:同志们|代表们|朋友们|同学们|老师们|女士们|先生们|来宾们|各位代表|各位委员|各位领导|各位来宾"
    r"|各位同事|各位嘉宾|各位老师|各位同学|各位家长|各位专家|全体同志)[^。；;]{0,20}[：:！!，,]$"
)
ADDRESSEE_END = re.compile(rf"{COLON}$")
# A sentence that announces what follows ("…提出如下意见：", "现将有关事项通知如下："): body.
ANNOUNCES = re.compile(r"如下|以下|现将|现就|现对|根据|按照|为了|为进一步|经研究|特制定|具体")

# The particulars of a meeting's minutes: "时间：…", "出席委员　…", "列　席：…", "记录：…".
# A key may be spread with spaces ("时　　间"); a colon or a space parts it from its value.
_PARTICULAR_KEYS = (  # noqa: SIM905 - words read best as words
    "会议时间 时间 会议地点 地点 主持人 主持 主席 出席人员 出席委员 出席 委员出席 列席人员"
    " 列席官员 列席 缺席 请假委员 委员请假 请假 记录人 记录 纪录 参加人员 参会人员 与会人员"
).split()
PARTICULARS = re.compile(
    "^(?:" + "|".join(r"\s*".join(key) for key in _PARTICULAR_KEYS) + r")(?:\s*[：:]|\s+\S|$)"
)
# The imprint's lines (版记): copies to, who printed it and when, how many copies.
IMPRINT = re.compile(r"^(?:抄送|抄报|主送|印发)[：:]|印发$|^共印\s*\d+\s*份|^\(?共印")
# A listed company's announcement number: "证券代码：603602 证券简称：… 公告编号：2019-051".
STOCK_NUMBER = re.compile(r"^证券代码\s*[：:]")
# Who speaks or chairs, under a host script's title: "主持人：", "主讲人：张三".
SPEAKER_ROLE = re.compile(r"^(?:主持人|主讲人|发言人|讲话人|报告人|主持)\s*[：:]\s*\S{0,6}$")
# A sentence's opening words, which no title starts with: "按照《…》要求", "根据…".
SENTENCE_OPENING = re.compile(r"^(?:按照|根据|为了|为进一步|经研究|现将|现就|近日|近期|目前)")
# A news agency's dateline alone: "新华社北京9月3日电", "本报讯".
DATELINE = re.compile(
    rf"^\S{{0,12}}?(?:\d{{1,2}}|[{CHARS}]{{1,3}})月(?:\d{{1,2}}|[{CHARS}]{{1,3}})日电"
    r"(?:[（(][^（）()]{0,20}[）)])?$|^(?:本报讯|本报记者.{0,10}|新华社.{0,10}电)$"
)
# A closing sentence at a speech's end: "我就讲这些，谢谢大家。", "…万岁！".
CLOSING_SENTENCE_MAX = 80
CLOSING_SENTENCE = re.compile(
    r"谢谢(?:大家|各位|你们)?[。！!]$|万岁[！!]$|请(?:予)?(?:审议|审阅|批示|审批|批复)[。！!]?$"
    r"|^(?:最后[，,]?)?(?:祝|预祝)[^。]{2,60}[！!]$"  # closing wishes: "最后，祝大家新春快乐！"
)
# Closing formulas that are closing wherever they stand.
CLOSING = re.compile(
    r"^(?:特此(?:通知|通告|公告|通报|报告|函告|函复|批复|答复|说明|证明|致函|请示|决定|预告)"
    r"(?:[，,][^。]{0,15})?"
    r"|此复|此致|敬礼|谢谢(?:大家|各位|你们)?|感谢大家|以上(?:报告|意见|方案|请示)?[，,].{0,20}请.{0,20}"
    r"|(?:妥否|当否|可否)[，,]?请.{1,10}|专此(?:报告|函达|函复|答复|通知|批复)"
    r"|(?:(?:本次)?会议(?:到此|就此)结束[，,]?)?散会|闭幕)[。！!]?$"
)
# Courtesy lines that are closing when they are the last paragraph before the signature.
CLOSING_BEFORE_SIGNATURE = re.compile(r"^(?:感谢|谢谢|以上|请予|特此|专此|希望|欢迎)")

ATTACHMENT = re.compile(
    rf"^附{_SPACE}*(?:件{_SPACE}*(?:\d{{1,2}})?{_SPACE}*(?:{COLON}.*)?|\d{{0,2}}{_SPACE}*{COLON}.*)$"
)
# Glossary and endnote headers that open an appendix-like part.
NOTES_HEADER = re.compile(r"^(?:注释|注解|名词解释)[：:]?$")

# Issuing-authority mark: "XX市人民政府文件", or an organization's name alone above the title.
ISSUER = re.compile(rf"^(?:{_LETTER}|[（）()、\s]){{2,30}}文件$")
ORGANIZATION = re.compile(
    r"(?:政府|委员会|办公厅|办公室|人大常委会|常委会|局|厅|部|委|院|署|处|科|室|办|中心|学校|大学|学院"
    r"|公司|集团|协会|学会|联合会|总会|工会|党委|党组|支部|法院|检察院|银行|研究所|所|小学|中学"
    r"|幼儿园|医院|街道|镇|乡|村|社区|团委|妇联|队|站|会)$"
)

# Web-page residue: the words of buttons and article metadata.
NOISE_PREFIX = re.compile(
    r"^(?:[-·•*]\s*)?[（(【\[]?\s*(?:来源|信息来源|文章来源|稿源|责任编辑|编辑|作者|发布时间|发布日期|发表时间"
    r"|更新时间|浏览次数|阅读次数|点击次数|点击数|浏览量|阅读量|本文链接|原文链接|原文地址|原标题"
    r"|文章链接|版权声明|免责声明|版权所有|网站标识码|ICP备案号|上一篇|下一篇|分享|字号|字体|记者"
    r"|关键词|标签|所在栏目|内容摘要|上传人|上传者|文档页数|热门搜索|本文标题|链接地址|本文地址"
    r"|文章地址|IP属地|验证码|推荐度|今天是)\s*[：:]"
)
# The keys of a government site's metadata table, each followed by its value on the next line:
# "索 引 号：" / "000014349/2004-00207", "标　　题：" / the title again.
METADATA_TABLE_KEY = re.compile(
    r"^(?:索引号|主题分类|体裁分类|组配分类|服务对象分类|发文机关|发布机构|成文日期|发布日期|生成日期"
    r"|标题|名称|发文字号|文号|主题词|关键词|公文种类|有效性|效力状态|实施日期|废止日期|信息来源"
    r"|所属机构|公开方式|公开范围|信息分类|内容分类|文件名称|文件编号|归档时间|实施时间|字体大小"
    r"|公文目录|发布单位|发文单位|发布机关|信息名称|文件类型)[：:]"
)
METADATA_KEY_MAX = 12  # a key with its spaces: "索 引 号："
# The same keys without their colons, two or more on a line: "索引号 0010… 主题分类 综合类".
METADATA_WORDS = re.compile(
    r"(?:^|\s)(?:索引号|主题分类|体裁分类|发文机关|发布机构|成文日期|发布日期|文号|发文字号|主题词"
    r"|有效性|公开方式|公开范围|所属机构)(?=\s|$)"
)
# A page's residue key alone on its line, its value on the next: "来源：", "责任编辑：".
RESIDUE_KEY = re.compile(
    r"^[【\[]?\s*(?:来源|信息来源|文章来源|作者|编辑|责任编辑|记者|摄影|发布时间|发表时间|时间|日期"
    r"|字体|字号|阅读量|浏览量|阅读次数|浏览次数|点击数)\s*[：:]$"
)
# Who wrote or edited a page, anywhere in a short line: "白云飘飘范文网 编辑:小景".
CREDIT = re.compile(
    r"(?:责任编辑|编辑|作者|来源|记者|摄影|供稿|通讯员|主编|主办|投稿(?:合作|邮箱)?|编审|校对|排版|美编|责编)"
    r"\s*[：:]"
)
CREDIT_LINE_MAX = 40
# Keys of article metadata; a line holding two of them ("时间: … 来源: …") is page residue.
METADATA_KEY = LazyPattern(
    r"(?:来源|作者|编辑|时间|日期|阅读|浏览|点击|访问|字号|发布|分享)\s*(?:次数|量)?\s*[：:]"
)
NOISE_WORDS = re.compile(
    r"分享(?:到|本文)?|收藏|点赞|打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|复制(?:链接)?|举报|评论|浏览量?"
    r"|阅读量?|点击量?|字号|字体|返回(?:顶部|首页|列表)?|上一篇|下一篇|时间\s*[：:]|来源\s*[：:]"
    r"|(?:微信)?扫一扫(?:在手机上?(?:打开|阅读|查看)(?:当前页|本页|本文)?)?|(?:用手机)?扫描二维码|二维码"
    r"|分享本文|手机登录|立即注册|登录|注册|电子邮箱|ENGLISH|English|版权声明|免责声明"
    r"|留言与评论|发表评论|共有\s*\d+\s*条评论|验证码"
    r"|我要纠错|纠错|ICP备|公网安备|下载|全屏|大\s*中\s*小|默认|视力保护色|护眼"
    r"|相关(?:阅读|推荐|文章|链接|附件|新闻)|推荐阅读|热门(?:文章|推荐)|猜你喜欢|点击查看|查看更多"
    r"|为你推荐|换一换|热评|热闻|正文"
    r"|本帖最后由.{0,30}?编辑|只看该作者|楼主|发表于"
    r"|【\s*大\s*中\s*小\s*】"
    r"|\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d+"
)
# Phrases only page furniture says: site lead-ins, paywalls, column labels, document sites.
RESIDUE_PHRASE = re.compile(
    r"小编|为大家(?:整理|收集|精心|带来|推荐|分享)|供大家参考|欢迎(?:阅读|参考|借鉴|下载)"
    r"|希望(?:对|能)(?:你|您|大家)有(?:所)?帮助|预览结束|(?:获取|下载|阅读|查看|展开)全文"
    r"|定制代笔|开通会员|赞助VIP|VIP会员|所在栏目|内容摘要|本文(?:来源|转载|链接|地址)"
    r"|预览(?:阅读)?已?结束|省略\d+字|全文共\d+字|当前仅显示|仅部分预览|下载文档前|我要投稿"
    r"|内容仅供学习|联系客服|侵权投诉|VIP专"
    r"|范文网|文库|转载请注明|版权归|原创文章|订户|打赏|支持我们的工作"
    r"|(?:微信|支付宝|扫码)支付|立即支付|试读结束|会员权益|二次传播|禁止转载|不得转载|未经授权"
    r"|长按.{0,6}二维码|关注我们|可以关注|阅读原文|分享给更多人|分享这篇文章|跳到主要内容|跳至主要内容|此处隐藏|下载后查看"
)
# A site or a medium named alone: "宁夏日报客户端", "四川日报", "白云飘飘范文网".
MEDIUM = re.compile(
    r"(?:网|日报|晚报|早报|时报|报社|客户端|新闻|频道|头条|公众号|在线|电视台|广播电台|新华社"
    r"|融媒体中心|政务网|门户网站|官网|微信|微博)$"
)
# Machine ids and hashes a page shows: "abcd39f1fb7f426d9dfb6bd0fa1f2146:".
HASH_ID = re.compile(r"[0-9a-fA-F]{16,}")
# "2026年02月10日 07时41分", "2021-10-17 14:15:41": when a page was posted.
POSTED_AT = re.compile(
    r"^\D{0,8}\d{4}(?:年|[-/.])\d{1,2}(?:月|[-/.])\d{1,2}日?\s*\d{1,2}(?:时|:|：)\d{2}"
)
# A particular of a document's header on its own line: "签发人：张三", "类别：A".
HEADER_PARTICULAR = re.compile(
    r"^(?:签发人|签发|类别|答复类别|办理类别|密级|紧急程度|缓急|份号|公开类别|公开属性)\s*[：:]\s*\S{1,12}$"
)
# A piece of a header a PDF's extraction broke at its numbers: "2022", "(", "15", "日)".
NUMBER_PIECE = re.compile(r"^[（(]?\d{1,4}[）)]?$|^[（(）)]$")
SHATTERED_REACH = 40  # lines from the top where a header may lie in pieces
# A collection's label for one of its pieces, the piece's only title: "…发言稿范文一", "范文二:".
PIECE_LABEL = re.compile(r"(?:范文|例文|样文|模板)\s*[一二三四五六七八九十\d]{1,3}\s*[：:]?$")
PIECE_LABEL_MAX = 40
# A signer by post and name under a letter: "总经理：王某某", "校长：张三".
SIGNING_POST = re.compile(
    r"^(?:总经理|董事长|总裁|校长|院长|局长|厅长|主任|书记|县长|市长|区长|镇长|乡长|主席|会长|理事长"
    r"|秘书长|法定代表人|负责人)\s*[：:]\s*(?:[\u4e00-\u9fff]\s*){2,4}$"
)
# A table copied one cell per line opens with its first head cell.
TABLE_HEAD_CELLS = frozenset({"序号", "编号", "序"})
TABLE_CELL_MAX = 80  # a cell may hold a sentence or two; a longer line is the text again
TABLE_REACH = 2000  # lines a flattened table may run to
# A WeChat account's column tags before its articles' titles: "【头条】…", "【二条】…".
COLUMN_TAG = re.compile(
    r"^【(?:头条|[二三四五六七八]条|荐读|推荐|热文|往期|延伸阅读|今日推荐|核心提示|编者按|导读)】"
)
# A site's footer: who runs it, its licence numbers, the engine's timing.
SITE_FOOTER = re.compile(
    r"版权所有|ICP备|ICP证|公网安备|技术支持\s*[：:]|主办单位\s*[：:]|承办单位\s*[：:]|网站地图"
    r"|Copyright|©|页面执行"
)
# Stylesheet rules a copy of a Word export shows as text: "p.cjk { font-family: …".
CSS_RULE = re.compile(
    r"^(?:@[a-z-]+|[a-z0-9_.#:*-]+(?:\s*,\s*[a-z0-9_.#:*-]+)*)\s*\{[^{}]*[a-z-]+\s*:", re.I
)
# A price alone ("¥28"), a document site's statistics ("• 约6.22千字", "• 2026-01-28 发布于四川").
PRICE = re.compile(r"^[¥￥]\s*\d+(?:\.\d{1,2})?(?:\s*元)?$")
DOC_SITE_STAT = re.compile(
    r"^[•·]\s*(?:\d+|约?\s*[\d.]+\s*(?:千字|万字|字|页)|[\d\s:-]{0,20}(?:发布|上传)于\S{0,8})$"
)
# A document's file name as a page's headline: "镇目标工作计划(2篇).docxVIP".
FILE_NAME = re.compile(r"\.(?:docx?|wps|pdf|pptx?|xlsx?)\s*(?:VIP)?$", re.I)
# Page tools: a lone character or bracket left of a "字号 大 中 小" or "【打印】" widget.
PAGE_TOOL = re.compile(
    r"^(?:[大中小【】\[\]〖〗|｜>＞»›<＜×✕•·]|:::|打印|关闭|分享|收藏|全屏|下载|返回|朗读|听全文|语音播报"
    r"|提交|热榜|排行榜|客户端|阅读原文)$"
)
# Breadcrumbs of a web page: "首页 > 政务公开 > 通知公告", "当前位置：…".
# A breadcrumb line however long: "首页 省市考点 【…】…全文（王伟中）".
BREADCRUMB_START = re.compile(r"^(?:当前位置|您的位置|您现在的位置)|^首页\s*[>»＞›\s]")
BREADCRUMB_STEP = re.compile(r"\s*[>»＞›]+\s*|[：:]\s*")
BREADCRUMB = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|首页)|(?:[>»＞›].*){2}|^首页\s*[>»＞›\s]|^\S{1,10}[>»＞›]$"
)
NOISE_MAX_LEFT = 4  # CJK characters a line may keep, beyond residue words, and still be noise
NOISE_WORDS_MAX = 40  # a line of button words is short
NOISE_LINE_MAX = 100  # a metadata line ("发布时间：… 来源：…") may run longer
RESIDUE_LINE_MAX = 200  # a paywall or search-engine notice runs to a few sentences
# Stray code and anti-copy watermarks have no CJK text; these mark them as code, not prose.
CODE_CHARS = re.compile(r"[;{}<>=\\|`~^@#$%&*_+\[\]\"]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
TIMESTAMP = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}")
# "（征求意见稿）" under a title belongs to the title.
DRAFT_MARK = re.compile(
    r"^[（(](?:征求意见稿|送审稿|草案|讨论稿|修订稿|代拟稿|试行|暂行|初稿|修改稿|主持词|主持稿|发言稿"
    r"|讲话稿|演讲稿|讲话提纲|摘要|节选)[）)]$"
)

# A table of contents: a "目录" line, then entries repeated where the text begins.
CONTENTS_TITLES = frozenset({"目录", "目次", "提纲", "目录/提纲"})
# A contents line that a site writes with its entries to follow: "目录/提纲:……".
CONTENTS_LEAD = re.compile(r"^(?:目录|目次|提纲)(?:/(?:目录|提纲))?[：:]")
CONTENTS_TITLE_MAX = 8  # "目　　录" with its spaces
CONTENTS_MAX = 200  # entries a table of contents may have
CONTENTS_MIN = 6  # headings in a row without a "目录" line that make a table of contents
# A decimal number glued to its heading, as contents entries lose their space: "1.1定义".
LOOSE_DECIMAL = LazyPattern(r"^\d{1,2}(?:[.．]\d{1,2})+(?=[\u4e00-\u9fff])")
LOOSE_DECIMAL_RANK = 99
ENTRY_MAX = 30  # a contents entry is a heading's words, not a paragraph
ENTRY_TAIL = 64  # characters at an entry's end where its leader and page number stand
# An entry's page number after a space: "8.某局2022年度法治建设工作总结 63".
ENTRY_PAGE = LazyPattern(r"[\u4e00-\u9fff）)》”]\s+\d{1,4}$")
# Table-of-contents lines: dot leaders then a page number ("一、总体要求……3").
TOC = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|－{3,}|-{4,}|\s{4,})\s*\d{1,4}$")
# A page number at the end of an entry: "1.高新区2022年工作总结 3".
PAGE_NUMBER = re.compile(r"(?:\.{2,}|…+|·{2,}|－{2,}|-{2,}|\s)+\d{1,4}$")
# An HTML entity a converter left at the end of a line: "&sp;", "&nbsp;".
TRAILING_ENTITY = re.compile(r"\s*&#?[A-Za-z0-9]{1,8};?$")
# Junk glued to the end of a line copied from a forum: a run of ASCII with symbols in it.
TRAILING_JUNK = re.compile(r"(?:[\x21-\x7e]+\s+){2,}[\x21-\x7e]+$")

# A lone word a page's widgets leave: "Baidu", "map", "Aa".
LONE_WORD = re.compile(r"^[A-Za-z]{1,10}$")
# Page ends: after a line saying one of these, the article is over.
ARTICLE_END = re.compile(
    r"编辑|免责声明|分享到|打印|关闭|上一篇|下一篇|相关|推荐|版权|扫一扫|返回|纠错"
)
# A page's list of related articles opens with its heading: "《…》相关文档:", "相关阅读".
RELATED_LIST = re.compile(
    r"(?:相关(?:文档|范文|阅读|推荐|文章)|最新文章|往期(?:回顾|推荐|精选)|精彩推荐|热门文章)\s*[：:]?$"
)
RELATED_LIST_MAX = 40
ARTICLE_END_REACH = 15  # lines after such a line still read as the page's trailer
TEASER_MAX = 120  # a related article's teaser is a sentence or two; longer is the text itself
# A piece of a date or time split over lines: "-2024-", "01/30", "15:04".
DATE_PIECE = re.compile(r"^(?=.*\d)(?=.*[-/.:：])[-/.:：\d\s]{1,10}$")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Titles and headings without numbers are short; longer lines are paragraphs.
TITLE_MAX = 64  # "中共某市委办公室某市人民政府办公室印发《关于…的实施意见》的通知"
HEADLINE_MAX = 60  # a news headline with its colon and spaces
ADDRESSEE_MAX = 80
SALUTATION_MAX = 60  # "终审法院首席法官、各位司法机构人员、…各位女士、各位先生："
SIGNATURE_MAX = 30
GROUP_HEADING_MAX = 25
# The margin of a decision on a line's own form that a reader could take either way: a run-in
# split at a ；, a lone 首先, an unnumbered part heading. Below frame.CLOSE_CALL: a close call.
DOUBTFUL = 1.0
# Unnumbered part headings of a report or speech ("过去五年工作回顾", "结语"): short, no marks.
PART_HEADING_MAX = 15
PART_HEADING_MARKS = re.compile(r"[，、,；;：:。！？!?“”\"《》（）()【】\[\]0-9０-９]")
# The parts a work report names: "2024年工作回顾", "过去五年工作回顾", "2025年主要工作".
REPORT_PART = re.compile(r"(?:工作回顾|主要工作|工作安排|工作建议|工作任务|总体要求|目标任务)$")
PARAGRAPH_END = "。！？!?…”’）)」』"
GROUP_LABEL_MAX = 12  # "报告事项", "温馨提示": a label over a list of 一、 items
# Lists a group heading may stand over.
LIST_KINDS = frozenset({K.ARABIC, K.CN, K.CN_UPPER, K.CN_PAREN})
