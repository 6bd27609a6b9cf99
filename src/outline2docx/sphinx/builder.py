"""The ``gongwen`` builder: one official-format .docx per entry of ``gongwen_documents``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.errors import ConfigError, SphinxError
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import progress_message
from sphinx.util.nodes import inline_all_toctrees, process_only_nodes

from outline2docx.errors import Outline2DocxError
from outline2docx.sphinx.translate import GongwenTranslator

if TYPE_CHECKING:
    from outline2docx.style import HouseStyle
    from outline2docx.tree.nodes import Document

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
    default_translator_class = GongwenTranslator

    def init(self) -> None:
        """Load the house style now, so a wrong ``gongwen_style`` stops the build at once."""
        self.style: HouseStyle | None = None
        try:
            self.style = self.load_style()
        except ConfigError as exc:
            self.stop(exc)

    def stop(self, problem: ConfigError) -> None:
        """Report a wrong setting as one error line; the build then writes nothing.

        Sphinx 9 prints any exception, a ConfigError too, as a crash report asking for a bug
        report; a setting to correct is the project's mistake: logged, and the run fails."""
        logger.error("Configuration error: %s", problem)
        app = getattr(self, "_app", None) or self.app  # Sphinx 9 deprecates Builder.app
        app.statuscode = 2
        self.style = None

    def build(self, docnames, summary=None, method="update") -> None:
        """Read and write the project, unless a wrong setting stopped the build."""
        if self.style is not None:
            super().build(docnames, summary, method)

    def get_outdated_docs(self) -> str:
        """Every build writes every document, as the LaTeX builder does."""
        return "all documents"

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        """Documents are merged into one file: references stay inside it."""
        return ""

    def prepare_writing(self, docnames) -> None:
        """Nothing to prepare."""

    def load_style(self) -> HouseStyle:
        """The house style ``gongwen_style`` names: built in, or a .toml file beside conf.py."""
        from outline2docx.style import StyleError, load_style

        style_ref = str(self.config.gongwen_style)
        # A .toml file is looked for beside conf.py only, never in the working directory.
        file = Path(self.confdir or self.srcdir) / style_ref
        try:
            return load_style(file if file.suffix == ".toml" else style_ref)
        except StyleError as exc:
            raise ConfigError(f"gongwen_style = {style_ref!r}: {exc}") from None

    def documents(self) -> list[tuple[str, str, str | None]]:
        """The (start document, .docx name, title or None) of each ``gongwen_documents`` entry."""
        entries = []
        for entry in self.config.gongwen_documents:
            if not isinstance(entry, (tuple, list)) or not 2 <= len(entry) <= 3:
                raise ConfigError(
                    f"gongwen_documents: {entry!r} is not (start document, file name, title)"
                )
            start, target, title = (*entry, None)[:3]
            if start not in self.env.all_docs:
                raise ConfigError(f"gongwen_documents: no document {start!r} in the project")
            target = target if target.endswith(".docx") else f"{target}.docx"
            entries.append((start, target, title or None))
        return entries

    def write_documents(self, _docnames) -> None:
        """Assemble, translate and render each entry of ``gongwen_documents``."""
        try:
            entries = self.documents()
        except ConfigError as exc:
            self.stop(exc)
            return
        for start, target, title in entries:
            with progress_message(__("assembling %s") % target):
                doctree = self.assemble(start)
            with progress_message(__("writing %s") % target):
                document = self.translate(doctree, title)
                document.source = start
                try:
                    self._write(document, Path(self.outdir) / target)
                except Outline2DocxError as exc:
                    raise SphinxError(f"{target}: {exc}") from None

    def translate(self, doctree: nodes.document, title: str | None = None) -> Document:
        """The Document of ``doctree``, by the translator registered for this builder."""
        translator = self.create_translator(doctree, self, title)
        doctree.walkabout(translator)
        return translator.result

    def _write(self, document: Document, target: Path) -> None:
        """Run the pipeline's tree transforms and writer on ``document``; write it to ``target``."""
        from outline2docx.output import write_atomically
        from outline2docx.pipeline import Settings, transform, write

        settings = Settings(style=self.style)
        transform(document, settings)
        write_atomically(target, write(document, settings))

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
