"""Facts about a line, each a named question the evidence table weighs for the frame's states.

A fact takes the line and its Page. Facts marked ``in_context`` look beyond the line (its
neighbours, the page); the others depend on its text alone, so they are decided once for
every line that reads the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from outline2docx.recognize import patterns as P
from outline2docx.recognize.line import is_metadata_key
from outline2docx.recognize.page import (
    ECHO_WINDOW,
    FRAGMENT_MAX,
    SHARED_OPENING,
    Page,
    compact,
    is_piece_label,
    same_title,
)
from outline2docx.tree.nodes import Role

if TYPE_CHECKING:
    from outline2docx.recognize.line import LineFacts

Fact = Callable[["LineFacts", Page], bool]
# Facts that look beyond the line itself (its neighbours, the page); the others depend on its
# text alone and are decided once for every line that reads the same.
CONTEXTUAL: set[Fact] = set()


def in_context(fact: Fact) -> Fact:
    """Mark ``fact`` as one that looks beyond its line."""
    CONTEXTUAL.add(fact)
    return fact


def title_like(f: LineFacts, page: Page) -> bool:
    """Short, unnumbered, no sentence-ending mark."""
    return f.plain


def is_headline(f: LineFacts, page: Page) -> bool:
    """A headline: short, no full stop, at most one ！ or ？ and that at its end, or a news
    headline's colon ("欢迎你为“求真”而来！", "【…】王晨：…")."""
    core = f.core
    if f.plain or f.role is not Role.BODY or len(core) > P.HEADLINE_MAX or "。" in core:
        return False
    if core[-1] in "：:，,；;":  # an address or a sentence leading on, not a headline
        return False
    marks = sum(core.count(mark) for mark in "！？!?")
    return marks == 0 or (marks == 1 and core[-1] in "！？!?")


@in_context
def heads_a_title(f: LineFacts, page: Page) -> bool:
    """A headline at the top of the page, or right above a "——…" subtitle."""
    below = page.below(f)
    return is_headline(f, page) and (
        f.index == 0 or (below is not None and opens_with_a_dash(below, page))
    )


def names_document_kind(f: LineFacts, page: Page) -> bool:
    """Ends with the kind of a document (…通知, …意见, …讲话, …方案)."""
    return P.DOCUMENT_KIND.search(page.compact(f)) is not None


def names_a_kind_undashed(f: LineFacts, page: Page) -> bool:
    """Names a kind of document with no dash before it: "在…会议上的讲话" is a title."""
    return names_document_kind(f, page) and not opens_with_a_dash(f, page)


def opens_with_about(f: LineFacts, page: Page) -> bool:
    """Holds "关于" near its start: "国务院关于…", "关于做好…"."""
    return "关于" in f.core[:20]


def forwards_a_document(f: LineFacts, page: Page) -> bool:
    """Issues or forwards a document: "国务院办公厅转发国家教委…", "…印发…"."""
    return P.FORWARDS.search(f.core) is not None


def names_an_occasion(f: LineFacts, page: Page) -> bool:
    """Names the meeting a speech was given at: "在…会议上"."""
    return P.OCCASION.search(f.core) is not None


def is_organization(f: LineFacts, page: Page) -> bool:
    """An organization's name alone: "台州市教育局", "国务院办公厅"."""
    core = f.core
    return len(core) <= P.SIGNATURE_MAX and P.ORGANIZATION.search(core) is not None


def is_very_short(f: LineFacts, page: Page) -> bool:
    """Three characters or fewer."""
    return len(page.compact(f)) <= 3


def names_a_speaker(f: LineFacts, page: Page) -> bool:
    """A post and a person's name: "县长 ***", "四川省人民政府省长 施小琳" (not "第一章 总则")."""
    return P.SPEAKER.match(f.core) is not None and not f.core.startswith("第")


def is_a_name(f: LineFacts, page: Page) -> bool:
    """Two to four characters alone, as a person's name is: "张三", "XXX"."""
    return f.plain and P.PERSON_NAME.match(f.core) is not None


