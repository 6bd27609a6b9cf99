"""GB/T 9704's page rules, checked on measured pages: a table of numbers, and one function per
rule that turns what was measured into findings naming what to change."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from outline2docx.i18n import _
from outline2docx.tree.nodes import Document, Role
from outline2docx.verify.measure import POINTS_PER_MM, Line, Page, ink_rows

# The page as GB/T 9704 sets it, in points; and how far a measure may stray before it is told.
MM = POINTS_PER_MM
A4 = (210 * MM, 297 * MM)
TEXT_TOP, TEXT_LEFT, TEXT_WIDTH, TEXT_HEIGHT = 37 * MM, 28 * MM, 156 * MM, 225 * MM
TEXT_BOTTOM, TEXT_RIGHT = TEXT_TOP + TEXT_HEIGHT, TEXT_LEFT + TEXT_WIDTH
TEXT_CENTRE = TEXT_LEFT + TEXT_WIDTH / 2
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
PITCH = TEXT_HEIGHT / LINES_PER_PAGE
ISSUER_BELOW_TOP = 35 * MM  # the mark's top edge below the text block's top
NUMBER_BELOW_TEXT = 7 * MM  # the page number below the text block
NUMBER_SIZE = 14.0  # 四号: the page number's one-character indent
TOLERANCE = {
    "paper": 2.0,
    "issuer": 2 * MM,
    "centred": 8.0,
    "number": 1.5 * MM,
    "indent": 0.75 * NUMBER_SIZE,  # the page number's one character from the edge
    "imprint": 1.5 * MM,
}
HEAD_ROLES = {Role.ISSUER, Role.DOCNUMBER, Role.TITLE, Role.SUBTITLE, Role.BYLINE, Role.ADDRESSEE,
              Role.SALUTATION}  # fmt: skip
END_ROLES = {Role.SIGNATURE, Role.DATE}
WIDE = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…·]+$")
HANGING = "，。、；：！？”’）》」』"  # marks LibreOffice lets hang past the right edge
PAGE_NUMBER = re.compile(r"^—(\d+)—$")
# The imprint's lines: 抄送：…, and …2025年3月1日印发 (a body line may well end in 印发).
IMPRINT = re.compile(r"^抄送[：:]|\d{4}年\d{1,2}月\d{1,2}日印发$")


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rendered page breaks: the page (from 1), a code, and what to change."""

    page: int
    code: str
    message: str
    severity: str = "warning"


@dataclass(slots=True)
class Rendering:
    """What the checks read: the measured pages, the tree, the PDF and the fonts."""

    pages: list[Page]
    document: Document
    pdf: Path
    substituted: dict[str, str] = field(default_factory=dict)  # font asked -> font drawn

    def body_lines(self, page: Page) -> list[Line]:
        """The page's lines inside the text block (the footer's left out)."""
        return _split(page)[0]

    def footer_lines(self, page: Page) -> list[Line]:
        """The page's lines below the text block: page numbers, nothing else."""
        return _split(page)[1]

    def texts(self, roles: set[Role]) -> list[str]:
        """The texts (without spaces) of the tree's paragraphs of ``roles``."""
        return [_bare(p.text) for p in self.document.paragraphs() if p.role in roles and p.text]


def _split(page: Page) -> tuple[list[Line], list[Line]]:
    """The page's body lines and footer lines. A line below the text block's bottom is body
    text still when it goes on at the body's pitch and size (a text block taller than GB/T
    9704's); the rest down there is the footer."""
    body: list[Line] = []
    footer: list[Line] = []
    for line in page.lines:
        if line.y0 < TEXT_BOTTOM + 2 or (not footer and _goes_on(body, line)):
            body.append(line)
        else:
            footer.append(line)
    return body, footer


def _goes_on(body: list[Line], line: Line) -> bool:
    if len(body) < 2 or abs(line.height - body[-1].height) > 1:
        return False
    return abs((line.y0 - body[-1].y0) - (body[-1].y0 - body[-2].y0)) < 1


