"""The document's frame as a scored choice: where it starts and ends, and what each part is.

A document is read as a path through the states below: page residue, the header (issuer,
document number, title, subtitle, byline, addressee, salutation), the text, the end matter
(closing, attachment notes, signature, date) and the page's trailer; a document may follow
another (an issued plan after its 印发 notice, an attachment after ``附件``). Each line scores
every state by the evidence in ``evidence.EVIDENCE``; each step between states costs what
``TRANSITIONS`` says. The best path over the whole document decides every line's role, so one
missed residue line above a title cannot cost the header below it, and the gap between a
line's best role and its runner-up is that line's margin: small margins are close calls.

Lines for which no evidence speaks of anything but text split the document into stretches
decoded one by one: the decoding costs time only where a frame can be.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from outline2docx.recognize.evidence import candidates
from outline2docx.recognize.line import LineFacts
from outline2docx.recognize.page import Page
from outline2docx.recognize.states import ROLE_OF, TEXT_ROLES, State
from outline2docx.tree.nodes import Role

S = State
# What a document may open with, at the top or after residue, and what that costs.
_OPENINGS = {
    S.ISSUER: 0,
    S.DOCNUMBER: 0,
    S.TITLE: 0,
    S.ADDRESSEE: -1,
    S.SALUTATION: -0.5,
    S.HEADER_NOTE: -0.5,  # 份号, 密级, 紧急程度 above the issuer mark
}
# Another document after the end of one: an issued plan, an attachment's own text.
_NEW_DOCUMENT = {S.ISSUER: 0, S.DOCNUMBER: 0, S.TITLE: 0}
_TEXT_ENDS = {S.CLOSING: 0, S.ATTACHMENT: 0, S.SIGNATURE: 0, S.DATE: -1, S.TRAILER: 0}
# A title inside the text opens an attached or forwarded part: it needs strong evidence.
_NEW_PART = {S.TITLE: -4}
_INTO_TEXT = {S.TEXT: 0, S.TEXT_RESIDUE: 0}
# A speech's opening address after some lines of preface (a site's outline, a host's note).
_LATE_ADDRESS = {S.SALUTATION: -3}
_AFTER_TITLE = {S.DOCNUMBER: 0, S.SUBTITLE: 0, S.BYLINE: 0, S.HEADER_RESIDUE: 0, S.HEADER_NOTE: 0}
_TO_TEXT = {S.ADDRESSEE: 0, S.SALUTATION: 0, S.TEXT: 0, None: -1}

# from state: {to state: cost}. A step not listed cannot be taken. None is the document's
# start (as a "from") and its end (as a "to").
TRANSITIONS: dict[State | None, dict[State | None, float]] = {
    None: {S.RESIDUE: -1, **_OPENINGS, S.TEXT: -1.5},
    S.RESIDUE: {S.RESIDUE: 0, **_OPENINGS, S.TEXT: -1.5, None: -2},
    S.ISSUER: {S.ISSUER: 0, S.DOCNUMBER: 0, S.TITLE: 0, S.HEADER_RESIDUE: -1, S.HEADER_NOTE: 0},
    S.DOCNUMBER: {
        S.TITLE: 0,
        S.HEADER_RESIDUE: 0,
        S.HEADER_NOTE: 0,
        S.BYLINE: -0.5,
        **_TO_TEXT,
        S.TEXT: -0.5,
    },
    # The header's particulars, above the issuer mark or between title and document number.
    S.HEADER_NOTE: {
        S.HEADER_NOTE: 0,
        S.ISSUER: 0,
        S.DOCNUMBER: 0,
        S.TITLE: 0,
        S.HEADER_RESIDUE: 0,
        **_TO_TEXT,
    },
    S.TITLE: {S.TITLE_MORE: 0, **_AFTER_TITLE, **_TO_TEXT},
    S.TITLE_MORE: {S.TITLE_MORE: -1, **_AFTER_TITLE, **_TO_TEXT},
    S.HEADER_RESIDUE: {
        S.HEADER_RESIDUE: 0,
        S.DOCNUMBER: 0,
        S.HEADER_NOTE: 0,
        S.SUBTITLE: -1,  # a subtitle stands right under its title, as a rule
        S.BYLINE: -1.5,  # and a byline under its title or subtitle
        **_TO_TEXT,
        S.TITLE: -4,  # a second title after residue: the first was mostly a page headline
    },
    S.SUBTITLE: {S.SUBTITLE_MORE: 0, S.BYLINE: 0, S.HEADER_RESIDUE: 0, **_TO_TEXT},
    S.SUBTITLE_MORE: {S.SUBTITLE_MORE: -0.5, S.BYLINE: 0, S.HEADER_RESIDUE: 0, **_TO_TEXT},
    S.BYLINE: {S.BYLINE: -0.5, S.SUBTITLE: -1, S.HEADER_RESIDUE: 0, **_TO_TEXT},
    S.ADDRESSEE: {S.ADDRESSEE: -1, S.SALUTATION: -1, **_INTO_TEXT, None: -1},
    S.SALUTATION: {S.SALUTATION: 0, **_INTO_TEXT, None: -1},  # a block of them, in speeches
    S.TEXT: {**_INTO_TEXT, **_TEXT_ENDS, **_NEW_PART, **_LATE_ADDRESS, None: 0},
    S.TEXT_RESIDUE: {**_INTO_TEXT, **_TEXT_ENDS, **_NEW_PART, **_LATE_ADDRESS, None: 0},
    # A courtesy line closes before a signature; at the very end it must say so itself.
    S.CLOSING: {S.TEXT: -1, S.TEXT_RESIDUE: 0, **_TEXT_ENDS, S.TITLE: -1, None: -0.5},
    S.ATTACHMENT: {S.ATTACHMENT: 0, **_INTO_TEXT, **_TEXT_ENDS, **_NEW_DOCUMENT, None: 0},
    S.SIGNATURE: {S.SIGNATURE: -0.5, S.DATE: 0, S.ATTACHMENT: -1, S.TRAILER: -1, None: -1},
    S.DATE: {
        S.NOTE: 0,
        S.ATTACHMENT: 0,
        S.TRAILER: 0,
        S.TEXT: -0.5,
        S.TEXT_RESIDUE: 0,
        **_NEW_DOCUMENT,
        None: 0,
    },
    S.NOTE: {S.TRAILER: 0, S.ATTACHMENT: 0, **_NEW_DOCUMENT, None: 0},
    S.TRAILER: {S.TRAILER: 0, None: 0},
}

NEVER = float("-inf")
INFINITE = float("inf")


def decode_frame(facts: list[LineFacts], overrides: Mapping[int, Role] | None = None) -> None:
    """Give every line its frame role (or its own role in the text), with its margin.

    A line the user gave a role (``overrides``) keeps it, and its neighbours are decided
    around it: a title overruled into a subtitle makes the line above it the title."""
    page = Page(facts)
    options = [candidates(f, page, overrides) for f in facts]
    for start, end in _stretches(options):
        _decode_stretch(facts, options, start, end)
    for f in facts:
        if overrides and f.number in overrides:
            f.margin, f.runner_up = INFINITE, None


def _stretches(options: Sequence[dict[State, float]]) -> Iterator[tuple[int, int]]:
    """Index ranges to decode on their own: cut where a line can only be text."""
    start = 0
    for i, scores in enumerate(options):
        if len(scores) == 1 and State.TEXT in scores:
            if start < i:
                yield start, i
            start = i + 1
    if start < len(options):
        yield start, len(options)


def _decode_stretch(
    facts: list[LineFacts], options: list[dict[State, float]], start: int, end: int
) -> None:
    first: State | None = State.TEXT if start > 0 else None
    last: State | None = State.TEXT if end < len(facts) else None
    steps = options[start:end]
    forward = _sweep(steps, first, TRANSITIONS)
    backward = _sweep(steps[::-1], last, _REVERSED)[::-1]
    for f, own, ahead, behind in zip(facts[start:end], steps, forward, backward, strict=True):
        # The best whole path through each state at this line, its own score counted once.
        _settle(f, {s: ahead[s] + behind[s] - own[s] for s in own})


def _sweep(
    steps: list[dict[State, float]],
    origin: State | None,
    moves: Mapping[State | None, Mapping[State | None, float]],
) -> list[dict[State, float]]:
    """For each step and state, the best score of a path from ``origin`` to it (Viterbi)."""
    out: list[dict[State, float]] = []
    previous: Mapping[State | None, float] = {origin: 0.0}
    for scores in steps:
        reachable = [(moves[p], total) for p, total in previous.items() if total > NEVER]
        current: dict[State, float] = {}
        for state, own in scores.items():
            best = NEVER
            for row, total in reachable:
                step = row.get(state)
                if step is not None and total + step > best:
                    best = total + step
            current[state] = best + own
        out.append(current)
        previous = current
    return out


# The same steps walked backwards, for the backward sweep.
_REVERSED: dict[State | None, dict[State | None, float]] = {s: {} for s in TRANSITIONS}
for _from, _tos in TRANSITIONS.items():
    for _to, _cost in _tos.items():
        _REVERSED.setdefault(_to, {})[_from] = _cost


def _settle(f: LineFacts, totals: dict[State, float]) -> None:
    """Take the best state's role; the margin is how far the best other role lies behind."""
    best: dict[Role, tuple[float, State]] = {}
    for state, total in totals.items():
        role = _role(f, state)
        if total > best.get(role, (NEVER, state))[0]:
            best[role] = (total, state)
    # Best first; on a tie the line keeps its own form (text), the reading that assumes least.
    ranked = sorted(
        best.items(), key=lambda item: (item[1][0], item[1][1] is State.TEXT), reverse=True
    )
    role, (top, state) = ranked[0]
    if top == NEVER:  # no path at all: the line keeps the role of its own form
        return
    if state is not State.TEXT:  # a frame part: its number, if any, is not a heading's
        f.drop_numbering()
    f.role = role
    if len(ranked) > 1 and ranked[1][1][0] > NEVER:
        margin = top - ranked[1][1][0]
        if state is not State.TEXT or margin < f.margin:  # or the doubt about its own form
            f.margin, f.runner_up = margin, ranked[1][0]


def _role(f: LineFacts, state: State) -> Role:
    own = ROLE_OF.get(state)
    if own is not None:
        return own
    return f.role if f.role in TEXT_ROLES else Role.BODY  # a date or closing inside the text