def names_a_person(f: LineFacts, page: Page) -> bool:
    """A person's name, alone or after a post."""
    return names_a_speaker(f, page) or is_a_name(f, page)


def lists_a_name_and_a_post(f: LineFacts, page: Page) -> bool:
    """A roster's line, name first: "连维良　　发展改革委副主任" (a signature puts its post
    first)."""
    return P.ROSTER_LINE.match(f.core) is not None


def is_a_caption(f: LineFacts, page: Page) -> bool:
    """A figure's or table's caption: "图1　汽车号牌编码规则"."""
    return P.CAPTION.match(f.core) is not None


def is_sentence(f: LineFacts, page: Page) -> bool:
    """A sentence of text: not short and title-like, and no residue of its own."""
    return not f.plain and f.has_cjk and f.role is Role.BODY and not is_residue_phrase(f, page)


@in_context
@in_context
def repeats_a_title_above(f: LineFacts, page: Page) -> bool:
    """A title-like line close above says the same word for word: a repeated headline, whose
    first copy is the title (corpus convention 17)."""
    if f.index not in page.titles:
        return False
    flat = page.compact(f)
    above = page.titles.intersection(range(f.index - ECHO_WINDOW, f.index))
    return any(page.compact(page.facts[j]) == flat for j in above)


@in_context
def is_repeated_under_a_header(f: LineFacts, page: Page) -> bool:
    """A copy word for word stands close below, under a document number: this one is the
    page's headline over the document's own header (convention 6)."""
    if f.index not in page.titles:
        return False
    flat = page.compact(f)
    below = page.titles.intersection(range(f.index + 2, f.index + 1 + ECHO_WINDOW))
    return any(
        page.compact(page.facts[j]) == flat and page.facts[j - 1].role is Role.DOCNUMBER
        for j in below
    )


@in_context
def is_named_in_a_breadcrumb(f: LineFacts, page: Page) -> bool:
    """A short line that a breadcrumb close by names as one of its steps: a site's menu
    ("公告会议" / "最新公告" over "当前位置: 首页 >> 公告会议 >> 最新公告")."""
    if not page.breadcrumbs or f.role is not Role.BODY:
        return False
    flat = page.compact(f)
    if len(flat) > FRAGMENT_MAX:
        return False
    return any(
        abs(at - f.index) <= ECHO_WINDOW and at != f.index and flat in steps
        for at, steps in page.breadcrumbs.items()
    )


@in_context
def repeats_the_residue_above(f: LineFacts, page: Page) -> bool:
    """A short line that the residue line above already says: a breadcrumb's last part shown
    again as the column's name ("当前位置：首页 > … > 党政办" / "党政办")."""
    above = page.above(f)
    return (
        f.plain
        and len(f.core) <= FRAGMENT_MAX
        and above is not None
        and above.role is Role.NOISE
        and page.compact(f) in page.compact(above)
    )


@in_context
def is_between_residue(f: LineFacts, page: Page) -> bool:
    """Residue right below it and at most a short line above it: it stands inside page
    furniture, as a related article, a site's name or a breadcrumb's last part does."""
    below = page.below(f)
    if below is None or below.role is not Role.NOISE or f.index == 0:
        return False
    above = page.facts[f.index - 1]
    if above.role is Role.NOISE:
        return True
    return above.plain and f.index > 1 and page.facts[f.index - 2].role is Role.NOISE


@in_context
def is_continued_by_about(f: LineFacts, page: Page) -> bool:
    """An organization's name the next line continues with 关于: "国务院办公厅" / "关于…的函"."""
    below = page.below(f)
    return below is not None and below.core.startswith("关于") and is_organization(f, page)


@in_context
def is_completed_below(f: LineFacts, page: Page) -> bool:
    """Breaks off before the kind of document, and the next line goes on: a title's first
    part ("国务院办公厅关于湖北省巴东县" / "地质灾害险情有关问题的复函")."""
    below = page.below(f)
    return below is not None and continues_the_line_above(below, page)


