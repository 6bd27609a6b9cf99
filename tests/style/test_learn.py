"""A style learned from a sample .docx reproduces the sample's page, fonts and sizes by role.

The learned style is applied to the seed speech, and the output's XML is read with a resolver
of its own (style chain over document defaults, a run's character style over its paragraph's),
so the assertions do not lean on the code under test.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from outline2docx.style import load_style
from tests.cli import run
from tests.conftest import SAMPLES, SEED, assert_valid_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SPEECH = SEED if SEED.is_file() else SAMPLES / "speech.txt"

# A unit's own style, far from every built-in one: other margins, grid, fonts and sizes.
CUSTOM_STYLE = """
extends = "speech"
description = "A county office's own"

[page]
top = "30mm"
bottom = "32mm"
left = "30mm"
right = "25mm"
lines = 24
chars = 26

[text]
east_asian = "仿宋"
latin = "Arial"
size = "小三"

[page_number]
format = "- {page} -"
size = "五号"

[paragraph_styles.Title]
east_asian = "黑体"
latin = "黑体"
size = "小二"
space_after = 2

[paragraph_styles.Normal]
first_line_indent = 1.5

[paragraph_styles."heading 1"]
east_asian = "楷体"
latin = "楷体"
size = "三号"
bold = true
align = "center"
first_line_indent = 0
space_before = 1

[character_styles."GW Lead"]
east_asian = "黑体"
bold = false
"""


# ---- reading the output, independently of outline2docx --------------------------------------


def _xml(docx: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(part))


def page_setup(docx: Path) -> dict[str, str]:
    """The final section's paper size and margins, as attributes of pgSz and pgMar."""
    sect = _xml(docx, "word/document.xml").find(f"{W}body/{W}sectPr")
    found = {}
    for tag in ("pgSz", "pgMar", "docGrid"):
        element = sect.find(f"{W}{tag}")
        found.update({f"{tag}.{k[len(W) :]}": v for k, v in element.attrib.items()})
    return found