def _bare(text: str) -> str:
    return "".join(text.split())


Check = Callable[[Rendering], Iterator[Finding]]


def check_paper(r: Rendering) -> Iterator[Finding]:
    """A4, 210 × 297 mm."""
    for page in r.pages:
        if max(abs(page.width - A4[0]), abs(page.height - A4[1])) > TOLERANCE["paper"]:
            message = _("the paper is {width:.0f} × {height:.0f} mm: set A4 (210 × 297 mm)")
            size = message.format(width=page.width / MM, height=page.height / MM)
            yield Finding(page.number, "render-paper", size)
            return


def _is_full(r: Rendering, page: Page) -> bool:
    """A page the text runs on from: not the last one, and no room left for another line."""
    lines = r.body_lines(page)
    return page.number < len(r.pages) and bool(lines) and lines[-1].y1 > TEXT_BOTTOM - PITCH


def check_lines(r: Rendering) -> Iterator[Finding]:
    """22 lines a page: by the pitch of the lines, and counted on every full page."""
    pitch = _line_pitch(r)
    if pitch is None:
        return
    if round(TEXT_HEIGHT / pitch) != LINES_PER_PAGE:
        message = _(
            "lines are {pitch:.1f} pt apart: {count} would fill a page, GB/T 9704 sets 22; set "
            "the body's line spacing to exactly 28.95 pt (579 twips) in a 225 mm text block"
        )
        page, count = pitch_page(r, pitch), round(TEXT_HEIGHT / pitch)
        yield Finding(page, "render-lines", message.format(pitch=pitch, count=count))
        return
    # Page 1 (header, title) and pages with a title or table among the body are not counted;
    # an empty line of the grid counts as a line.
    for page in r.pages[1:]:
        lines = r.body_lines(page)
        if not _is_full(r, page) or len({round(line.height) for line in lines}) > 1:
            continue
        slots = round((lines[-1].y0 - lines[0].y0) / pitch) + 1
        if slots != LINES_PER_PAGE:
            message = _(
                "{count} lines on a full page: GB/T 9704 sets 22; set the body's line spacing "
                "to exactly 28.95 pt (579 twips) in a 225 mm high text block"
            )
            yield Finding(page.number, "render-lines", message.format(count=slots))
            return


def _pitches(page_lines: list[Line]) -> Iterator[float]:
    """The distances between a line and the next of a paragraph (one line apart at most)."""
    for above, below in itertools.pairwise(page_lines):
        distance = below.y0 - above.y0
        if (
            abs(below.height - above.height) < 1
            and 0.8 * above.height < distance < 2 * above.height
        ):
            yield round(distance * 2) / 2


def _line_pitch(r: Rendering) -> float | None:
    """The most common distance between lines of a paragraph, in points."""
    # The body's lines: the height most lines have (the imprint's smaller lines stand closer).
    heights = [round(line.height) for page in r.pages for line in r.body_lines(page)]
    if not heights:
        return None
    usual = statistics.mode(heights)
    body = [
        [line for line in r.body_lines(page) if round(line.height) == usual] for page in r.pages
    ]
    pitches = [d for lines in body for d in _pitches(lines)]
    if not pitches:
        return None
    # Lines of one paragraph stand closest; paragraphs may add space between them.
    closest = min(pitches)
    return statistics.mode(d for d in pitches if d < 1.25 * closest)


def pitch_page(r: Rendering, pitch: float) -> int:
    """The first page whose lines stand ``pitch`` apart."""
    return next((p.number for p in r.pages if pitch in _pitches(r.body_lines(p))), 1)


