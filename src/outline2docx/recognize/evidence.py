"""Evidence for the parts of a document's frame, as one table of weighted facts.

Each row says: when this fact holds of a line, the line being in this state gains (or loses)
this much. A state is a candidate for a line only where its gate holds; a line whose only
candidate is text costs the frame decoder nothing. Weights are in the same units as the costs
of ``frame.TRANSITIONS``; text scores 0, so a part must earn its place against plain text.

This is the one place to look when a title, a signature or a residue line is missed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from outline2docx.recognize import facts as F
from outline2docx.recognize import patterns as P
from outline2docx.recognize.facts import CONTEXTUAL, Fact
from outline2docx.recognize.page import ECHO_WINDOW, FRAGMENT_MAX, Page
from outline2docx.recognize.states import ROLE_OF, TEXT_ROLES, State
from outline2docx.tree.nodes import Role

if TYPE_CHECKING:
    from outline2docx.recognize.line import LineFacts


class Evidence(NamedTuple):
    """A fact about a line, and what it is worth for a state."""

    state: str  # a State's name
    weight: float
    fact: Fact


class Gate(NamedTuple):
    """When a state is a candidate for a line: by its text, or else by its context."""

    text: Fact | None
    context: Fact | None = None


def _titled(f: LineFacts, page: Page) -> bool:
    return (F.title_like(f, page) and not F.is_bracketed_note(f, page)) or F.is_a_piece_label(
        f, page
    )


_RESIDUE_GATE = Gate(F.looks_like_residue, F.sits_among_residue)

# State name: the facts without which the state is not a candidate at all.
GATES: dict[str, Gate] = {
    "RESIDUE": _RESIDUE_GATE,
    "ISSUER": Gate(
        lambda f, page: (
            F.is_issuer_mark(f, page)
            or F.is_decree_issuer(f, page)
            or (f.plain and F.is_organization(f, page))
        )
    ),
    "DOCNUMBER": Gate(lambda f, page: F.is_document_number(f, page) or F.is_decree_number(f, page)),
    "TITLE": Gate(
        _titled, lambda f, page: F.heads_a_title(f, page) or F.is_a_piece_of_a_title(f, page)
    ),
    "TITLE_MORE": Gate(
        lambda f, page: F.title_like(f, page) or F.is_draft_mark(f, page),
        F.is_a_piece_of_a_title,
    ),
    "HEADER_RESIDUE": _RESIDUE_GATE,
    "SUBTITLE": Gate(
        lambda f, page: (
            F.opens_with_a_dash(f, page)
            or (F.title_like(f, page) and F.names_an_occasion(f, page))
            or F.is_bracketed_note(f, page)
        )
    ),
    "SUBTITLE_MORE": Gate(F.title_like),
    "BYLINE": Gate(
        lambda f, page: (
            F.is_dated_byline(f, page)
            or F.names_the_speaker_role(f, page)
            or F.is_broken_byline(f, page)
            or F.names_a_person(f, page)
            or F.is_date(f, page)
            or F.is_bracketed_note(f, page)
        ),
        F.is_a_piece_of_a_byline,
    ),
    "ADDRESSEE": Gate(
        lambda f, page: f.role is Role.BODY and F.ends_with_colon(f, page),
        F.opens_a_long_address,
    ),
    "SALUTATION": Gate(F.is_salutation),
    "TEXT": Gate(F.is_text),
    "TEXT_RESIDUE": _RESIDUE_GATE,
    "CLOSING": Gate(
        lambda f, page: (
            F.is_closing_formula(f, page) or F.is_courtesy(f, page) or F.ends_a_speech(f, page)
        )
    ),
    "ATTACHMENT": Gate(F.is_attachment_note, F.is_attachment_item),
    "SIGNATURE": Gate(lambda f, page: F.could_sign(f, page) and f.role is Role.BODY),
    "DATE": Gate(F.is_date),
    "NOTE": Gate(F.is_bracketed_note),
    "TRAILER": _RESIDUE_GATE,
    "HEADER_NOTE": Gate(F.is_header_particular),
}

_RESIDUE = (
    (+5.0, F.is_line_residue),
    (+4.0, F.is_residue_phrase),
    (-2.0, F.title_like),  # residue has to earn its place against a short line of text
    (-2.5, F.is_sentence),
    (+2.5, F.is_between_residue),
    (+3.0, F.repeats_the_residue_above),
    (+4.5, F.follows_a_metadata_key),
    (-3.0, F.is_completed_below),
    (+4.0, F.is_posting_time),
    (+4.0, F.is_a_dateline),
    (-4.0, F.states_a_particular),
)

# Residue only the top and the bottom of a page have: a breadcrumb's parts, a split date.
_PAGE_EDGE = (
    (+2.0, F.is_a_date_piece),
    (+2.5, F.is_a_lone_word),
    (+2.0, F.counts_after_a_date_piece),
    (+1.5, F.is_in_a_run_of_fragments),
    (-3.0, F.is_a_table_cell),
)

EVIDENCE: tuple[Evidence, ...] = (
    # state              weight  fact
    *(Evidence(s, w, fact) for s in ("RESIDUE", "HEADER_RESIDUE", "TEXT_RESIDUE", "TRAILER")
      for w, fact in _RESIDUE),
    Evidence("TEXT_RESIDUE",   -4.0, F.is_posting_time),  # inside the text, a time is the text's
    *(Evidence(s, w, fact) for s in ("RESIDUE", "TRAILER") for w, fact in _PAGE_EDGE),
    Evidence("RESIDUE",        +1.5, F.names_a_medium),
    Evidence("RESIDUE",        +1.0, F.is_fragment),
    Evidence("RESIDUE",        +3.0, F.is_repeated_below),
    Evidence("RESIDUE",        +4.0, F.is_repeated_under_a_header),
    Evidence("RESIDUE",        +3.0, F.is_named_in_a_breadcrumb),
    Evidence("RESIDUE",        +3.0, F.opens_like_the_line_below),
    Evidence("RESIDUE",        +3.0, F.contains_a_title_below),
    Evidence("HEADER_RESIDUE", +3.0, F.contains_a_title_below),
    Evidence("HEADER_RESIDUE", +3.0, F.repeats_a_title_above),
    Evidence("HEADER_RESIDUE", +1.5, F.names_a_medium),
    Evidence("HEADER_RESIDUE", +1.0, F.is_fragment),
    Evidence("HEADER_RESIDUE", +2.5, F.is_lead_in),
    Evidence("HEADER_RESIDUE", +3.0, F.precedes_the_salutation),
    Evidence("TRAILER",        +3.0, F.repeats_the_opening),
    Evidence("TRAILER",        +1.5, F.names_a_medium),
    Evidence("TRAILER",        +1.5, F.title_like),  # a related article's headline
    Evidence("TRAILER",        +3.0, F.follows_the_article_end),

    Evidence("ISSUER",         +4.0, F.is_issuer_mark),
    Evidence("ISSUER",         +4.0, F.is_decree_issuer),
    Evidence("ISSUER",         -1.0, F.is_organization),  # without a gap, the title's first words
    Evidence("ISSUER",         +2.0, F.is_set_apart_below),
    Evidence("ISSUER",         +3.0, F.stands_above_a_document_number),
    Evidence("DOCNUMBER",      +4.0, F.is_document_number),
    Evidence("DOCNUMBER",      +3.0, F.is_decree_number),

    Evidence("TITLE",          +1.0, F.title_like),
    *(Evidence(s, -4.0, F.states_a_particular) for s in (
        "TITLE", "TITLE_MORE", "SUBTITLE", "SUBTITLE_MORE", "BYLINE", "SIGNATURE", "ISSUER")),
    Evidence("TITLE",          +1.0, F.heads_a_title),
    Evidence("TITLE",          +1.0, F.opens_the_page),
    Evidence("TITLE",          +3.0, F.is_listed_in_contents),
    Evidence("TITLE",          +2.0, F.names_document_kind),
    Evidence("TITLE",          +1.5, F.opens_with_about),
    Evidence("TITLE",          +1.5, F.forwards_a_document),
    Evidence("TITLE",          +1.0, F.names_an_occasion),
    Evidence("TITLE",          -1.0, F.is_organization),
    Evidence("TITLE",          +2.0, F.is_continued_by_about),
    Evidence("TITLE",          +1.0, F.is_completed_below),
    Evidence("TITLE",          -3.0, F.is_a_caption),
    Evidence("TITLE",          -3.0, F.follows_a_broken_line),
    Evidence("TITLE",          -3.0, F.opens_like_a_sentence),
    Evidence("TITLE",          +1.5, F.stands_after_a_paragraph),
    Evidence("TITLE",          -3.0, F.is_imprint_line),
    Evidence("TITLE",          -3.0, F.is_a_dateline),
    Evidence("TITLE",          -1.5, F.holds_a_comma),
    Evidence("TITLE_MORE",     -1.5, F.holds_a_comma),
    Evidence("TITLE",          -1.0, F.is_very_short),
    Evidence("TITLE",          -2.0, F.names_a_speaker),
    Evidence("TITLE",          -1.0, F.is_a_name),
    Evidence("TITLE",          -1.5, F.names_a_medium),
    Evidence("TITLE_MORE",     +0.5, F.title_like),
    Evidence("TITLE_MORE",     +1.5, F.completes_the_line_above),
    Evidence("TITLE_MORE",     +1.0, F.continues_the_line_above),
    Evidence("TITLE_MORE",     -2.0, F.is_set_apart_above),
    Evidence("TITLE_MORE",     -2.0, F.follows_a_complete_title),
    Evidence("TITLE_MORE",     -4.0, F.repeats_the_line_above),
    Evidence("TITLE_MORE",     -4.0, F.opens_like_the_line_above),
    Evidence("TITLE_MORE",     +2.0, F.is_draft_mark),
    Evidence("TITLE_MORE",     -2.0, F.names_a_speaker),

    Evidence("SUBTITLE",       +4.0, F.opens_with_a_dash),
    Evidence("SUBTITLE",       +2.5, F.names_an_occasion),
    Evidence("SUBTITLE",       -2.0, F.names_a_kind_undashed),
    Evidence("SUBTITLE",       +1.0, F.is_bracketed_note),
    Evidence("SUBTITLE",       -2.0, F.names_a_person),
    Evidence("SUBTITLE",       -0.5, F.title_like),
    Evidence("SUBTITLE_MORE",  +1.0, F.title_like),
    Evidence("SUBTITLE_MORE",  -2.0, F.names_a_person),
    Evidence("BYLINE",         +3.0, F.is_dated_byline),
    Evidence("BYLINE",         +2.5, F.is_broken_byline),
    Evidence("BYLINE",         +2.5, F.names_a_speaker),
    Evidence("BYLINE",         +1.0, F.is_a_name),
    Evidence("BYLINE",         +2.0, F.is_date),
    Evidence("BYLINE",         +0.5, F.is_bracketed_note),
    Evidence("BYLINE",         +1.0, F.notes_the_provenance),
    Evidence("BYLINE",         +3.0, F.names_the_speaker_role),
    Evidence("ADDRESSEE",      -3.0, F.names_the_speaker_role),
    Evidence("ADDRESSEE",      +3.0, F.opens_a_long_address),

    Evidence("ADDRESSEE",      +1.0, F.ends_with_colon),
    Evidence("ADDRESSEE",      +2.0, F.addresses_all_of_a_kind),
    Evidence("ADDRESSEE",      -3.5, F.announces_what_follows),
    Evidence("SALUTATION",     +2.5, F.is_salutation),
    Evidence("SALUTATION",     +1.5, F.opens_an_address),
    Evidence("SALUTATION",     -2.0, F.is_under_a_notice_title),
    Evidence("ADDRESSEE",      +1.0, F.is_under_a_notice_title),

    Evidence("CLOSING",        +4.0, F.is_closing_formula),
    Evidence("CLOSING",        +0.5, F.is_courtesy),
    Evidence("CLOSING",        +2.0, F.ends_a_speech),
    Evidence("ATTACHMENT",     +4.0, F.is_attachment_note),
    Evidence("ATTACHMENT",     +3.0, F.is_attachment_item),
    Evidence("SIGNATURE",      +1.0, F.could_sign),
    Evidence("SIGNATURE",      +1.5, F.is_organization),
    Evidence("SIGNATURE",      +1.0, F.names_a_speaker),
    Evidence("SIGNATURE",      +1.0, F.is_set_to_the_right),
    Evidence("SIGNATURE",      -2.0, F.names_document_kind),
    Evidence("SIGNATURE",      -2.0, F.lists_a_name_and_a_post),
    Evidence("SIGNATURE",      -3.0, F.is_imprint_line),
    Evidence("SIGNATURE",      -3.0, F.is_a_table_cell),
    Evidence("SIGNATURE",      -1.0, F.opens_with_about),
    Evidence("DATE",           +4.0, F.is_date),
    Evidence("NOTE",           +2.5, F.is_bracketed_note),
    Evidence("HEADER_NOTE",    +2.0, F.is_header_particular),
    Evidence("BYLINE",         +3.5, F.is_a_piece_of_a_byline),
    Evidence("TITLE",          +3.0, F.is_a_piece_of_a_title),
    Evidence("TITLE",          +5.0, F.is_a_piece_label),  # a title even after a title
    Evidence("TITLE",          +2.0, F.heads_a_collection),
    Evidence("TITLE_MORE",     +3.5, F.is_a_piece_of_a_title),
)  # fmt: skip

_BY_STATE: dict[str, tuple[tuple[float, Fact], ...]] = {
    name: tuple((e.weight, e.fact) for e in EVIDENCE if e.state == name) for name in GATES
}


# Each state with its gate and its evidence, in the order of State.
_TABLE = tuple((state, GATES[state.name], _BY_STATE[state.name]) for state in State)


def candidates(
    f: LineFacts, page: Page, overrides: Mapping[int, Role] | None = None
) -> dict[State, float]:
    """The states ``f`` may be in, each with the sum of its evidence."""
    wanted = overrides.get(f.number) if overrides else None
    if wanted is not None:  # the user's word: only the states that give this role
        states = [s for s, role in ROLE_OF.items() if role is wanted]
        if wanted is f.role:  # a role of the text's own (recognize set it on the line)
            states.append(State.TEXT)
        return dict.fromkeys(states, 0.0)
    if not _may_be_frame(f, page):
        return _TEXT_ONLY_OPTIONS
    plan = page.plans.get((f.core, f.role, f.plain, f.indent))
    if plan is None:
        plan = page.plans[(f.core, f.role, f.plain, f.indent)] = _plan(f, page)
    seen: dict[Fact, bool] = {}  # contextual facts, decided once for this line
    out = {}
    for state, gate, total, rows in plan:
        if gate is not None:
            opened = seen.get(gate)
            if opened is None:
                opened = seen[gate] = gate(f, page)
            if not opened:
                continue
        for weight, fact in rows:
            value = seen.get(fact)
            if value is None:
                value = seen[fact] = fact(f, page)
            if value:
                total += weight
        out[state] = total
    return out


Plan = list[tuple["State", Fact | None, float, tuple[tuple[float, Fact], ...]]]


def _plan(f: LineFacts, page: Page) -> Plan:
    """What the facts about the line's text alone say: for each state that may apply, the
    weight they add up to, and the contextual gate and facts left to decide line by line.
    Lines that read the same share one plan."""
    plan = []
    for state, gate, rows in _TABLE:
        if gate.text is not None and gate.text(f, page):
            check = None  # a candidate by its text: whatever its context
        elif gate.context is not None:
            check = gate.context
        else:
            continue
        own = sum(weight for weight, fact in rows if fact not in CONTEXTUAL and fact(f, page))
        left = tuple((weight, fact) for weight, fact in rows if fact in CONTEXTUAL)
        plan.append((state, check, own, left))
    return plan


def _may_be_frame(f: LineFacts, page: Page) -> bool:
    """False for a paragraph of text no frame evidence could claim: most lines, so checked
    by the cheapest signs first."""
    if f.role in _TEXT_ONLY:
        return f.index in page.attachment_items
    if f.index in page.table_cells:  # a table's cells are its text, however short or name-like
        return False
    if f.plain or f.role is not Role.BODY:
        return True
    i, core = f.index, f.core
    if i in page.repeats or i in page.after_end or i in page.before_salutation:
        return True
    if core[0] in "（(" or (not f.has_cjk and len(core) <= FRAGMENT_MAX):
        return True  # a bracketed note or byline, however long; a stray number or word
    if len(core) > P.RESIDUE_LINE_MAX:
        return False
    if i < ECHO_WINDOW or core[-1] in "：:！!，,":
        return True
    facts = page.facts
    if (i and facts[i - 1].role is Role.NOISE) or (
        i + 1 < len(facts) and facts[i + 1].role is Role.NOISE
    ):
        return True  # next to residue: a related article, a metadata value
    return bool(
        P.CLOSING_BEFORE_SIGNATURE.match(core)
        or P.SIGNING_POST.match(core)
        or P.CLOSING_SENTENCE.search(core)
        or P.RESIDUE_PHRASE.search(core)
        or P.POSTED_AT.match(core)
    )


_TEXT_ONLY_OPTIONS = {State.TEXT: 0.0}  # what most lines may be: text, at no cost
_TEXT_ONLY = TEXT_ROLES - {Role.BODY}  # a numbered line is text, whatever stands around it
