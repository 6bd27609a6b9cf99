"""Roles that depend on a line's neighbours: the header, the end matter, and document styles.

Each pass is a small function over the whole document, run in a fixed order by
``recognize``. A pass only revises roles the line-level examination left open.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from outline2docx.read.lines import SourceLine
from outline2docx.recognize import patterns as P
from outline2docx.recognize.line import LineFacts, examine
from outline2docx.tree.nodes import HEADING_ROLES, Role

Pass = Callable[[list[LineFacts]], None]


def recognize(lines: Sequence[SourceLine]) -> list[LineFacts]:
    """Give every non-empty line its role, first on its own and then in context."""
    facts = [examine(line) for line in lines]
    for document_pass in PASSES:
        document_pass(facts)
    return facts


def resolve_decimal_outline(facts: list[LineFacts]) -> None:
    """Keep decimal outline headings only in documents that number with 1.1 / 1.1.1."""
    decimal = [f for f in facts if f.decimal_depth]
    if sum(f.decimal_depth > 1 for f in decimal) >= 2:
        return
    for f in decimal:  # "1 总则" without any "1.1": a stray number, not an outline
        f.role, f.lead, f.numbering, f.rank, f.decimal_depth = Role.BODY, "", None, 0, 0


def resolve_regulation_items(facts: list[LineFacts]) -> None:
    """In a regulation with chapters but no 第X条, the 一、 provisions are its articles."""
    roles = {f.role for f in facts}
    if Role.CHAPTER not in roles or Role.ARTICLE in roles:
        return
    in_chapter = False
    for f in facts:
        in_chapter = in_chapter or f.role is Role.CHAPTER
        if in_chapter and f.numbering and f.numbering.kind == "cn":
            f.role, f.rank = Role.ARTICLE, P.RANKS[Role.ARTICLE]
            f.lead = f.numbering.label


def resolve_group_headings(facts: list[LineFacts]) -> None:
    """Unnumbered short lines each followed by a list starting at 1 are level-1 headings."""
    groups = [
        f
        for f, after in itertools.pairwise(facts)
        if f.plain
        and len(f.core) <= P.GROUP_HEADING_MAX
        and after.numbering is not None
        and after.numbering.kind == "arabic"
        and after.numbering.value == 1
    ]
    if len(groups) >= 2:  # one such line could be a title; a pattern of them is structure
        for f in groups:
            f.role, f.rank, f.plain = Role.H1, P.RANKS[Role.H1], False


def resolve_header_zones(facts: list[LineFacts]) -> None:
    """Title, subtitle, byline, document number, addressee and salutation at each start.

    A document starts at the top, after a bare "附件" line (the attachment's own title
    follows), and after a date of issue (an 印发 notice followed by the document it issues).
    """
    _read_header(facts, 0)
    for i, f in enumerate(facts):
        if f.role is Role.DATE or (f.role is Role.ATTACHMENT and _is_bare_attachment(f.core)):
            _read_header(facts, i + 1)


def _is_bare_attachment(core: str) -> bool:
    return bool(P.ATTACHMENT.match(core)) and "：" not in core and ":" not in core


def _read_header(facts: list[LineFacts], start: int) -> None:
    seen: set[Role] = set()
    titles: list[list[LineFacts]] = [[]]  # title lines, in groups parted by noise
    for i in range(start, len(facts)):
        f = facts[i]
        if not seen and _is_bracketed_note(f.core):
            continue  # "（此件公开发布）" between a date of issue and the next title
        role = _header_role(f, seen, facts[i + 1] if i + 1 < len(facts) else None)
        if role is None:
            break
        if role is Role.NOISE and titles[-1]:
            titles.append([])
        if role is Role.TITLE:
            titles[-1].append(f)
        if role is not Role.NOISE:
            f.role = role
            seen.add(role)
        if role in (Role.SALUTATION, Role.ADDRESSEE):
            break
    _drop_echoed_headlines([group for group in titles if group])


def _drop_echoed_headlines(titles: list[list[LineFacts]]) -> None:
    """A web page's headline above the document's own title, saying nothing the title does
    not ("市委全会闭幕时讲话" over "市委在全会闭幕时的讲话"), is page residue."""
    if len(titles) < 2:
        return
    title = "".join("".join(f.core.split()) for f in titles[-1])
    for group in titles[:-1]:
        headline = "".join("".join(f.core.split()) for f in group)
        if _is_subsequence(headline, title):
            for f in group:
                f.role = Role.NOISE


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(char in rest for char in short)


def _is_bracketed_note(core: str) -> bool:
    return core[:1] in "（(" and core[-1:] in "）)" and not P.PAREN_BYLINE.match(core)


def _header_role(f: LineFacts, seen: set[Role], after: LineFacts | None) -> Role | None:
    """The role of ``f`` inside a header, or None where the header has ended."""
    core = f.core
    if f.role is Role.NOISE:
        return Role.NOISE
    if f.role is Role.DOCNUMBER:
        return Role.DOCNUMBER
    if not seen and (P.ISSUER.match(core) or _is_joint_issuers(core)):
        return Role.ISSUER
    if f.role is Role.BODY and P.SALUTATION.match(core) and len(core) <= 30:
        return Role.SALUTATION
    if f.role is Role.DATE:
        return Role.BYLINE if Role.TITLE in seen else None
    if Role.TITLE in seen or Role.DOCNUMBER in seen:
        if f.role is Role.BODY and P.ADDRESSEE_END.search(core) and _is_address(core):
            return Role.ADDRESSEE
        if f.role is Role.BODY and P.DRAFT_MARK.match(core) and Role.TITLE in seen:
            return Role.TITLE
        if f.role is Role.BODY and (_is_byline(core) or _is_bracketed_note(core)):
            return Role.BYLINE
        if f.role is Role.BODY and P.SUBTITLE.match(core) and Role.BYLINE not in seen:
            return Role.SUBTITLE
        if Role.SUBTITLE in seen and f.plain and Role.BYLINE not in seen:
            return Role.SUBTITLE  # a subtitle the source broke over two lines
    if not f.plain or seen - {Role.TITLE, Role.ISSUER, Role.DOCNUMBER}:
        return None
    if not seen and after is not None and after.role is Role.DOCNUMBER and _is_org(core):
        return Role.ISSUER  # an organization's name above its document number
    return Role.TITLE


def _is_address(core: str) -> bool:
    # One colon, at the end: "班级：    联系人：" is a form to fill in, not an addressee.
    colons = core.count("：") + core.count(":")
    return len(core) <= P.ADDRESSEE_MAX and "。" not in core and colons == 1


def _is_byline(core: str) -> bool:
    return bool(
        P.PAREN_BYLINE.match(core)
        or P.SPEAKER.match(core)
        or (P.DATE_LEAD.match(core) and P.ADOPTION.search(core))
        or (P.PERSON_NAME.match(core) and not P.DOCUMENT_KIND.search(core))
    )


def _is_org(core: str) -> bool:
    return bool(P.ORGANIZATION.search(core)) and "关于" not in core


def _is_joint_issuers(core: str) -> bool:
    """Two or more organizations' names side by side: the mark of a jointly issued document
    ("中共某县委办公室  某县人民政府办公室"), which a title line never is."""
    names = core.split()
    return len(names) >= 2 and all(_is_org(name) for name in names)


def resolve_end_matter(facts: list[LineFacts]) -> None:
    """A date standing alone after the text is the date of issue; the line above signs it."""
    body_started = False
    for i, f in enumerate(facts):
        if f.role is Role.DATE and not body_started:
            f.role = Role.BODY  # a date above all text, not claimed as a byline
        body_started = body_started or f.role in _TEXT_ROLES
        if f.role is not Role.DATE:
            continue
        above = _previous_content(facts, i)
        for j in above[:2]:
            g = facts[j]
            if g.plain and len(g.core) <= P.SIGNATURE_MAX and (j == above[0] or _is_org(g.core)):
                g.role = Role.SIGNATURE
            else:
                break
        last_text = _last_text_line(facts, i)
        if last_text is not None and _is_courtesy(last_text):
            last_text.role = Role.CLOSING


_TEXT_ROLES = frozenset({Role.BODY, Role.RUNIN, Role.CLOSING}) | HEADING_ROLES


def _previous_content(facts: list[LineFacts], i: int) -> list[int]:
    """Indexes of the non-noise lines above ``i``, nearest first (at most three)."""
    found = []
    for j in range(i - 1, -1, -1):
        if facts[j].role is not Role.NOISE:
            found.append(j)
            if len(found) == 3:
                break
    return found


def _last_text_line(facts: list[LineFacts], i: int) -> LineFacts | None:
    """The last line of text above the signature of the date at ``i``: attachment notes,
    which stand between the text and the signature, and noise are passed over."""
    for j in range(i - 1, -1, -1):  # nearest first, and no copy of the list per date
        if facts[j].role not in (Role.SIGNATURE, Role.ATTACHMENT, Role.NOISE):
            return facts[j]
    return None


def _is_courtesy(f: LineFacts) -> bool:
    return f.role is Role.BODY and bool(P.CLOSING_BEFORE_SIGNATURE.match(f.core))


def resolve_attachment_items(facts: list[LineFacts]) -> None:
    """Numbered items right under "附件：1. …" continue the attachment note."""
    in_note = False
    for f in facts:
        if f.role is Role.ATTACHMENT:
            in_note = "：" in f.core or ":" in f.core
        elif in_note and f.numbering is not None and f.numbering.kind in ("arabic", "decimal"):
            f.role, f.lead, f.numbering, f.rank = Role.ATTACHMENT, "", None, 0
        elif f.role is not Role.NOISE:
            in_note = False


def resolve_table_of_contents(facts: list[LineFacts]) -> None:
    """Entries under a "目录" line are body text until the first of them comes again."""
    for i, f in enumerate(facts):
        if "".join(f.core.split()) not in P.CONTENTS_TITLES:
            continue
        entries = facts[i + 1 : i + 1 + P.CONTENTS_MAX]
        first = "".join(entries[0].core.split()) if entries else ""
        for n, entry in enumerate(entries[1:], start=1):
            if "".join(entry.core.split()) == first:  # the text itself begins here
                for g in (f, *entries[:n]):
                    g.role, g.lead, g.numbering, g.rank, g.plain = Role.BODY, "", None, 0, False
                break
        return


PASSES: tuple[Pass, ...] = (
    resolve_table_of_contents,
    resolve_decimal_outline,
    resolve_regulation_items,
    resolve_group_headings,
    resolve_header_zones,
    resolve_attachment_items,  # before the end matter, which looks past attachment notes
    resolve_end_matter,
)
