"""Hand-made Word packages for the tests of untrusted input: minimal, and bad where asked."""

from __future__ import annotations

from .packages import zipped

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
# Parts the main document may relate to: (relationship id, type suffix, part name).
_RELATED = {
    "numbering": ("rIdN", "/numbering", "word/numbering.xml"),
    "styles": ("rIdS", "/styles", "word/styles.xml"),
    "footnotes": ("rIdF", "/footnotes", "word/footnotes.xml"),
}


def document_xml(body: str) -> bytes:
    """A main document part holding ``body`` (w:p and w:tbl elements)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def numbering_xml(levels: str, num_id: str = "1") -> bytes:
    """A numbering part: one abstract list of ``levels`` (w:lvl elements), used by ``num_id``."""
    return (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{levels}'
        f'</w:abstractNum><w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    ).encode()


def footnotes_xml(text: str) -> bytes:
    """A footnotes part holding one normal footnote, w:id 1, of ``text``."""
    return (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    ).encode()


def styles_xml(styles: str) -> bytes:
    """A styles part holding ``styles`` (w:style elements)."""
    return f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'.encode()


def paragraph(text: str, properties: str = "", runs: str = "") -> str:
    """A w:p with ``properties`` (inside w:pPr), the text, then more ``runs``."""
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>{text}</w:t></w:r>{runs}</w:p>"


def package(
    body: str | bytes,
    numbering: bytes | None = None,
    styles: bytes | None = None,
    media: dict[str, bytes] | None = None,
    footnotes: str | None = None,
) -> bytes:
    """A .docx: ``body`` (or a whole document part as bytes), its numbering, styles, pictures
    (name -> data, related as rId1 … in order) and one footnote's text (w:id 1)."""
    related = {
        "numbering": numbering,
        "styles": styles,
        "footnotes": None if footnotes is None else footnotes_xml(footnotes),
    }
    rels = [
        f'<Relationship Id="{rid}" Type="{R_NS}{kind}" Target="{name.removeprefix("word/")}"/>'
        for key, (rid, kind, name) in _RELATED.items()
        if related[key] is not None
    ]
    for number, name in enumerate(media or {}, start=1):
        rels.append(f'<Relationship Id="rId{number}" Type="{R_NS}/image" Target="media/{name}"/>')
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES.encode(),
        "_rels/.rels": _ROOT_RELS.encode(),
        "word/document.xml": body if isinstance(body, bytes) else document_xml(body),
        "word/_rels/document.xml.rels": (
            f'<Relationships xmlns="{PKG_RELS}">{"".join(rels)}</Relationships>'
        ).encode(),
    }
    for key, (_, _, name) in _RELATED.items():
        if related[key] is not None:
            parts[name] = related[key]
    for name, data in (media or {}).items():
        parts[f"word/media/{name}"] = data
    return zipped(parts)


def picture_run(rel_id: str = "rId1", description: str = "a picture") -> str:
    """A run holding an inline DrawingML picture of relationship ``rel_id``."""
    return (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        f'drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="p" descr="{description}"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData><a:blip r:embed="' + rel_id + '"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )
