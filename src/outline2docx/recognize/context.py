"""Roles that depend on a line's neighbours: the header, the end matter, and document styles.

Each pass is a small function over the whole document, run in a fixed order by
``recognize``. A pass only revises roles the line-level examination left open.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence

from outline2docx.read.lines import SourceLine
from outline2docx.recognize import patterns as P
from outline2docx.recognize.frame import decode_frame
from outline2docx.recognize.line import (
    LineFacts,
    examine,
    first_sentence_end,
    match_glued_decimal,
)
from outline2docx.recognize.simplify import simplified_copies
from outline2docx.recognize.states import TEXT_ROLES
from outline2docx.tree.nodes import RUNIN_HEADING_ROLES, Role
from outline2docx.tree.numbering import NumberingKind

Pass = Callable[[list[LineFacts]], None]


def recognize(
    lines: Sequence[SourceLine], overrides: Mapping[int, Role] | None = None
) -> list[LineFacts]:
    """Give every non-empty line its role, first on its own and then in context.

    ``overrides`` maps line numbers to the roles a user gave them; the rest of the document
    is recognized around them.
    """
    copies = simplified_copies([line.text for line in lines]) or [None] * len(lines)
    facts = [examine(line, norm) for line, norm in zip(lines, copies, strict=True)]
    previous = 0
    for index, f in enumerate(facts):
        f.index, f.gap, previous = index, f.number - previous - 1, f.number
    for document_pass in PASSES:
        document_pass(facts)
    if overrides:
        overrule_forms(facts, overrides)
    decode_frame(facts, overrides)
    return facts


def overrule_forms(facts: list[LineFacts], overrides: Mapping[int, Role]) -> None:
    """Give lines the text roles a user asked for (h2, body, runin …); the frame roles
    (title, signature …) are the decoder's to place, around these lines."""
    for f in facts:
        role = overrides.get(f.number)
        if role is None or role not in TEXT_ROLES:
            continue
        f.role, f.plain = role, False
        f.rank = P.RANKS.get(role, 0) if role.is_heading else 0
        if role in RUNIN_HEADING_ROLES and not f.lead:
            end = first_sentence_end(f.norm)
            f.lead = f.text[:end] if end > 0 else f.text
        elif role not in RUNIN_HEADING_ROLES and role is not Role.RUNIN:
            f.lead = f.lead if role in (Role.ARTICLE, Role.H4, Role.H5) else ""
        if role is Role.BODY:
            f.numbering = None


def resolve_glued_decimals(facts: list[LineFacts]) -> None:
    """A decimal outline whose numbers lost their spaces ("1总则", "1.1制定目的", "1.3.1为…"):
    headings where three lines or more are numbered so at depth two or more; a "1总则" only
    where its "1.1" follows."""
    glued = [f for f in facts if _may_be_glued(f)]
    deep = [f for f in glued if any(dot in _glued_number(f) for dot in ".．")]
    if len(deep) < P.GLUED_DECIMALS_MIN:
        return
    for f in glued:
        number = _glued_number(f)
        if "." in number or "．" in number or _opens_its_subsection(f, number, facts):
            match_glued_decimal(f)


def _glued_number(f: LineFacts) -> str:
    return P.GLUED_DECIMAL.match(f.norm).group("n")


def _may_be_glued(f: LineFacts) -> bool:
    if f.role is not Role.BODY or f.numbering is not None or f.entry:
        return False
    m = P.GLUED_DECIMAL.match(f.norm)
    return m is not None and P.CJK.match(f.norm, m.end()) is not None


def _opens_its_subsection(f: LineFacts, number: str, facts: list[LineFacts]) -> bool:
    """A glued "1" is a heading when its "1.1" comes within the next lines."""
    for g in facts[f.index + 1 : f.index + 4]:
        m = P.GLUED_DECIMAL.match(g.norm)
        if m is not None and m.group("n").replace("．", ".") == f"{number}.1":
            return True
    return False


def resolve_decimal_outline(facts: list[LineFacts]) -> None:
    """Keep decimal outline headings only in documents that number with 1.1 / 1.1.1."""
    decimal = [f for f in facts if f.decimal_depth]
    if sum(f.decimal_depth > 1 for f in decimal) >= 2:
        return
    for f in decimal:  # "1 总则" without any "1.1": a stray number, not an outline
        f.make_text()
        f.decimal_depth = 0


