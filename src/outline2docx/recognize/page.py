"""What facts about a line may ask of the whole text: its neighbours, spacing and repeats.

A Page is made once per text; the sets it holds (lines a title repeats below, lines after an
article's end, lines above a salutation …) keep every fact about a line cheap to decide.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from outline2docx.recognize import patterns as P
from outline2docx.tree.nodes import Role

if TYPE_CHECKING:
    from outline2docx.recognize.line import LineFacts

_SPACES = re.compile(r"\s+")
ECHO_WINDOW = 12  # lines below a headline in which the title it repeats may stand
TRAILER_REACH = 40  # lines at the end of a text where a page's trailer may stand
OPENING = 20  # lines at the top whose repetition after the text marks a teaser or headline
PREFIX = 16  # characters that make a line's opening recognizable when repeated
FRAGMENT_MAX = 8  # a breadcrumb part or a site's name is this short
SHARED_OPENING = 8  # characters two lines share when one restates the other
LEAD_REACH = 6  # lines a news lead may stand above the salutation
NOTICE_REACH = 8  # lines under a notice's title where its addressee may stand


def _median(values: list[int]) -> float:
    """statistics.median, without the ~2 ms its import (fractions, decimal) adds to start-up."""
    ordered, middle = sorted(values), len(values) // 2
    if len(values) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


class Page:
    """What evidence needs to know of the whole text: neighbours, spacing and repeats."""

    def __init__(self, facts: list[LineFacts]) -> None:
        self.facts = facts
        gaps = [f.gap for f in facts[1:]]
        self.usual_gap = _median(gaps) if gaps else 0
        self._compact: dict[int, str] = {}
        self.titles = {f.index for f in facts if f.plain and _is_a_title(self.compact(f))}
        self.after_end = _lines_after_article_ends(facts)
        self.before_salutation = _lines_before_salutations(facts)
        self.repeats = _repeated_lines(facts)
        self.echoed = _headlines_repeated_below(self)
        self.attachment_items = _items_under_attachment_notes(facts)
        self.table_cells = _flattened_table_cells(facts)
        self.shattered = _shattered_header(facts)
        self.key_row_values = _under_rows_of_keys(facts)
        self.piece_labels = {f.index for f in facts if is_piece_label(f.core)}
        # Breadcrumb lines and the steps they name: a site's menu repeats them.
        self.breadcrumbs = {
            f.index: _steps(f.core) for f in facts if P.BREADCRUMB_START.match(f.core)
        }
        self.under_notices = _lines_under_notice_titles(self)
        # What the facts about its text alone say of each distinct line (evidence.Plan).
        self.plans: dict[tuple, list] = {}

    def compact(self, f: LineFacts) -> str:
        """``f``'s text without whitespace, computed once."""
        flat = self._compact.get(f.index)
        if flat is None:
            flat = self._compact[f.index] = compact(f.core)
        return flat

    def above(self, f: LineFacts) -> LineFacts | None:
        """The non-empty line above ``f``."""
        return self.facts[f.index - 1] if f.index > 0 else None

    def below(self, f: LineFacts) -> LineFacts | None:
        """The non-empty line below ``f``."""
        return self.facts[f.index + 1] if f.index + 1 < len(self.facts) else None


def compact(text: str) -> str:
    """The text without any whitespace: "国 务 院 工 作 规 则" reads as a title."""
    return _SPACES.sub("", text)


def _repeated_lines(facts: list[LineFacts]) -> set[int]:
    """Lines near the end that repeat the opening of one of the document's first lines: a
    headline or a teaser of the page shown again after the text ("各位代表：现在，我代表…")."""
    opening = {f.core[:PREFIX] for f in facts[:OPENING] if len(f.core) >= 6}
    found = set()
    for f in facts[max(OPENING, len(facts) - TRAILER_REACH) :]:
        core = f.core
        if len(core) < 6:
            continue
        end = _first_stop(core)
        if core[:PREFIX] in opening or (0 < end < len(core) - 6 and core[end:][:PREFIX] in opening):
            found.add(f.index)
    return found


def _first_stop(text: str) -> int:
    for at, ch in enumerate(text[:12]):
        if ch in "：:！!，,。":
            return at + 1
    return -1


def _headlines_repeated_below(page: Page) -> set[int]:
    """Title-like lines that a title close below repeats, whole or condensed."""
    found = set()
    for f in page.facts:
        if not f.plain or len(f.core) < 3:
            continue
        headline = page.compact(f)
        for j in range(f.index + 1, min(f.index + 1 + ECHO_WINDOW, len(page.facts))):
            title = page.compact(page.facts[j]) if j in page.titles else ""
            # A copy word for word is left to the frame: the first copy of a repeated headline
            # is the title unless a header stands under a later one (corpus convention 17).
            if title and title != headline and same_title(headline, title):
                found.add(f.index)
                break
    return found


def _lines_after_article_ends(facts: list[LineFacts]) -> set[int]:
    """Lines closely after an editor's line, 分享到 or 免责声明, up to a heading or a long
    paragraph, which say the text goes on: the page's trailer."""
    found: set[int] = set()
    text_seen = False  # a share button above all text is the page's header, not its end
    for f in facts:
        text_seen = text_seen or (f.role is Role.BODY and not f.plain)
        if not text_seen or not (_ends_the_article(f) or _opens_a_related_list(f)):
            continue
        for g in facts[f.index + 1 : f.index + 1 + P.ARTICLE_END_REACH]:
            if g.role.is_heading or len(g.core) > P.TEASER_MAX:
                break
            found.add(g.index)
    return found


def _ends_the_article(f: LineFacts) -> bool:
    return f.role is Role.NOISE and P.ARTICLE_END.search(f.core) is not None