@in_context
def continues_the_line_above(f: LineFacts, page: Page) -> bool:
    """The line above breaks off ("…关于", "…转发…", an issuer's name) and this one goes on."""
    above = page.above(f)
    return (
        f.plain
        and above is not None
        and above.plain
        and not names_document_kind(above, page)
        and _is_open_ended(above)
    )


@in_context
def is_set_apart_above(f: LineFacts, page: Page) -> bool:
    """More blank lines above it than the text usually leaves."""
    return f.index > 0 and f.gap > page.usual_gap


@in_context
def repeats_the_line_above(f: LineFacts, page: Page) -> bool:
    """Repeats the line above, whole or condensed: a headline shown twice."""
    above = page.above(f)
    return (
        above is not None
        and above.index in page.echoed
        and same_title(compact(above.core), compact(f.core))
    )


@in_context
def opens_like_the_line_below(f: LineFacts, page: Page) -> bool:
    """The next line is title-like and opens with the same words: this one is a headline
    or a file's name over the title, not its first half."""
    below = page.below(f)
    return f.plain and below is not None and _open_alike(f, below)


@in_context
def opens_like_the_line_above(f: LineFacts, page: Page) -> bool:
    """The line above opens with the same words: a title restated, not continued."""
    above = page.above(f)
    return f.plain and above is not None and _open_alike(above, f)


def _open_alike(first: LineFacts, second: LineFacts) -> bool:
    return (
        second.plain
        and compact(first.core)[:SHARED_OPENING] == compact(second.core)[:SHARED_OPENING]
        and len(compact(second.core)) >= SHARED_OPENING
    )


@in_context
def follows_a_complete_title(f: LineFacts, page: Page) -> bool:
    """The line above already ends with a kind of document: a title of its own."""
    above = page.above(f)
    return above is not None and names_document_kind(above, page)


@in_context
def completes_the_line_above(f: LineFacts, page: Page) -> bool:
    """The line above breaks off before the kind of document, which this line names."""
    above = page.above(f)
    return (
        above is not None
        and above.plain
        and not names_document_kind(above, page)
        and names_document_kind(f, page)
        and (_is_open_ended(above) or not P.STANDALONE_TITLE.match(page.compact(f)))
    )


def _is_open_ended(f: LineFacts) -> bool:
    """A title's first half: "…关于…", "…转发…", "在…", an issuer's name, or "…的" at its end."""
    core = compact(f.core)
    return bool(P.TITLE_OPENING.search(core)) or P.ORGANIZATION.search(core) is not None


@in_context
def is_repeated_below(f: LineFacts, page: Page) -> bool:
    """A title-like line close below repeats it: a page's headline over the title."""
    return f.index in page.echoed


@in_context
def repeats_the_opening(f: LineFacts, page: Page) -> bool:
    """Opens like one of the document's first lines: its headline or a teaser, again."""
    return f.index in page.repeats


def is_a_piece_label(f: LineFacts, page: Page) -> bool:
    """A collection's label for one of its pieces: "…民主生活会发言稿范文一", "范文二:"."""
    return is_piece_label(f.core)


@in_context
def heads_a_collection(f: LineFacts, page: Page) -> bool:
    """A title that the labels of its pieces below repeat: "学校维修请示范文" over
    "学校维修请示范文一:" (a collection's title and its first piece)."""
    if not f.plain or not page.piece_labels:
        return False
    flat = page.compact(f)
    below = page.piece_labels.intersection(range(f.index + 1, f.index + 1 + ECHO_WINDOW))
    return any(page.compact(page.facts[j]).startswith(flat) for j in below)


def is_header_particular(f: LineFacts, page: Page) -> bool:
    """A particular of the header on its own line: "签发人：张三", "类别：A", "密级：秘密"."""
    return len(f.core) <= 20 and P.HEADER_PARTICULAR.match(f.core) is not None


def is_line_residue(f: LineFacts, page: Page) -> bool:
    """Residue on its own: buttons, metadata, page tools, stray code."""
    return f.role is Role.NOISE


