"""The document's metadata: the GB/T 9704 elements a text may give apart from its lines.

The header notes (份号, 密级, 紧急程度) and the imprint (版记: 抄送, 印发机关, 印发日期) are laid
out by the renderer, above and below everything else; the issuer mark, document number and
addressee become paragraphs of the tree where the text has none of its own (see
``transforms/metadata.py``); the signer (签发人) goes beside the document number; the seal
(印章: 有印章, 无印章 or 签名章) decides where the signature and the date stand
(``render/ending.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from outline2docx.i18n import _

# Every element, by the names a user may write (front matter, --meta, a web form) -> field.
# The first name of each field is the one shown to users.
FIELD_NAMES: dict[str, str] = {
    "份号": "copy_number",
    "密级": "secrecy",
    "紧急程度": "urgency",
    "发文机关标志": "issuer",
    "发文字号": "number",
    "签发人": "signer",
    "主送": "addressee",
    "主送机关": "addressee",
    "抄送": "copies_to",
    "抄送机关": "copies_to",
    "印发机关": "printed_by",
    "印发日期": "printed_on",
    "印章": "seal",
}


@dataclass(frozen=True, slots=True)
class Meta:
    """The elements of GB/T 9704 given as metadata; an empty string is "not given"."""

    copy_number: str = ""  # 份号
    secrecy: str = ""  # 密级和保密期限
    urgency: str = ""  # 紧急程度
    issuer: str = ""  # 发文机关标志
    number: str = ""  # 发文字号
    signer: str = ""  # 签发人
    addressee: str = ""  # 主送机关
    copies_to: str = ""  # 抄送机关
    printed_by: str = ""  # 印发机关
    printed_on: str = ""  # 印发日期
    seal: str = ""  # 印章: 有印章 | 无印章 | 签名章, how signature and date stand (§7.3.5)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def merged(self, over: Meta) -> Meta:
        """This metadata with every element ``over`` gives replaced by ``over``'s."""
        given = {f.name: getattr(over, f.name) for f in fields(over) if getattr(over, f.name)}
        return replace(self, **given)

    @property
    def header_notes(self) -> tuple[str, ...]:
        """份号, 密级, 紧急程度 as given, in the order GB/T 9704 §7.2 stacks them."""
        return tuple(n for n in (self.copy_number, self.secrecy, self.urgency) if n)

    @property
    def has_imprint(self) -> bool:
        """True when the metadata names anything of the imprint (版记)."""
        return bool(self.copies_to or self.printed_by or self.printed_on)


def field_of(name: str) -> str | None:
    """The field a user's key names (a Chinese element name or the field itself), or None."""
    if name in FIELD_NAMES:
        return FIELD_NAMES[name]
    return name if name in _FIELDS else None


def meta_from_pairs(pairs: dict[str, str]) -> Meta:
    """Metadata of ``{key: value}``; ValueError names a key that is no element."""
    values = {}
    for key, value in pairs.items():
        name = field_of(key.strip())
        if name is None:
            message = _("{key} is not a metadata key; one of {keys}")
            raise ValueError(message.format(key=repr(key), keys=_(", ").join(FIELD_NAMES)))
        values[name] = value.strip()
    return Meta(**values)


_FIELDS = frozenset(f.name for f in fields(Meta))