def resolve_regulation_items(facts: list[LineFacts]) -> None:
    """In a regulation with chapters but no 第X条, the 一、 provisions are its articles."""
    roles = {f.role for f in facts}
    if Role.CHAPTER not in roles or Role.ARTICLE in roles:
        return
    in_chapter = False
    for f in facts:
        in_chapter = in_chapter or f.role is Role.CHAPTER
        if in_chapter and f.numbering and f.numbering.kind is NumberingKind.CN:
            f.role, f.rank = Role.ARTICLE, P.RANKS[Role.ARTICLE]
            f.lead = f.numbering.label


def resolve_group_headings(facts: list[LineFacts]) -> None:
    """Unnumbered short lines each followed by a list starting at 1 are level-1 headings."""
    groups = [f for f, after in itertools.pairwise(facts) if _heads_a_list(f, after)]
    if len(groups) >= 2:  # one such line could be a title; a pattern of them is structure
        for f in groups:
            f.role, f.rank, f.plain = Role.H1, P.RANKS[Role.H1], False


def _heads_a_list(f: LineFacts, after: LineFacts) -> bool:
    """A short unnumbered line right above the first item of a list: "报告事项" / "一、…"."""
    core = f.core.rstrip("：:")
    if not (f.plain or (core != f.core and first_sentence_end(core) < 0)) or not f.has_cjk:
        return False
    number = after.numbering
    if number is None or number.value != 1 or number.kind not in P.LIST_KINDS:
        return False
    if number.kind is NumberingKind.ARABIC:
        return len(core) <= P.GROUP_HEADING_MAX
    # Above 一、 or （一）, only a short label: a title there names its kind of document.
    return len(core) <= P.GROUP_LABEL_MAX and not P.DOCUMENT_KIND.search(core)


def resolve_table_of_contents(facts: list[LineFacts]) -> None:
    """A table of contents is body text: the entries under a "目录" line, or a long run of
    headings of two levels or more with no text between them, up to where the text they list
    begins (the first entry again) or the run ends."""
    i = 0
    while i < len(facts):
        f = facts[i]
        titled = (
            len(f.core) <= P.CONTENTS_TITLE_MAX and "".join(f.core.split()) in P.CONTENTS_TITLES
        ) or P.CONTENTS_LEAD.match(f.core) is not None
        opens = (f.numbering is not None and f.role is not Role.RUNIN) or (
            _is_entry(f)
            and not P.DOCUMENT_KIND.search(f.core)  # a title above a document's first heading
            and i + 1 < len(facts)
            and facts[i + 1].numbering is not None
        )
        if not titled and not opens:  # a run without "目录" opens with a numbered entry
            i += 1
            continue
        run = _entries_from(facts, i + 1 if titled else i)
        if titled or _is_contents(run, facts):
            for g in ([f] if titled else []) + run:
                g.make_text()
                g.plain, g.entry = False, True
        i += max(len(run) + titled, 1)  # a run's later lines start no other contents list


def _entries_from(facts: list[LineFacts], start: int) -> list[LineFacts]:
    """The run of contents entries from ``start``, ending before the text they list begins."""
    run: list[LineFacts] = []
    keys: set[str] = set()
    for f in facts[start : start + P.CONTENTS_MAX]:
        if not _is_entry(f):
            break
        key = _entry_key(f)
        if not key or key in keys:  # an entry again (or a bare "第一章"): the text begins here
            f.listed = True
            break
        keys.add(key)
        run.append(f)
    return run


def _is_entry(f: LineFacts) -> bool:
    """A line a table of contents is made of: a bare heading (no sentence in it, unlike a
    list's items), a short line, a dotted entry with its page number."""
    core = f.core
    if core[-1].isdigit():  # a page number: look at the line's end only
        tail = core[-P.ENTRY_TAIL :]
        if P.TOC.search(tail) or (f.has_cjk and P.ENTRY_PAGE.search(tail)):
            return True
    if len(core) > P.ENTRY_MAX or "".join(core.split()) in P.CONTENTS_TITLES:
        return False
    if f.role in (Role.H1, Role.H2, Role.H3, Role.H4, Role.CHAPTER, Role.SECTION, Role.RUNIN):
        return first_sentence_end(f.core) < 0
    return f.plain