def is_residue_phrase(f: LineFacts, page: Page) -> bool:
    """Says what only page furniture says: 小编, 预览结束, 获取全文, 所在栏目, 相关文档:."""
    if len(f.core) > P.RESIDUE_LINE_MAX:
        return False
    if P.RESIDUE_PHRASE.search(f.core) is not None:
        return True
    return len(f.core) <= P.RELATED_LIST_MAX and P.RELATED_LIST.search(f.core) is not None


def names_a_medium(f: LineFacts, page: Page) -> bool:
    """A site or a medium named alone: "四川日报", "宁夏日报客户端"."""
    return f.plain and len(f.core) <= 20 and P.MEDIUM.search(f.core) is not None


def is_fragment(f: LineFacts, page: Page) -> bool:
    """A short title-like fragment: a breadcrumb's part, a column's name."""
    return f.plain and len(compact(f.core)) <= FRAGMENT_MAX and not names_document_kind(f, page)


def is_posting_time(f: LineFacts, page: Page) -> bool:
    """When the page was posted: "2026年02月10日 07时41分", "2021-10-17 14:15"."""
    return P.POSTED_AT.match(f.core) is not None


@in_context
def follows_a_metadata_key(f: LineFacts, page: Page) -> bool:
    """The value of a page's metadata: the line under "标　　题：", "来源：", "责任编辑：", or
    a row of values under a row of keys ("索引号 文号 发布机构 …" / "N001-… 宛政〔2011〕7号")."""
    if f.index in page.key_row_values:
        return True
    above = page.above(f)
    if above is None or above.role is not Role.NOISE:
        return False
    key = above.core
    if not (is_metadata_key(key) or P.RESIDUE_KEY.match(key)):
        return False
    if f.role is Role.DOCNUMBER and "号" not in key:  # "有效性:" is no document number's key
        return False
    # A value is short: a paragraph is the text again.
    return len(f.core) <= P.TITLE_MAX and "。" not in f.core


@in_context
def is_lead_in(f: LineFacts, page: Page) -> bool:
    """A sentence right above the salutation: a lead-in a site put above the speech."""
    below = page.below(f)
    return is_sentence(f, page) and below is not None and is_salutation(below, page)


def states_a_particular(f: LineFacts, page: Page) -> bool:
    """A particular of a meeting: "时间：…", "出席委员　张三　李四", "列席：…"."""
    return (
        f.role is not Role.NOISE
        and P.PARTICULARS.match(f.core) is not None
        and not P.SPEAKER_ROLE.match(f.core)
    )


@in_context
def follows_the_article_end(f: LineFacts, page: Page) -> bool:
    """A line closely after an editor's line, 分享到 or 免责声明: the page's trailer."""
    return f.index in page.after_end


def is_a_date_piece(f: LineFacts, page: Page) -> bool:
    """A piece of a date or time left on a line of its own: "-2024-", "01/30", "15:04"."""
    return not f.has_cjk and P.DATE_PIECE.match(f.core) is not None


@in_context
def counts_after_a_date_piece(f: LineFacts, page: Page) -> bool:
    """A bare number right under a date's pieces: the page's view or comment count."""
    above = page.above(f)
    return f.core.isdecimal() and above is not None and is_a_date_piece(above, page)


@in_context
def is_in_a_run_of_fragments(f: LineFacts, page: Page) -> bool:
    """A short fragment next to another: a site's channel tabs, a breadcrumb's parts."""
    if not is_fragment(f, page):
        return False
    near = (page.above(f), page.below(f))
    return any(g is not None and (is_fragment(g, page) or g.role is Role.NOISE) for g in near)


@in_context
def precedes_the_salutation(f: LineFacts, page: Page) -> bool:
    """A sentence shortly above the opening salutation: a news lead or a photo caption."""
    return f.index in page.before_salutation and is_sentence(f, page)


def is_a_dateline(f: LineFacts, page: Page) -> bool:
    """A news agency's dateline alone: "新华社北京9月3日电"."""
    return P.DATELINE.match(page.compact(f)) is not None


