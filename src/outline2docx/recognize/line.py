"""What one line says about itself, before its neighbours are considered."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from outline2docx.read.lines import SourceLine
from outline2docx.recognize import patterns as P
from outline2docx.tree.nodes import Note, Numbering, Paragraph, Role, Span
from outline2docx.tree.numbering import NumberingKind
from outline2docx.tree.numerals import ordinal_value

_END_OR_BRACKET = re.compile("[" + re.escape(P.SENTENCE_END + P.OPENERS + P.CLOSERS + "\"'") + "]")
_TRAILING_NOTE = P.LazyPattern(r"^[（(][^（）()]*[）)][。.；;]?$")  # "（海关总署负责）"
_ONLY_PUNCT = P.LazyPattern(r"^[\W_]*$")
_FULL_WIDTH = re.compile("[\u3000-\u303f\uff01-\uff5e\u2018-\u201d\u2026]")


@dataclass(slots=True)
class LineFacts:
    """A line, the role it has on its own, and the facts context rules look at."""

    number: int
    text: str  # the line as read (trimmed)
    indent: int
    norm: str = ""  # what the patterns read: the text in simplified characters, same length
    role: Role = Role.BODY
    lead: str = ""
    numbering: Numbering | None = None
    rank: int = 0  # nesting rank of a heading (patterns.NumberingForm.rank)
    decimal_depth: int = 0  # 1 for "1 总则", 2 for "1.1 目的"; 0 if not a decimal outline
    core: str = ""  # the text without forum junk glued to its end
    has_cjk: bool = False
    plain: bool = False  # short, unnumbered, no sentence-ending mark: a title-like line
    index: int = 0  # place among the document's non-empty lines
    gap: int = 0  # blank lines above this line
    listed: bool = False  # a table of contents above lists this line: the text begins here
    entry: bool = False  # an entry of a table of contents: text, whatever its number
    margin: float = float("inf")  # how far the role's score is ahead of the runner-up's
    runner_up: Role | None = None  # the role that came closest, where any came at all

    @property
    def is_heading(self) -> bool:
        """True when the line currently has a heading role."""
        return self.role.is_heading

    def drop_numbering(self) -> None:
        """Forget the line's number: its lead and heading rank go with it."""
        self.lead, self.numbering, self.rank = "", None, 0

    def make_text(self) -> None:
        """Read the line as a paragraph of text, its number (if any) part of the text."""
        self.drop_numbering()
        self.role = Role.BODY

    def paragraph(self, spans: tuple[Span, ...] = (), notes: tuple[Note, ...] = ()) -> Paragraph:
        """The tree's paragraph for this line, with how sure the recognizer is of its role."""
        return Paragraph(
            self.role,
            self.text,
            self.number,
            self.lead,
            self.numbering,
            spans,
            notes,
            confidence=1.0 if self.margin > CERTAIN else confidence(self.margin),
            runner_up=self.runner_up,
            item=self.role is Role.ATTACHMENT and not self.text.startswith("附"),
        )


CERTAIN = 20.0  # margins above this read as certainty


def confidence(margin: float) -> float:
    """A margin between two readings' scores as the chance the chosen one is right."""
    if margin > CERTAIN:
        return 1.0
    return round(1.0 / (1.0 + math.exp(-margin)), 3)


def examine(line: SourceLine, norm: str | None = None) -> LineFacts:
    """Classify ``line`` on its own: numbering, run-in leads, noise and fixed formulas.

    ``norm`` is the line as the patterns should read it (simplified characters); positions in
    it are positions in the line's own text.
    """
    text = norm or line.text
    facts = LineFacts(line.number, line.text, line.indent, text)
    facts.core = _without_trailing_junk(text)
    facts.has_cjk = P.CJK.search(text) is not None

    if text[-1].isdigit() and facts.has_cjk and P.TOC.search(text, max(len(text) - 64, 0)):
        return facts  # a table-of-contents entry is body text, whatever it starts with
    core = facts.core
    if P.DATE.match(core):
        facts.role = Role.DATE
        return facts
    numbered = text[0] in P.NUMBER_STARTS or text[0].isdecimal()
    if numbered and (_match_numbering(facts) or _match_decimal(facts) or _match_enumerator(facts)):
        return facts
    if is_noise(text, facts.has_cjk):
        facts.role = Role.NOISE
        return facts
    if P.DOCNUMBER.match(core):
        facts.role = Role.DOCNUMBER
    elif P.ATTACHMENT.match(core) or P.NOTES_HEADER.match(core):
        facts.role = Role.ATTACHMENT
    elif P.CLOSING.match(core):
        facts.role = Role.CLOSING
    facts.plain = (
        facts.role is Role.BODY
        and len(core) <= P.TITLE_MAX
        and facts.has_cjk
        and first_sentence_end(core) < 0
    )
    return facts