def _is_contents(run: list[LineFacts], facts: list[LineFacts]) -> bool:
    """Headings in a row, numbered and of two levels at least, three or more of them one after
    another (headings each with a short line under them are a form), that the text then lists
    again, or a long run that a page cut short ends with: a table of contents."""
    if not run:
        return False
    after = run[-1].index + 1
    again = after < len(facts) and facts[after].listed
    cut_short = after == len(facts) and len(run) >= 2 * P.CONTENTS_MIN
    if not (again or cut_short):
        return False
    ranks = [_entry_rank(f) for f in run]
    numbered = [rank for rank in ranks if rank is not None]
    streak = longest = 0
    for rank in ranks:
        streak = streak + 1 if rank is not None else 0
        longest = max(longest, streak)
    return (
        len(run) >= P.CONTENTS_MIN
        and len(numbered) >= P.CONTENTS_MIN - 2
        and len(set(numbered)) > 1
        and longest >= 3
    )


def _entry_rank(f: LineFacts) -> int | None:
    """An entry's level: its heading rank, or one of its own for "1.1定义" (its space lost)."""
    if f.numbering is not None:
        return f.rank
    return P.LOOSE_DECIMAL_RANK if P.LOOSE_DECIMAL.match(f.core) else None


def _entry_key(f: LineFacts) -> str:
    """A contents entry or a heading without its number and page number, for comparing."""
    text = P.PAGE_NUMBER.sub("", f.core)
    if f.numbering is not None:
        text = text[len(f.numbering.label) :]
    return "".join(text.split())


def resolve_lone_sequence_words(facts: list[LineFacts]) -> None:
    """首先，/其次，/最后， enumerate only with a partner close by: a lone "首先，我代表…" or
    "最后，…" is a paragraph of text, not a run-in item."""
    openers = [
        (f, f.numbering.value)
        for f in facts
        if f.numbering is not None and f.numbering.kind is NumberingKind.SEQUENCE
    ]
    lone = [
        f
        for f, value in openers
        if not any(
            other != value and abs(g.index - f.index) <= P.SEQUENCE_REACH for g, other in openers
        )
    ]
    for f in lone:
        f.make_text()
        f.margin, f.runner_up = P.DOUBTFUL, Role.RUNIN


def resolve_part_headings(facts: list[LineFacts]) -> None:
    """Unnumbered part headings between paragraphs ("过去五年工作回顾", "结语") are level-1
    headings where a text has several of them; each stays a close call against text."""
    parts = [
        f
        for above, f, below in zip(facts, facts[1:], facts[2:], strict=False)
        if _is_part_heading(above, f, below)
    ]
    # One such line could be a fragment; a pattern of them is structure, and so is one that
    # names a report's part ("2024年工作回顾", "过去五年工作回顾").
    if len(parts) < 2 and not any(P.REPORT_PART.search(f.core) for f in parts):
        return
    for f in parts:
        f.role, f.rank, f.plain = Role.H1, P.PART_RANK, False
        f.margin, f.runner_up = P.DOUBTFUL, Role.BODY


def _is_part_heading(above: LineFacts, f: LineFacts, below: LineFacts) -> bool:
    """A short unmarked line after a finished paragraph and before another paragraph."""
    return (
        f.plain
        and f.has_cjk
        and len(f.core) <= P.PART_HEADING_MAX
        and (not P.PART_HEADING_MARKS.search(f.core) or P.REPORT_PART.search(f.core) is not None)
        and not above.plain
        and above.role in (Role.BODY, Role.RUNIN)
        and above.core[-1] in P.PARAGRAPH_END
        and not below.plain
        and below.role in (Role.BODY, Role.RUNIN)
    )


# Passes over the text's own forms; the frame is decided after them (frame.decode_frame).
PASSES: tuple[Pass, ...] = (
    resolve_table_of_contents,
    resolve_glued_decimals,
    resolve_decimal_outline,
    resolve_regulation_items,
    resolve_group_headings,
    resolve_lone_sequence_words,
    resolve_part_headings,
)