@in_context
def contains_a_title_below(f: LineFacts, page: Page) -> bool:
    """Holds, word for word, a title that stands close below, and is not the page's first
    line: a page headline inside the page's furniture ("…而来！——在…讲话" over the two)."""
    if f.index == 0 or len(f.core) > P.TITLE_MAX * 2 or "。" in f.core:
        return False
    near = page.titles.intersection(range(f.index + 1, f.index + 1 + ECHO_WINDOW))
    headline = page.compact(f) if near else ""
    return any(_holds_unquoted(headline, page.compact(page.facts[j])) for j in near)


def _holds_unquoted(headline: str, title: str) -> bool:
    """``title`` stands in the longer ``headline`` other than as a quoted name: not in
    "关于公示《…》的通知", and not as a copy word for word (corpus convention 17)."""
    at = headline.find(title)
    quoted = headline[at - 1 : at] == "《" and headline[at + len(title) :][:1] == "》"
    issued = P.ISSUES_BEFORE.search(headline, 0, max(at, 0)) is not None  # "…关于印发某预案的通知"
    return at >= 0 and len(title) < len(headline) and not quoted and not issued


def ends_a_speech(f: LineFacts, page: Page) -> bool:
    """Thanks the audience, closes on a slogan or asks for deliberation: "我就讲这些，谢谢大家。",
    "…万岁！", "…和以上说明，请审议。"."""
    return len(f.core) <= P.CLOSING_SENTENCE_MAX and P.CLOSING_SENTENCE.search(f.core) is not None


@in_context
def is_listed_in_contents(f: LineFacts, page: Page) -> bool:
    """The first entry of a table of contents above: the text it lists begins here."""
    return f.listed


@in_context
def opens_the_page(f: LineFacts, page: Page) -> bool:
    """The first line of the text: where a page's title stands."""
    return f.index == 0


def is_issuer_mark(f: LineFacts, page: Page) -> bool:
    """An issuer's mark: "…文件", or joint issuers side by side."""
    core = f.core
    return bool(P.ISSUER.match(core)) or _is_joint_issuers(core)


def is_decree_issuer(f: LineFacts, page: Page) -> bool:
    """A decree's issuer: "中华人民共和国国务院令"."""
    return P.DECREE_ISSUER.match(page.compact(f)) is not None


@in_context
def stands_above_a_document_number(f: LineFacts, page: Page) -> bool:
    """A document number right below it: an organization's name there is the issuer's."""
    below = page.below(f)
    return below is not None and below.role is Role.DOCNUMBER


@in_context
def is_set_apart_below(f: LineFacts, page: Page) -> bool:
    """More blank lines below it than the text usually leaves."""
    below = page.below(f)
    return below is not None and below.gap > page.usual_gap


def is_document_number(f: LineFacts, page: Page) -> bool:
    """A document number: "国发〔2019〕4号"."""
    return f.role is Role.DOCNUMBER


def is_decree_number(f: LineFacts, page: Page) -> bool:
    """A decree's number alone, or a listed company's: "第785号", "证券代码：603602 …"."""
    return bool(P.DECREE_NUMBER.match(page.compact(f)) or P.STOCK_NUMBER.match(f.core))


def names_the_speaker_role(f: LineFacts, page: Page) -> bool:
    """Who speaks or chairs, under a host script's title: "主持人："."""
    return P.SPEAKER_ROLE.match(f.core) is not None


def opens_like_a_sentence(f: LineFacts, page: Page) -> bool:
    """Opens with a sentence's words ("按照…", "根据…"): a line of text broken short."""
    return P.SENTENCE_OPENING.match(f.core) is not None


def holds_a_comma(f: LineFacts, page: Page) -> bool:
    """Holds a comma, which titles all but never do."""
    return "，" in f.core or "," in f.core


@in_context
def opens_a_long_address(f: LineFacts, page: Page) -> bool:
    """The first line of an address broken over two ("各市人民政府，" / "…各有关单位：")."""
    below = page.below(f)
    return (
        f.core.startswith("各")
        and f.core[-1] in "，,、"
        and "。" not in f.core
        and below is not None
        and below.core[-1] in "：:"
        and len(below.core) <= P.ADDRESSEE_MAX
    )