def _without_trailing_junk(text: str) -> str:
    """The text without a run of ASCII symbols glued to its end by a forum's copy protection,
    or a stray HTML entity ("国务院办公厅   &sp;")."""
    if not "\x21" <= text[-1] <= "\x7e":
        return text
    entity = P.TRAILING_ENTITY.search(text)
    if entity is not None and entity.start() > 0:
        return text[: entity.start()].rstrip()
    junk = P.TRAILING_JUNK.search(text, max(len(text) - 120, 0))
    if junk is None or not P.CODE_CHARS.search(junk.group()):
        return text
    return text[: junk.start()].rstrip() or text


def is_noise(text: str, has_cjk: bool) -> bool:
    """True for web-page residue: share buttons, view counts, stray code, watermarks."""
    if has_cjk and len(text) > P.NOISE_LINE_MAX:
        return False  # a paragraph: no residue line runs this long
    if _is_page_furniture(text):
        return True
    head = text[: P.METADATA_KEY_MAX]
    if ("：" in head or ":" in head) and len(text) <= P.NOISE_LINE_MAX and is_metadata_field(text):
        return True
    if not has_cjk:
        return _is_junk_without_cjk(text) or P.PAGE_TOOL.match(text) is not None
    if (
        P.NOISE_PREFIX.match(text)
        or _has_metadata_keys(text)
        or P.BREADCRUMB_START.match(text)
        or (text.count(" ") > 1 and len(P.METADATA_WORDS.findall(text, 0, P.NOISE_LINE_MAX)) > 1)
    ):
        return len(text) <= P.NOISE_LINE_MAX  # "发布时间：… 来源：… 浏览次数：…"
    if len(text) <= P.CREDIT_LINE_MAX and "。" not in text and P.CREDIT.search(text):
        return True
    if len(text) > P.NOISE_WORDS_MAX:
        return False
    if P.BREADCRUMB.search(text) or P.PAGE_TOOL.match(text):
        return True
    words = [m for m in P.NOISE_WORDS.findall(text) if not m.isdigit()]
    if not words:
        return False
    left = P.NOISE_WORDS.sub("", text)
    kept = len(P.CJK.findall(left))
    # Words left over stand apart from the buttons ("好学生 分享 时间:"); glued to one they make
    # a word of the text ("举报指南", a title).
    return kept <= P.NOISE_MAX_LEFT and "。" not in left and (kept == 0 or " " in text.strip())


def _is_page_furniture(text: str) -> bool:
    """A site's footer, a stylesheet rule, a price, a document site's statistics, a file name
    for a headline, a WeChat column tag: residue however it reads. (The cheap signs first:
    this runs on every short line.)"""
    first = text[0]
    return (
        ("{" in text and P.CSS_RULE.match(text) is not None)
        or (first in "¥￥" and P.PRICE.match(text) is not None)
        or (first in "•·" and P.DOC_SITE_STAT.match(text) is not None)
        or (first == "【" and P.COLUMN_TAG.match(text) is not None)
        or (
            "." in text[-12:]
            and P.FILE_NAME.search(text) is not None
            and not P.ATTACHMENT.match(text)
        )
        or (P.SITE_FOOTER.search(text) is not None and "。" not in text)
    )


def _has_metadata_keys(text: str) -> bool:
    """Two keys of article metadata or more: "时间: 2022-01-27 来源: … 阅读次数:"."""
    head = text[: P.NOISE_LINE_MAX]
    if head.count("：") + head.count(":") < 2:  # most lines: no need to look further
        return False
    return len(P.METADATA_KEY.findall(head)) > 1


def is_metadata_key(text: str) -> bool:
    """A key of a site's metadata table standing alone: "索 引 号：", "标　　题："."""
    compact = "".join(text.split())
    key = P.METADATA_TABLE_KEY.match(compact)
    return key is not None and key.end() == len(compact)


def is_metadata_field(text: str) -> bool:
    """A field of a site's metadata table, its value on the line or not: "索 引 号：",
    "标题: 重庆市…的通知", "归档时间:2018-11-21"."""
    return P.METADATA_TABLE_KEY.match("".join(text[: P.METADATA_KEY_MAX].split())) is not None


def _is_junk_without_cjk(text: str) -> bool:
    """Stray code, view counts and anti-copy watermarks, as opposed to numbers and Latin text."""
    if _FULL_WIDTH.search(text):
        return False  # full-width punctuation is Chinese writing: "［5］ESI："
    tokens = text.split()
    if len(tokens) == 1 and "=" in text:
        return True  # "allans=0": a converter's attribute left as a line
    words = P.LATIN_WORD.findall(text)
    if words and sum(map(len, words)) >= 0.6 * len("".join(tokens)):
        return False  # Latin prose, or a placeholder such as XXX
    if P.CODE_CHARS.search(text) or P.TIMESTAMP.search(text) or P.HASH_ID.search(text):
        return True  # '");', 'f$ Y) |. D#', "2021-10-17 14:15:41", a page's hash ids
    if len(tokens) > 1 and all(t.isdecimal() for t in tokens):
        return True  # "47 3432347": counters of a web page
    return len(tokens) >= 4 and len("".join(tokens)) <= 2.5 * len(tokens)