def paragraph_looks(docx: Path) -> list[tuple[str, dict[str, str]]]:
    """Every paragraph's text and its jc, ind and spacing attributes as Word resolves them."""
    styles = _xml(docx, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    defaults = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    looks = []
    for p in _xml(docx, "word/document.xml").iter(f"{W}p"):
        layers, style = [p.find(f"{W}pPr")], p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else "Normal"
        while style_id in by_id:
            layers.insert(0, by_id[style_id].find(f"{W}pPr"))
            based = by_id[style_id].find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        look: dict[str, str] = {}
        for layer in [defaults, *layers]:
            for tag in ("jc", "ind", "spacing"):
                element = layer.find(f"{W}{tag}") if layer is not None else None
                if element is not None:
                    look.update({f"{tag}.{k[len(W) :]}": v for k, v in element.attrib.items()})
        looks.append(("".join(t.text or "" for t in p.iter(f"{W}t")), look))
    return looks


def run_looks(docx: Path) -> list[tuple[str, str, str, str, str, bool]]:
    """Every run's text and (East Asian font, Latin font, size, bold) as Word resolves them."""
    styles = _xml(docx, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def chain(style_id: str | None) -> list:
        found = []
        while style_id in by_id:
            found.insert(0, by_id[style_id].find(f"{W}rPr"))
            based = by_id[style_id].find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return found

    looks = []
    for p in _xml(docx, "word/document.xml").iter(f"{W}p"):
        p_style = p.find(f"{W}pPr/{W}pStyle")
        paragraph_layers = chain(p_style.get(f"{W}val") if p_style is not None else "Normal")
        for r in p.iter(f"{W}r"):
            rpr = r.find(f"{W}rPr")
            r_style = rpr.find(f"{W}rStyle") if rpr is not None else None
            run_layers = chain(r_style.get(f"{W}val")) if r_style is not None else []
            look = {"bold": False}
            for layer in [defaults, *paragraph_layers, *run_layers, rpr]:
                if layer is None:
                    continue
                fonts = layer.find(f"{W}rFonts")
                if fonts is not None:
                    for key in ("eastAsia", "ascii"):
                        if fonts.get(f"{W}{key}"):
                            look[key] = fonts.get(f"{W}{key}")
                if layer.find(f"{W}sz") is not None:
                    look["sz"] = layer.find(f"{W}sz").get(f"{W}val")
                if layer.find(f"{W}b") is not None:
                    look["bold"] = layer.find(f"{W}b").get(f"{W}val") not in ("0", "false")
            text = "".join(t.text or "" for t in r.iter(f"{W}t"))
            if text.strip():
                looks.append(
                    (text, look.get("eastAsia"), look.get("ascii"), look.get("sz"), look["bold"])
                )
    return looks


def look_of(looks: list, text: str) -> tuple:
    """The (East Asian, Latin, size, bold) of the first run that starts with ``text``."""
    return next(look[1:] for look in looks if look[0].startswith(text))


def convert(source: Path, style: Path | str, out: Path) -> Path:
    """``outline2docx convert source --style style -o out``, which must succeed."""
    done = run("convert", str(source), "--style", str(style), "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def learn(sample: Path, folder: Path, *extra: str) -> tuple[Path, str]:
    """``styles init learned --from-docx sample``: the style file and what stderr said."""
    target = folder / "learned.toml"
    done = run("styles", "init", str(target), "--from-docx", str(sample), *extra)
    assert done.returncode == 0, done.stderr
    return target, done.stderr


# ---- (1) a sample outline2docx wrote, in a style of the unit's own ---------------------------


@pytest.fixture(scope="module")
def own_sample(tmp_path_factory) -> tuple[Path, Path]:
    """The seed set in CUSTOM_STYLE: (the style file, the sample .docx)."""
    folder = tmp_path_factory.mktemp("own")
    style = folder / "county.toml"
    style.write_text(CUSTOM_STYLE, "utf-8")
    return style, convert(SPEECH, style, folder / "sample.docx")


def test_a_learned_style_reproduces_the_samples_page_fonts_and_sizes(own_sample, tmp_path):
    _style, sample = own_sample
    learned, _notes = learn(sample, tmp_path)
    again = convert(SPEECH, learned, tmp_path / "again.docx")
    assert_valid_docx(again)
    assert page_setup(again) == page_setup(sample)
    assert run_looks(again) == run_looks(sample)
    assert paragraph_looks(again) == paragraph_looks(sample)
    # and that is the custom style, not the default one both might have fallen back to
    default = convert(SPEECH, "gbt9704", tmp_path / "default.docx")
    assert page_setup(default) != page_setup(sample)
    assert page_setup(again)["pgMar.top"] == str(round(30 * 1440 / 25.4))
    looks = run_looks(again)
    assert look_of(looks, "县工会第八次代表大会讲话") == ("黑体", "黑体", "36", False)
    assert look_of(looks, "一、") == ("楷体", "楷体", "32", True)
    assert look_of(looks, "一是") == ("黑体", "Arial", "30", False)  # the lead
    assert look_of(looks, "今天") == ("仿宋", "Arial", "30", False)  # body text
    heading = next(look for text, look in paragraph_looks(again) if text.startswith("一、"))
    assert heading["jc.val"] == "center" and heading["ind.firstLineChars"] == "0"
    assert heading["spacing.beforeLines"] == "100"


def test_the_learned_file_overrides_only_what_differs(own_sample, tmp_path):
    _style, sample = own_sample
    learned, notes = learn(sample, tmp_path)
    text = learned.read_text("utf-8")
    assert 'extends = "' in text
    for value in ('top = "30mm"', "lines = 24", "chars = 26", 'size = "小二"', "- {page} -"):
        assert value in text
    assert "width" not in text  # A4, as every built-in style
    assert '[paragraph_styles."GW Signature"]' not in text  # not in the sample
    assert "not in the sample" in notes and "signature" in notes
    learned_style = load_style(learned)
    assert learned_style.page_number.format == "- {page} -"
    assert learned_style.page_number.size == 10.5
    assert learned_style.page.lines == 24 and learned_style.page.chars == 26


@pytest.mark.parametrize(
    ("text", "style"), [("speech.txt", "speech"), ("regulation.txt", "regulation")]
)
def test_the_closest_built_in_style_is_extended(text, style, tmp_path):
    sample = convert(SAMPLES / text, style, tmp_path / f"{style}.docx")
    learned, notes = learn(sample, tmp_path)
    assert f'extends = "{style}"' in learned.read_text("utf-8")
    assert f"extends {style}" in notes


def test_from_names_the_parent_instead_of_the_closest(own_sample, tmp_path):
    _style, sample = own_sample
    learned, _notes = learn(sample, tmp_path, "--from", "regulation")
    assert 'extends = "regulation"' in learned.read_text("utf-8")


# ---- (2) a sample another tool wrote: pandoc, with a reference document -----------------------


def _reference_docx(path: Path) -> Path:
    """A reference document for pandoc, made with python-docx: Letter paper, its own margins
    and fonts by style (theme fonts removed, so Word shows the fonts named)."""
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.top_margin, section.bottom_margin = Mm(32), Mm(30)
    section.left_margin, section.right_margin = Mm(30), Mm(24)
    for name, east_asian, latin, size, bold in (
        ("Normal", "仿宋", "Times New Roman", 14, None),
        ("Title", "黑体", "Arial", 20, True),
        ("Heading 1", "楷体", "Arial", 15, True),
    ):
        style = document.styles[name]
        style.font.name, style.font.size = latin, Pt(size)
        if bold is not None:
            style.font.bold = bold
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        fonts.set(qn("w:eastAsia"), east_asian)
    document.save(path)
    return path


@pytest.fixture(scope="module")
def pandoc_sample(tmp_path_factory) -> Path:
    """The seed as pandoc writes it from Markdown, with the reference document above."""
    pypandoc = pytest.importorskip("pypandoc")
    folder = tmp_path_factory.mktemp("pandoc")
    lines = [line.strip() for line in SPEECH.read_text("utf-8").splitlines() if line.strip()]
    title = next(line for line in lines if line.endswith("讲话"))
    body = lines[lines.index(title) + 1 :]
    markdown = [f"% {title}", ""]
    for line in body:
        markdown += [("# " + line) if re.match(r"^[一二三四五六七八九十]+、", line) else line, ""]
    source = folder / "speech.md"
    source.write_text("\n".join(markdown), "utf-8")
    sample = folder / "pandoc.docx"
    reference = _reference_docx(folder / "reference.docx")
    subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            str(source),
            "-f",
            "markdown",
            "-o",
            str(sample),
            "--reference-doc",
            str(reference),
        ],
        check=True,
    )
    return sample


def test_a_style_learned_from_a_pandoc_document_reproduces_its_page_and_fonts(
    pandoc_sample, tmp_path
):
    learned, notes = learn(pandoc_sample, tmp_path)
    again = convert(SPEECH, learned, tmp_path / "again.docx")
    assert_valid_docx(again)
    page = page_setup(again)
    sample_page = page_setup(pandoc_sample)
    for key in ("pgSz.w", "pgSz.h", "pgMar.top", "pgMar.bottom", "pgMar.left", "pgMar.right"):
        assert page[key] == sample_page[key], key
    assert page["pgSz.w"] == "12240"  # Letter, python-docx's paper
    looks = run_looks(again)
    assert look_of(looks, "县工会第八次代表大会讲话") == ("黑体", "Arial", "40", True)
    assert look_of(looks, "一、") == ("楷体", "Arial", "30", True)
    assert look_of(looks, "今天") == ("仿宋", "Times New Roman", "28", False)
    assert look_of(looks, "一是")[3] is False  # pandoc's run-in leads are not bold
    assert "lines per page" in notes  # no line grid in the sample: the parent's 22


# ---- untrusted samples ------------------------------------------------------------------------


def test_a_file_that_is_no_word_document_is_refused(tmp_path):
    sample = tmp_path / "sample.docx"
    sample.write_text("not a zip", "utf-8")
    done = run("styles", "init", str(tmp_path / "x"), "--from-docx", str(sample))
    assert done.returncode == 2
    assert "not a Word document" in done.stderr
    assert not (tmp_path / "x.toml").exists()


def test_a_page_whose_text_cannot_fit_is_refused_clearly(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.shared import Mm

    document = docx.Document()
    document.add_paragraph("关于做好防汛工作的通知")
    document.sections[0].top_margin = Mm(150)
    document.sections[0].bottom_margin = Mm(150)
    sample = tmp_path / "sample.docx"
    document.save(sample)
    done = run("styles", "init", str(tmp_path / "x"), "--from-docx", str(sample))
    assert done.returncode == 2
    assert "does not hold together" in done.stderr and "page.height" in done.stderr
    assert "Traceback" not in done.stderr


# ---- a document set by hand: direct formatting, no styles of its own -------------------------


def _direct_sample(path: Path) -> Path:
    """A notice typed in Word with direct formatting only: 宋体 小三 body indented two
    characters, a 黑体 二号 centred title; the styles are python-docx's defaults."""
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    document = docx.Document()
    lines = [line.strip() for line in SPEECH.read_text("utf-8").splitlines() if line.strip()]
    title = next(line for line in lines if line.endswith("讲话"))
    for text in [title, *lines[lines.index(title) + 1 :]]:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        is_title = text == title
        run.font.size = Pt(22 if is_title else 15)
        run.font.name = "Times New Roman"
        run._element.get_or_add_rPr().get_or_add_rFonts().set(
            qn("w:eastAsia"), "黑体" if is_title else "宋体"
        )
        if is_title:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Twips(600)  # two 15 pt characters
    document.save(path)
    return path


def test_direct_formatting_is_learned_as_a_style(tmp_path):
    sample = _direct_sample(tmp_path / "typed.docx")
    learned, _notes = learn(sample, tmp_path)
    assert 'extends = "regulation"' not in learned.read_text("utf-8")  # no 第X条 in a speech
    style = load_style(learned)
    assert (style.text.east_asian, style.text.latin, style.text.size) == (
        "宋体",
        "Times New Roman",
        15,
    )
    assert style.paragraph_styles["Normal"].first_line_indent in (None, 2.0)
    again = convert(SPEECH, learned, tmp_path / "again.docx")
    assert_valid_docx(again)
    looks = run_looks(again)
    assert look_of(looks, "县工会第八次代表大会讲话") == ("黑体", "Times New Roman", "44", False)
    assert look_of(looks, "今天") == ("宋体", "Times New Roman", "30", False)
    body = next(look for text, look in paragraph_looks(again) if text.startswith("今天"))
    assert body["ind.firstLineChars"] == "200" and body["jc.val"] == "both"


# ---- untrusted values -------------------------------------------------------------------------


def test_values_no_style_may_hold_are_left_to_the_parent_and_said(tmp_path):
    sample = _direct_sample(tmp_path / "typed.docx")
    with zipfile.ZipFile(sample) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    document = document.replace('w:eastAsia="宋体"', 'w:eastAsia="宋&#9;体"')  # a tab
    document = document.replace('w:firstLine="600"', 'w:firstLine="²"')  # no number
    document = re.sub(r'w:top="\d+"', 'w:top="99999999999"', document)  # out of range
    parts["word/document.xml"] = document.encode("utf-8")
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(hostile, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    learned, notes = learn(hostile, tmp_path)
    assert "not used" in notes and "east_asian" in notes  # the font name with a tab
    assert "\t" not in notes and "'宋\\t体'" in notes  # shown escaped, never raw
    style = load_style(learned)
    assert style.text.east_asian == "仿宋_GB2312"  # the parent's
    assert style.page.top == load_style("gbt9704").page.top  # the margin was not read


def test_theme_fonts_are_looked_up_in_the_theme(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()  # its fonts are the theme's: minorHAnsi, minorEastAsia
    for line in SPEECH.read_text("utf-8").splitlines()[:12]:
        if line.strip():
            document.add_paragraph(line.strip())
    sample = tmp_path / "themed.docx"
    document.save(sample)
    learned, _notes = learn(sample, tmp_path)
    style = load_style(learned)
    # python-docx's theme: Cambria for Latin, and 宋体 for Simplified Chinese (script Hans)
    assert (style.text.latin, style.text.east_asian, style.text.size) == ("Cambria", "宋体", 11)


def test_only_the_learning_keeps_each_pieces_paragraph(own_sample):
    from outline2docx.read.docx import TextPiece, read_docx

    _style, sample = own_sample
    plain = [item for item in read_docx(sample) if isinstance(item, TextPiece)]
    kept = [item for item in read_docx(sample, origins=True) if isinstance(item, TextPiece)]
    assert plain and all(piece.origin is None for piece in plain)  # conversions hold no XML
    assert all(piece.origin.tag == f"{W}p" for piece in kept)
    assert "".join(t.text for t in kept[0].origin.iter(f"{W}t")) == kept[0].text


def test_a_centred_number_and_an_unnumbered_first_page_are_learned(tmp_path):
    style = tmp_path / "centred.toml"
    style.write_text(
        'extends = "gbt9704"\n\n[page_number]\nposition = "center"\nfirst_page = false\n'
    )
    sample = convert(SAMPLES / "speech.txt", style, tmp_path / "sample.docx")
    learned, _ = learn(sample, tmp_path)
    page_number = load_style(learned).page_number
    assert (page_number.position, page_number.first_page) == ("center", False)
    again = convert(SPEECH, learned, tmp_path / "again.docx")
    section = _xml(again, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert section.find(f"{W}titlePg") is not None  # page 1 keeps its empty footer
    assert_valid_docx(again)