@in_context
def stands_after_a_paragraph(f: LineFacts, page: Page) -> bool:
    """A short line naming a kind of document (itself or with the next line) right after a
    finished paragraph, or one announcing what follows: the title of an attached part."""
    above = page.above(f)
    return (
        f.plain
        and above is not None
        and above.role is Role.BODY
        and not above.plain
        and above.core[-1] in P.PARAGRAPH_END + "：:"
        and (names_document_kind(f, page) or _completed_with_a_kind(f, page))
    )


def _completed_with_a_kind(f: LineFacts, page: Page) -> bool:
    below = page.below(f)
    return below is not None and completes_the_line_above(below, page)


def is_a_lone_word(f: LineFacts, page: Page) -> bool:
    """A lone Latin word, as a page's widgets leave: "Baidu", "map"."""
    return P.LONE_WORD.match(f.core) is not None


@in_context
def is_a_piece_of_a_byline(f: LineFacts, page: Page) -> bool:
    """A piece of a byline broken at its numbers: "(" / "2022" / "年" / "6" / "月" …."""
    return page.shattered.get(f.index) == "byline"


@in_context
def is_a_piece_of_a_title(f: LineFacts, page: Page) -> bool:
    """A piece of a title broken at its numbers: "在" / "2022" / "届毕业典礼上的讲话"."""
    return page.shattered.get(f.index) == "title"


def is_a_table_cell(f: LineFacts, page: Page) -> bool:
    """A table's cell a copy left on a line of its own, with its column rule: "姓名 |"."""
    return f.core[-1] in "|｜" and len(f.core) > 1


def is_imprint_line(f: LineFacts, page: Page) -> bool:
    """A line of the imprint: "抄送：…", "某局 2023年3月9日印发", "共印5份"."""
    return P.IMPRINT.search(f.core) is not None


@in_context
def follows_a_broken_line(f: LineFacts, page: Page) -> bool:
    """The line above is text broken off mid-sentence: this one goes on with it."""
    above = page.above(f)
    return (
        not f.listed  # a table of contents' entries end without a stop; then the text begins
        and above is not None
        and above.role is Role.BODY
        and not above.plain
        and above.core[-1] not in P.PARAGRAPH_END + "：:；;"
    )


def opens_with_a_dash(f: LineFacts, page: Page) -> bool:
    """Opens with a dash: "——在…上的讲话"."""
    return P.SUBTITLE.match(f.core) is not None


def is_bracketed_note(f: LineFacts, page: Page) -> bool:
    """A note in brackets without a date: "（22篇）", "（征求意见稿）"."""
    core = f.core
    return core[:1] in "（(" and core[-1:] in "）)" and not P.PAREN_BYLINE.match(core)


def is_draft_mark(f: LineFacts, page: Page) -> bool:
    """A draft's mark: "（征求意见稿）", "（试行）"."""
    return P.DRAFT_MARK.match(f.core) is not None


def notes_the_provenance(f: LineFacts, page: Page) -> bool:
    """Says where the text comes from: "（根据录音整理）", "（有删节）"."""
    return is_bracketed_note(f, page) and P.PROVENANCE.search(f.core) is not None


def is_dated_byline(f: LineFacts, page: Page) -> bool:
    """A date in brackets, or a dated adoption note: "（2018年1月2日）"."""
    core = f.core
    return bool(P.PAREN_BYLINE.match(core) or (P.DATE_LEAD.match(core) and P.ADOPTION.search(core)))


def is_broken_byline(f: LineFacts, page: Page) -> bool:
    """Half of a bracketed byline broken over two lines."""
    core = f.core
    return bool(P.OPEN_BYLINE.match(core) or P.CLOSE_BYLINE.match(core))


def is_date(f: LineFacts, page: Page) -> bool:
    """A date alone: "2019年1月24日", "二〇〇五年七月十四日"."""
    return f.role is Role.DATE


def ends_with_colon(f: LineFacts, page: Page) -> bool:
    """Ends with its only colon, short, no full stop: an address."""
    core = f.core
    colons = core.count("：") + core.count(":")
    return (
        len(core) <= P.ADDRESSEE_MAX
        and colons == 1
        and "。" not in core
        and P.ADDRESSEE_END.search(core) is not None
    )


