"""Sphinx extension: ``extensions = ["outline2docx.sphinx"]``.

Adds the ``gongwen`` builder (``sphinx-build -b gongwen SRC OUT``), which writes one
official-format .docx per entry of ``gongwen_documents``, and a source parser that reads
``.outline`` files (plain outline text) as pages of the project.

Configuration (conf.py):

- ``gongwen_documents``: ``[(start_doc, target_name, title), ...]`` like ``latex_documents``;
  default: the root document, named after the project. A title replaces the start
  document's own title (and is the .docx file's title property); "" or no title keeps it.
- ``gongwen_style``: a built-in house style (gbt9704, speech, regulation) or a .toml path
  relative to conf.py; default gbt9704. A style that does not exist or cannot be loaded
  stops the build with one configuration error line, and nothing is written.
- ``gongwen_numbering``: add 一、 （一） 1. （1） to section titles (default True); titles that
  already carry a number are never numbered twice.
- ``gongwen_outline_suffix``: the suffix of outline sources (default ".outline").

The builder's translator is ``outline2docx.sphinx.translate.GongwenTranslator``; a project
may replace it with ``app.set_translator("gongwen", MyTranslator)`` (a subclass of it).
"""

from __future__ import annotations

import re
from typing import Any

from outline2docx import __version__


def _default_documents(config) -> list[tuple[str, str, str]]:
    name = re.sub(r"[^\w\-]+", "", config.project) or "document"
    return [(config.root_doc, f"{name}.docx", config.project)]


def _register_outline_suffix(app, config) -> None:
    suffixes = config.source_suffix
    if isinstance(suffixes, dict):
        suffixes.setdefault(config.gongwen_outline_suffix, "outline")
    else:  # a list or a string, in old-style configurations
        config.source_suffix = {
            **dict.fromkeys(
                [suffixes] if isinstance(suffixes, str) else suffixes, "restructuredtext"
            ),
            config.gongwen_outline_suffix: "outline",
        }


def setup(app) -> dict[str, Any]:
    """Register the builder, the configuration values and the outline source parser."""
    from outline2docx.sphinx.builder import GongwenBuilder
    from outline2docx.sphinx.source import OutlineParser

    app.add_builder(GongwenBuilder)
    # Typed, so that a value of the wrong type in conf.py gets Sphinx's own config warning.
    app.add_config_value(
        "gongwen_documents",
        _default_documents,
        "env",
        types=(list, tuple),
        description="(start document, .docx name, title) of each document to write",
    )
    app.add_config_value(
        "gongwen_style", "gbt9704", "env", types=str, description="house style name or .toml"
    )
    app.add_config_value(
        "gongwen_numbering", True, "env", types=bool, description="number section titles"
    )
    app.add_config_value(
        "gongwen_outline_suffix", ".outline", "env", types=str, description="outline suffix"
    )
    app.add_source_parser(OutlineParser)
    app.connect("config-inited", _register_outline_suffix)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