def check_characters(r: Rendering) -> Iterator[Finding]:
    """28 characters on a full line: one that runs from the left edge to the right."""
    lines = [(p, line) for p in r.pages for line in r.body_lines(p)
             if WIDE.match(line.text) and len(line.text) >= 10]  # fmt: skip
    if not lines:
        return
    left = min(line.x0 for _p, line in lines)
    right = max((line.x1 for _p, line in lines if line.text[-1] not in HANGING), default=0)
    full = [(p, line, _characters(line, right)) for p, line in lines
            if line.x0 - left < 2 and right - line.x1 < line.height]  # fmt: skip
    if len(full) < 3:  # too few full lines to tell the text block's edges
        return
    usual = statistics.mode(count for _p, _line, count in full)
    if usual != CHARS_PER_LINE or any(count > CHARS_PER_LINE for _p, _l, count in full):
        page, count = next(((p, n) for p, _l, n in full if n > CHARS_PER_LINE), (full[0][0], usual))
        message = _(
            "{count} characters on a full line: GB/T 9704 sets 28; set the body in 三号 (16 pt) "
            "on a 156 mm wide text block, characters condensed to 28 a line"
        )
        yield Finding(page.number, "render-chars", message.format(count=count))


def _characters(line: Line, right: float) -> int:
    """The characters of a line inside the text block: a closing mark may hang past its edge."""
    hanging = line.text[-1] in HANGING and line.x1 > right + 2
    return len(line.text) - hanging


def _find(page: Page, text: str) -> Line | None:
    """The line of ``page`` that is ``text`` or its first line, else one that holds its start;
    of several, the largest (the title and the mark are set bigger than any copy in the body)."""
    starts = [line for line in page.lines if len(line.text) >= min(4, len(text))]
    first = [line for line in starts if text.startswith(line.text)]
    holding = [line for line in starts if line.text.startswith(text[:12])]
    return max(first or holding, key=lambda line: line.height, default=None)


def check_issuer(r: Rendering) -> Iterator[Finding]:
    """The issuer mark on page 1, centred, its top 35 mm below the text block's top."""
    marks = [_bare(r.document.meta.issuer)] if r.document.meta.issuer else []
    for text in marks + r.texts({Role.ISSUER}):
        line = _find(r.pages[0], text)
        if line is None:
            message = _("the issuer mark {text} is not on page 1: put it at the top of page 1")
            yield Finding(1, "render-issuer", message.format(text=text))
            return
        ink = ink_rows(r.pdf, 1, (line.x0, line.y0, line.x1, line.y1)) or (line.y0, line.y1)
        below = ink[0] - TEXT_TOP
        if abs(below - ISSUER_BELOW_TOP) > TOLERANCE["issuer"]:
            message = _(
                "the issuer mark's top stands {mm:.1f} mm from the text block's top: GB/T 9704 "
                "sets 35 mm below it; change the space before the mark"
            )
            yield Finding(1, "render-issuer", message.format(mm=below / MM))
        if abs(line.centre - TEXT_CENTRE) > TOLERANCE["centred"]:
            yield Finding(1, "render-issuer", _("the issuer mark is not centred: centre it"))
        return


def check_title(r: Rendering) -> Iterator[Finding]:
    """The title on page 1, centred; first on the page, or two lines below the red rule."""
    titles = r.texts({Role.TITLE})
    if not titles:
        return
    first = r.pages[0]
    line = _find(first, titles[0])
    if line is None:
        message = _("the title is not on page 1: nothing but the header may stand above it")
        yield Finding(1, "render-title", message)
        return
    if abs(line.centre - TEXT_CENTRE) > TOLERANCE["centred"]:
        yield Finding(1, "render-title", _("the title is not centred: centre it"))
    above = [other for other in first.lines if other.y1 <= line.y0]
    header = {*r.texts({Role.ISSUER, Role.DOCNUMBER}), _bare(r.document.meta.issuer),
              _bare(r.document.meta.number)} - {""}  # fmt: skip
    number = [other for other in above if any(other.text in h or h in other.text for h in header)]
    if number:
        gap = (line.y0 - number[-1].y1) / PITCH
        if not 1.5 <= gap <= 3.5:
            message = _(
                "the title stands {lines:.1f} lines below the document number: GB/T 9704 puts "
                "it two blank lines below the red rule"
            )
            yield Finding(1, "render-title", message.format(lines=gap))
    elif [other for other in above if other.y0 >= TEXT_TOP - 2 and other.text]:
        message = _("text stands above the title: the title comes first on page 1")
        yield Finding(1, "render-title", message)


