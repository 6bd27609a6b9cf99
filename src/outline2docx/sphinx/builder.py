"""The ``gongwen`` builder: one official-format .docx per entry of ``gongwen_documents``."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import progress_message
from sphinx.util.nodes import inline_all_toctrees, process_only_nodes

from outline2docx.sphinx.translate import DoctreeTranslator

logger = logging.getLogger(__name__)
PICTURE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp"}


class GongwenBuilder(Builder):
    """Builds official documents (公文) in Word format from a Sphinx project."""

    name = "gongwen"
    format = "docx"
    epilog = __("The official documents are in %(outdir)s.")
    supported_image_types: ClassVar[list[str]] = [
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/bmp",
    ]
    supported_remote_images = False

    def init(self) -> None:
        """Nothing to prepare: documents are assembled when they are written."""

    def get_outdated_docs(self) -> str:
        """Every build writes every document, as the LaTeX builder does."""
        return "all documents"

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        """Documents are merged into one file: references stay inside it."""
        return ""

    def prepare_writing(self, docnames) -> None:
        """Nothing to prepare."""

    def write_documents(self, _docnames) -> None:
        """Assemble, translate and render each entry of ``gongwen_documents``."""
        from outline2docx.output import write_atomically
        from outline2docx.render.package import render_docx
        from outline2docx.style import load_style

        style_ref = self.config.gongwen_style
        candidate = Path(self.confdir) / style_ref  # a style file beside conf.py
        style = load_style(
            candidate if candidate.suffix == ".toml" and candidate.is_file() else style_ref
        )
        for entry in self.config.gongwen_documents:
            start, target = entry[0], entry[1]
            target = target if target.endswith(".docx") else f"{target}.docx"
            with progress_message(__("assembling %s") % target):
                doctree = self.assemble(start)
            with progress_message(__("writing %s") % target):
                translator = DoctreeTranslator(
                    self.read_image, self.config.gongwen_numbering, warn=logger.warning
                )
                document = translator.translate(doctree)
                document.source = start
                write_atomically(Path(self.outdir) / target, render_docx(document, style))

    def assemble(self, start: str) -> nodes.document:
        """The start document with every document of its toctrees inlined, references resolved."""
        tree = self.env.get_doctree(start)
        tree["docname"] = start
        tree = inline_all_toctrees(self, {start}, start, tree, lambda text: text, [start])
        tree["docname"] = start
        self.env.resolve_references(tree, start, self)
        process_only_nodes(tree, self.tags)
        # References to other documents cannot be links in one .docx: keep their text.
        for pending in list(tree.findall(addnodes.pending_xref)):
            pending.replace_self(nodes.inline("", "", *pending.children))
        self.post_process_images(tree)
        return tree

    def read_image(self, uri: str) -> bytes | None:
        """The bytes of a picture in the source tree, or None when Word cannot show it."""
        path = Path(self.srcdir) / uri
        if path.suffix.lower() not in PICTURE_SUFFIXES or not path.is_file():
            return None
        return path.read_bytes()

    def finish(self) -> None:
        """Nothing to copy: pictures live inside the documents."""