def _match_numbering(facts: LineFacts) -> bool:
    text = facts.norm
    for form in P.NUMBERINGS:
        m = form.pattern.match(text)
        if not m:
            continue
        label = facts.text[: m.end()]  # as written, traditional characters and all
        facts.numbering = Numbering(
            form.kind, ordinal_value(m.group("n")), label, _form_of(label, m)
        )
        facts.rank = form.rank
        heading_end, doubtful = _heading_split(text, len(label))
        if form.runin is not form.role and heading_end < len(text):
            facts.role, facts.lead = form.runin, facts.text[:heading_end]
        else:
            facts.role = form.role
            if form.role in (Role.ARTICLE, Role.H4, Role.H5):
                facts.lead = label.rstrip()  # 第一条 in 黑体, the article text in body font
        if form.runin is not form.role and doubtful:
            facts.margin = P.DOUBTFUL
            facts.runner_up = form.role if facts.role is form.runin else form.runin
        return True
    return False


def match_glued_decimal(facts: LineFacts) -> bool:
    """Read ``facts`` as a decimal heading whose number lost its space ("1.1制定目的"): for
    documents that number so throughout (context.resolve_glued_decimals decides)."""
    if not _match_decimal(facts, P.GLUED_DECIMAL):
        return False
    facts.plain = False
    return True


def _match_decimal(facts: LineFacts, pattern: re.Pattern[str] = P.DECIMAL) -> bool:
    m = pattern.match(facts.norm)
    if not m or not P.CJK.match(facts.norm, m.end()):
        return False
    number = m.group("n").replace("．", ".")
    depth = number.count(".") + 1
    if depth > len(P.DECIMAL_ROLES):
        return False
    role, runin = P.DECIMAL_ROLES[depth - 1]
    facts.decimal_depth = depth
    value = int(number.split(".")[-1])
    facts.numbering = Numbering(NumberingKind.DECIMAL, value, m.group(), _form_of(m.group(), m))
    facts.rank = P.DECIMAL_RANK + 10 * (depth - 1)
    heading_end = heading_part_end(facts.norm, m.end())
    if heading_end < len(facts.text):
        facts.role, facts.lead = runin, facts.text[:heading_end]
    else:
        facts.role = role
    return True


def _match_enumerator(facts: LineFacts) -> bool:
    text = facts.norm
    for enum in P.ENUMERATORS:
        m = enum.pattern.match(text)
        if not m:
            continue
        word = m.group("n")
        value = (
            P.SEQUENCE_WORDS[word] if enum.kind is NumberingKind.SEQUENCE else ordinal_value(word)
        )
        label = facts.text[: m.end()]
        facts.numbering = Numbering(enum.kind, value, label, _form_of(label, m))
        end = first_sentence_end(text, m.end())
        if enum.kind is NumberingKind.ORDINAL and end < 0 and len(text) <= P.GROUP_HEADING_MAX:
            # "第一，发展思路要清晰" standing alone is a heading, not a run-in paragraph.
            facts.role, facts.rank = Role.H1, P.RANKS[Role.H1]
            return True
        facts.role = Role.RUNIN
        facts.lead = facts.text[:end] if end > 0 else label
        return True
    return False


def _form_of(label: str, m: re.Match[str]) -> str:
    start, end = m.span("n")
    return (label[:start] + "N" + label[end:]).replace(" ", "").replace("\u3000", "")


def first_sentence_end(text: str, start: int = 0) -> int:
    """Index just after the first sentence-ending mark outside quotes and brackets, or -1."""
    depth = 0
    for m in _END_OR_BRACKET.finditer(text, start):
        ch = m.group()
        if ch in P.OPENERS:
            depth += 1
        elif ch in P.CLOSERS:
            depth = max(depth - 1, 0)
        elif ch in "\"'":
            continue  # straight quotes do not say whether they open or close
        elif depth == 0 and not _is_ascii_inside_number(text, m.start()):
            return m.end()
    return -1


def heading_part_end(text: str, start: int) -> int:
    """Where the heading part of a numbered line ends: len(text) if nothing follows it."""
    return _heading_split(text, start)[0]


def _heading_split(text: str, start: int) -> tuple[int, bool]:
    """Where the heading part ends, and whether that is doubtful: a split at a ； or before a
    bracketed note only leaves both readings (one heading, a run-in heading) defensible."""
    end = first_sentence_end(text, start)
    if end < 0:
        return len(text), False
    rest = text[end:].strip()
    if not rest or _ONLY_PUNCT.match(rest):
        return len(text), False
    if _TRAILING_NOTE.match(rest):
        return len(text), True
    return end, text[end - 1] in "；;"


def _is_ascii_inside_number(text: str, at: int) -> bool:
    """10:30 and 1:500 are times and ratios, not sentence ends."""
    return (
        text[at] in ":;"
        and 0 < at < len(text) - 1
        and text[at - 1].isdigit()
        and text[at + 1].isdigit()
    )