def check_first_page(r: Rendering) -> Iterator[Finding]:
    """Page 1 shows body text (GB/T 9704 §7.3: 首页必须显示正文)."""
    body = [p for p in r.document.paragraphs() if p.role not in HEAD_ROLES and _bare(p.text)]
    if body and _bare(body[0].text)[:8] not in r.pages[0].text:
        message = _(
            "page 1 shows no body text: GB/T 9704 wants the body to begin on page 1; "
            "remove the page break or the space above it"
        )
        yield Finding(1, "render-first-page", message)


def _imprint_lines(r: Rendering) -> list[tuple[Page, Line]]:
    return [(p, line) for p in r.pages for line in p.lines if IMPRINT.search(line.text)]


def _blank_and_bare(r: Rendering) -> tuple[set[int], set[int]]:
    """Blank pages, and the pages GB/T 9704 §7.5 wants without a number: the imprint page
    after a blank page, and that blank page."""
    blank = {p.number for p in r.pages if not r.body_lines(p)}
    after_blank = {p.number for p, _line in _imprint_lines(r) if p.number - 1 in blank}
    return blank, after_blank | {n - 1 for n in after_blank}


def check_page_numbers(r: Rendering) -> Iterator[Finding]:
    """Every page with text numbered — N —, 7 mm below the text block, on the outer side."""
    blank, bare = _blank_and_bare(r)
    for page in r.pages:
        numbers = [line for line in r.footer_lines(page) if re.search(r"\d", line.text)]
        if page.number in bare and numbers:
            message = _(
                "a blank page before the imprint page, and the imprint page, carry no number: "
                "remove it"
            )
            yield Finding(page.number, "render-page-number", message)
        if page.number in blank | bare:
            continue
        if not numbers:
            message = _("no page number: put — {n} — in the footer (a PAGE field)")
            yield Finding(page.number, "render-page-number", message.format(n=page.number))
            continue
        line = numbers[-1]
        match = PAGE_NUMBER.match(line.text)
        if match is None or match[1] != str(page.number):
            message = _("the page number reads {text}: write — {n} — (em dashes, spaces)")
            yield Finding(page.number, "render-page-number",
                          message.format(text=line.text, n=page.number))  # fmt: skip
        yield from _number_place(r, page, line)


def _number_place(r: Rendering, page: Page, line: Line) -> Iterator[Finding]:
    ink = ink_rows(r.pdf, page.number, (line.x0, line.y0, line.x1, line.y1)) or (line.y0,)
    below = ink[0] - TEXT_BOTTOM
    if abs(below - NUMBER_BELOW_TEXT) > TOLERANCE["number"]:
        message = _(
            "the page number is {mm:.1f} mm below the text block: GB/T 9704 sets 7 mm; "
            "change the footer's distance from the page edge"
        )
        yield Finding(page.number, "render-page-number-place", message.format(mm=below / MM))
    # One character in from the outer edge: odd pages right, even pages left.
    if page.number % 2:
        indent = TEXT_RIGHT - line.x1
        wrong = _("odd pages carry the number on the right, one character in: align it right")
    else:
        indent = line.x0 - TEXT_LEFT
        wrong = _("even pages carry the number on the left, one character in: align it left")
    outer = abs(indent - NUMBER_SIZE) <= TOLERANCE["indent"]
    if not outer:
        yield Finding(page.number, "render-page-number-place", wrong)


