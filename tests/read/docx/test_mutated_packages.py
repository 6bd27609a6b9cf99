"""Mutated Word packages, as a careless tool or an attacker makes them: only InputError
(exit code 2) or a valid document comes out, and quickly.

The seeds hold what the reader looks at (lists, styles, tables with spans, footnotes,
symbols, a picture); hypothesis flips bytes of the archive or of one part, cuts parts
short, and puts random strings and huge numbers into attribute values.
"""

from __future__ import annotations

import io
import re
import tempfile
import time
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from outline2docx import InputError
from outline2docx.convert import to_docx
from outline2docx.parse import parse, parse_docx

from ...cli import run
from ...hostile_docx import numbering_xml, package, paragraph, picture_run, styles_xml
from ...images import png
from ...packages import zipped

SECONDS_PER_INPUT = 10  # any input takes well under 1 s; the margin is for a loaded machine


@cache
def seeds() -> tuple[bytes, ...]:
    """Packages that use every element and attribute the reader takes values from."""
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="{n + 1}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%{n + 1}."/></w:lvl>'
        for n, fmt in enumerate(["chineseCounting", "lowerLetter", "upperRoman", "bullet"])
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="L"><w:basedOn w:val="H1"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>{}</w:tc>'
    body = (
        paragraph("总体要求", '<w:pStyle w:val="H1"/>')
        + paragraph("工作目标", num, '<w:r><w:sym w:char="F0B7"/><w:t>。</w:t></w:r>')
        + paragraph("具体安排", '<w:pStyle w:val="L"/>', picture_run("rId1"))
        + paragraph("说明", runs='<w:r><w:footnoteReference w:id="1"/></w:r>')
        + f"<w:tbl><w:tr>{cell.format(paragraph('甲'))}</w:tr>"
        + "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
    )
    hand_made = package(
        body,
        numbering_xml(levels),
        styles_xml(styles),
        media={"a.png": png(40, 20)},
        footnotes="注释",
    )
    ours = to_docx(parse("关于开展检查的通知\n\n一、总体要求\n（一）工作目标\n1. 具体安排"))
    return hand_made, ours


ATTRIBUTE = re.compile(rb'="[^"]*"')
HOSTILE_VALUES = st.one_of(
    st.sampled_from(["", "x", "-1", "0", "10", "FFFFFFF", "D800", "1e9", "200000", " 7 "]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
)


@st.composite
def mutated_packages(draw) -> bytes:
    """A seed with one or more mutations: bytes flipped, parts cut, attribute values replaced."""
    data = draw(st.sampled_from(seeds()))
    for _ in range(draw(st.integers(1, 3))):
        data = draw(st.sampled_from([_flip_archive, _flip_part, _cut_part, _replace_value]))(
            draw, data
        )
    return data


def _flip_archive(draw, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]


def _parts(data: bytes) -> dict[str, bytes] | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return {name: archive.read(name) for name in archive.namelist()}
    except Exception:  # an archive already broken by an earlier mutation: leave it so
        return None


def _flip_part(draw, data: bytes) -> bytes:
    parts = _parts(data)
    if not parts:
        return data
    name = draw(st.sampled_from(sorted(parts)))
    parts[name] = _flip_archive(draw, parts[name]) if parts[name] else parts[name]
    return zipped(parts)


def _cut_part(draw, data: bytes) -> bytes:
    parts = _parts(data)
    if not parts:
        return data
    name = draw(st.sampled_from(sorted(parts)))
    parts[name] = parts[name][: draw(st.integers(0, len(parts[name])))]
    return zipped(parts)


def _replace_value(draw, data: bytes) -> bytes:
    parts = _parts(data)
    if not parts:
        return data
    xml_names = sorted(n for n in parts if n.endswith((".xml", ".rels")))
    name = draw(st.sampled_from(xml_names))
    values = list(ATTRIBUTE.finditer(parts[name]))
    if not values:
        return data
    found = draw(st.sampled_from(values))
    new = draw(HOSTILE_VALUES).encode()
    new = new.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b'"', b"&quot;")
    parts[name] = parts[name][: found.start()] + b'="' + new + b'"' + parts[name][found.end() :]
    return zipped(parts)


def assert_a_valid_package(data: bytes) -> None:
    """A .docx whose every XML part is well-formed and that our reader reads back."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(archive.read(name))
    parse_docx(data, name="written.docx")


@settings(
    max_examples=60,
    deadline=None,  # the bound is checked below, per input, with a message
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_packages())
def test_a_mutated_package_is_read_and_converted_or_refused_with_input_error(data):
    started = time.perf_counter()
    try:
        document = parse_docx(data, name="mutated.docx")
    except InputError as exc:
        assert "\n" not in str(exc), str(exc)  # one line, naming the file
        assert str(exc).startswith("mutated.docx: "), str(exc)
    else:
        assert_a_valid_package(to_docx(document))
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_INPUT, f"{elapsed:.1f} s"


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_packages())
def test_the_commands_read_a_mutated_package_or_exit_2(data):
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "mutated.docx", Path(folder) / "out.docx"
        source.write_bytes(data)
        started = time.perf_counter()
        parsed = run("parse", str(source))  # run fails the test on a traceback
        checked = run("check", str(source))
        converted = run("convert", str(source), "-o", str(out))
        assert time.perf_counter() - started < 3 * SECONDS_PER_INPUT
        assert parsed.returncode in (0, 2)
        assert checked.returncode in (0, 1, 2)
        assert (parsed.returncode == 2) == (checked.returncode == 2)
        if parsed.returncode == 2:
            assert len(parsed.stderr.strip().splitlines()) == 1
            assert converted.returncode != 0 and not out.exists()
        else:
            assert converted.returncode == 0
            assert_a_valid_package(out.read_bytes())