def addresses_all_of_a_kind(f: LineFacts, page: Page) -> bool:
    """Opens with 各 or lists organizations: "各省、自治区…", "四川省人民政府："."""
    core = f.core.rstrip("：:")
    return core.startswith("各") or P.ORGANIZATION.search(core) is not None or "、" in core


def announces_what_follows(f: LineFacts, page: Page) -> bool:
    """A sentence leading into a list: "现将有关事项通知如下：", "根据…"."""
    return P.ANNOUNCES.search(f.core) is not None


def opens_an_address(f: LineFacts, page: Page) -> bool:
    """A salutation ending with a colon: it opens the speech ("同志们："), where "同志们！"
    inside the text is a call to the audience."""
    return f.core[-1] in "：:" and is_salutation(f, page)


@in_context
def is_under_a_notice_title(f: LineFacts, page: Page) -> bool:
    """Shortly below the title of a notice, a letter or a decision."""
    return f.index in page.under_notices


def is_salutation(f: LineFacts, page: Page) -> bool:
    """A salutation: "同志们：", "各位代表，同志们："."""
    core = f.core
    return (
        f.role is Role.BODY
        and len(core) <= P.SALUTATION_MAX
        and P.SALUTATION.match(core) is not None
    )


def is_closing_formula(f: LineFacts, page: Page) -> bool:
    """A closing formula: "特此通知。", "谢谢大家！", "此复"."""
    return f.role is Role.CLOSING


def is_courtesy(f: LineFacts, page: Page) -> bool:
    """A courtesy sentence: "感谢你们…", "以上意见…", "请予…"."""
    return f.role is Role.BODY and P.CLOSING_BEFORE_SIGNATURE.match(f.core) is not None


def is_attachment_note(f: LineFacts, page: Page) -> bool:
    """An attachment note or an appendix's header: "附件：…", "附：", "名词解释"."""
    return f.role is Role.ATTACHMENT


@in_context
def is_attachment_item(f: LineFacts, page: Page) -> bool:
    """A numbered item right under an attachment note."""
    return f.index in page.attachment_items


def could_sign(f: LineFacts, page: Page) -> bool:
    """Short enough to be a signature, and not a sentence; or a post and a name."""
    return (
        (f.plain and len(f.core) <= P.SIGNATURE_MAX)
        or names_a_person(f, page)
        or P.SIGNING_POST.match(f.core) is not None
    )


def is_set_to_the_right(f: LineFacts, page: Page) -> bool:
    """Indented far to the right, as a signature is set."""
    return f.indent >= 8


def is_text(f: LineFacts, page: Page) -> bool:
    """Every line may be text."""
    return True


def _is_joint_issuers(core: str) -> bool:
    """Two or more organizations' names side by side: the mark of a jointly issued document
    ("中共某县委办公室  某县人民政府办公室"), which a title line never is."""
    names = core.split()
    return len(names) >= 2 and all(
        P.ORGANIZATION.search(name) and "关于" not in name for name in names
    )


def looks_like_residue(f: LineFacts, page: Page) -> bool:
    """Residue-like in itself: buttons, metadata, a page's phrases, a short line."""
    return (
        is_line_residue(f, page)
        or is_residue_phrase(f, page)
        or f.plain
        or is_posting_time(f, page)
        or is_a_dateline(f, page)
        or is_a_date_piece(f, page)
        or is_a_lone_word(f, page)
    )


@in_context
def sits_among_residue(f: LineFacts, page: Page) -> bool:
    """Residue-like by its place: among residue, after the article, above the salutation."""
    return (
        repeats_the_opening(f, page)
        or is_lead_in(f, page)
        or is_between_residue(f, page)
        or follows_a_metadata_key(f, page)
        or contains_a_title_below(f, page)
        or follows_the_article_end(f, page)
        or counts_after_a_date_piece(f, page)
        or precedes_the_salutation(f, page)
        or repeats_the_residue_above(f, page)
    )