def _opens_a_related_list(f: LineFacts) -> bool:
    """ "《…》相关文档:", "最新文章:": a short line (checked first: this runs on every line)."""
    return len(f.core) <= P.RELATED_LIST_MAX and P.RELATED_LIST.search(f.core) is not None


def _lines_before_salutations(facts: list[LineFacts]) -> set[int]:
    """Lines of text shortly above an opening salutation ("…同志们："), none a heading."""
    found: set[int] = set()
    for f in facts:
        core = f.core
        if core[-1] not in "：:" or len(core) > P.SALUTATION_MAX or not P.SALUTATION.match(core):
            continue
        for g in reversed(facts[max(f.index - LEAD_REACH, 0) : f.index]):
            if g.role is not Role.BODY:
                break
            found.add(g.index)
    return found


def _is_a_title(flat: str) -> bool:
    """A title-like line naming a document or an occasion: not a signature's organization."""
    names = P.DOCUMENT_KIND.search(flat) or P.OCCASION.search(flat)
    return len(flat) >= 6 and names is not None


def same_title(headline: str, title: str) -> bool:
    """True when ``headline`` says nothing ``title`` does not: all of its characters, in order."""
    if not set(headline) <= set(title):
        return False
    rest = iter(title)
    return all(char in rest for char in headline)


def _lines_under_notice_titles(page: Page) -> set[int]:
    """Lines shortly below the title of a notice, a letter or a decision: their "各位…："
    addresses the readers (an addressee), where a speech's greets its audience."""
    found: set[int] = set()
    for i in page.titles:
        if P.NOTICE_KIND.search(page.compact(page.facts[i])):
            found.update(range(i + 1, i + 1 + NOTICE_REACH))
    return found


def is_piece_label(text: str) -> bool:
    """A collection's label for one of its pieces: "…民主生活会发言稿范文一", "范文二:"."""
    return len(text) <= P.PIECE_LABEL_MAX and P.PIECE_LABEL.search(text) is not None


def _shattered_header(facts: list[LineFacts]) -> dict[int, str]:
    """Pieces of a title or byline that a PDF's extraction broke at every number ("在" / "2022"
    / "届毕业典礼上的讲话", "(" / "2022" / "年" / "6" …): each piece -> "title" or "byline",
    as the run of pieces reads when joined."""
    found: dict[int, str] = {}
    head = facts[: P.SHATTERED_REACH]
    i = 0
    while i < len(head):
        if not _is_piece(head[i]):
            i += 1
            continue
        end = i
        while end + 1 < len(head) and _is_piece(head[end + 1]):
            end += 1
        if end > i:  # two pieces or more
            found |= _read_pieces(head, i, end)
        i = end + 1
    return found


def _is_piece(f: LineFacts) -> bool:
    return f.role is Role.BODY and (len(f.core) <= 2 or P.NUMBER_PIECE.match(f.core) is not None)


def _read_pieces(facts: list[LineFacts], first: int, last: int) -> dict[int, str]:
    """What the pieces ``first``..``last`` make: a byline (a bracketed date, with a name and
    post before it), or a title with the line that completes them."""
    cores = [facts[k].core for k in range(first, last + 1)]
    for start in range(len(cores)):  # the longest bracketed date that ends the run
        if P.PAREN_BYLINE.match("".join(cores[start:])):
            return dict.fromkeys(range(first, last + 1), "byline")
    after = facts[last + 1] if last + 1 < len(facts) else None
    if after is not None and after.plain and not _is_piece(after):
        joined = "".join(cores) + after.core
        if P.OCCASION.search(joined) or P.DOCUMENT_KIND.search(joined):
            return dict.fromkeys(range(first, last + 2), "title")
    return {}


def _under_rows_of_keys(facts: list[LineFacts]) -> set[int]:
    """The short lines right under a row of metadata keys ("索引号 文号 发布机构 …"): its
    values, two a line."""
    found: set[int] = set()
    for f in facts:
        if f.role is not Role.NOISE or f.core.count(" ") < 2:
            continue
        keys = len(P.METADATA_WORDS.findall(f.core))
        if keys < 3:
            continue
        for g in facts[f.index + 1 : f.index + 1 + (keys + 1) // 2]:
            if len(g.core) > P.TITLE_MAX or "。" in g.core:
                break
            found.add(g.index)
    return found


def _steps(breadcrumb: str) -> set[str]:
    """The steps a breadcrumb names, without their spaces."""
    return {"".join(step.split()) for step in P.BREADCRUMB_STEP.split(breadcrumb)}


def _flattened_table_cells(facts: list[LineFacts]) -> set[int]:
    """Lines of a table copied one cell per line: from its "序号" head cell, the short cells
    of its head row and the rows below, up to residue, a heading or a paragraph of text."""
    found: set[int] = set()
    for f in facts:
        if len(f.core) > 3 or compact(f.core) not in P.TABLE_HEAD_CELLS or f.index in found:
            continue
        for g in facts[f.index : f.index + P.TABLE_REACH]:
            if g.role is Role.NOISE or g.role.is_heading or len(g.core) > P.TABLE_CELL_MAX:
                break
            found.add(g.index)
    return found


def _items_under_attachment_notes(facts: list[LineFacts]) -> set[int]:
    """Numbered lines right under "附件：1. …": the note's further items."""
    found, in_note = set(), False
    for f in facts:
        if f.role is Role.ATTACHMENT:
            in_note = "：" in f.core or ":" in f.core
        elif in_note and f.numbering is not None and f.numbering.kind in P.ITEM_KINDS:
            found.add(f.index)
        elif f.role is not Role.NOISE:
            in_note = False
    return found