def check_signature(r: Rendering) -> Iterator[Finding]:
    """The signature and date share their page with text above them."""
    ending = set(r.texts(END_ROLES))
    if not ending:
        return
    for page in r.pages:
        lines = [line for line in r.body_lines(page) if line.text]
        if lines and any(line.text in ending for line in lines):
            alone = all(line.text in ending or IMPRINT.search(line.text) for line in lines)
            if alone:
                message = _(
                    "the signature and date stand alone on this page: GB/T 9704 wants text "
                    "above them; keep the last paragraph with them or tighten the text"
                )
                yield Finding(page.number, "render-signature-alone", message)
            return


def check_imprint(r: Rendering) -> Iterator[Finding]:
    """The imprint on the last page, an even one, its last rule on the text block's bottom."""
    found = _imprint_lines(r)
    if not found:
        return
    page, last = found[-1]
    if page.number != len(r.pages):
        message = _("the imprint is not on the last page: nothing may follow it")
        yield Finding(page.number, "render-imprint", message)
    if page.number % 2:
        message = _(
            "the imprint is on an odd page: GB/T 9704 puts it on an even last page; "
            "add a blank page before it (neither page numbered)"
        )
        yield Finding(page.number, "render-imprint", message)
    yield from _late_imprint(r, page, found[0][1])
    # The ink under the last line: its rule, if it has one; the text's foot if not.
    box = (TEXT_LEFT, last.y0, TEXT_RIGHT, min(page.height, TEXT_BOTTOM + 4 * MM))
    ink = ink_rows(r.pdf, page.number, box) or (last.y0, last.y1)
    gap = TEXT_BOTTOM - ink[1]
    if abs(gap) > TOLERANCE["imprint"]:
        message = _(
            "the imprint ends {mm:.1f} mm above the text block's bottom: GB/T 9704 sets its "
            "last rule on the bottom edge; move it down"
        )
        if gap < 0:
            message = _(
                "the imprint runs {mm:.1f} mm below the text block's bottom: move it up to end "
                "on the bottom edge"
            )
        yield Finding(page.number, "render-imprint", message.format(mm=abs(gap) / MM))


def _late_imprint(r: Rendering, page: Page, first: Line) -> Iterator[Finding]:
    """The imprint pages after the text's last page, when that page is even and has room for
    it (a line's pitch to spare: what an imprint's first rule takes above its first line)."""
    before = [p for p in r.pages[: page.number - 1] if r.body_lines(p)]
    if not before or before[-1].number % 2:
        return
    text_end = max(line.y1 for line in r.body_lines(before[-1]))
    if TEXT_BOTTOM - text_end >= TEXT_BOTTOM - first.y0 + LATE_IMPRINT_SLACK:
        message = _(
            "the imprint fits under the text on page {n}, an even page: GB/T 9704 puts it "
            "there; remove the pages before it"
        )
        yield Finding(page.number, "render-imprint", message.format(n=before[-1].number))


LATE_IMPRINT_SLACK = 10 * MM


def check_fonts(r: Rendering) -> Iterator[Finding]:
    """Fonts the document names that LibreOffice drew in its fallback."""
    for asked, drawn in sorted(r.substituted.items()):
        message = _(
            "font {asked} is not installed and has no alias: LibreOffice drew it in {drawn}; "
            "install it or name an installed font in the style"
        )
        yield Finding(1, "render-font", message.format(asked=asked, drawn=drawn))


CHECKS: tuple[Check, ...] = (
    check_paper,
    check_lines,
    check_characters,
    check_issuer,
    check_title,
    check_first_page,
    check_page_numbers,
    check_signature,
    check_imprint,
    check_fonts,
)


def run_checks(rendering: Rendering) -> list[Finding]:
    """Every rule's findings, in page order."""
    found = [finding for check in CHECKS for finding in check(rendering)]
    return sorted(found, key=lambda f: f.page)
