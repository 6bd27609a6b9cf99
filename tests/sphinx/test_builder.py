"""The gongwen builder's configuration and its translator, through real sphinx-build runs."""

from __future__ import annotations

from pathlib import Path

from ..conftest import assert_valid_docx
from ..docx_view import DocxView
from ..images import png
from .conftest import sphinx_build

DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def project(tmp_path: Path, conf: str = "", index: str = "正文。\n", files=None) -> Path:
    """A one-page project "测试" (its page titled 测试) with ``conf`` added to its conf.py."""
    source = tmp_path / "src"
    source.mkdir(parents=True)
    for name, content in (files or {}).items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (source / name).write_bytes(data)
    (source / "conf.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
        'project = "测试"\nextensions = ["outline2docx.sphinx"]\n' + conf,
        "utf-8",
    )
    (source / "index.rst").write_text("测试\n====\n\n" + index, "utf-8")
    return source


def build(tmp_path: Path, **kwargs):
    """Build ``project(tmp_path, **kwargs)`` with -b gongwen; the finished sphinx-build."""
    return sphinx_build(project(tmp_path, **kwargs), tmp_path / "out", "gongwen", "-E")


# A project's own node type, and a subclass of the gongwen translator that prints it.
STAMP_EXTENSION = """
from docutils import nodes
from docutils.parsers.rst import Directive

from outline2docx.sphinx.translate import GongwenTranslator
from outline2docx.tree.nodes import Paragraph, Role


class stamp(nodes.Element):
    pass


class Stamp(Directive):
    has_content = True

    def run(self):
        return [stamp("", nodes.Text(" ".join(self.content)))]


class StampingTranslator(GongwenTranslator):
    def visit_stamp(self, node):
        self.emit(Paragraph(Role.NOTE, "印章：" + node.astext(), node.line or 0))
        raise nodes.SkipNode


def setup(app):
    app.add_node(stamp, html=(lambda self, node: None, lambda self, node: None))
    app.add_directive("stamp", Stamp)
    app.set_translator("gongwen", StampingTranslator)
"""


def test_a_projects_own_translator_replaces_the_builders(tmp_path):
    done = build(
        tmp_path,
        conf='extensions.append("stamping")\n',
        index=".. stamp:: 青山县人民政府\n\n正文。\n",
        files={"stamping.py": STAMP_EXTENSION},
    )
    assert done.returncode == 0, done.stderr
    assert "no gongwen translation" not in done.stderr  # the project's translator knew it
    path = tmp_path / "out" / "测试.docx"
    shown = [(p.style, p.text) for p in DocxView(path).paragraphs()]
    assert ("GW Note", "印章：青山县人民政府") in shown
    assert_valid_docx(path)


def test_the_entry_title_is_the_documents_title_and_title_property(tmp_path):
    done = build(
        tmp_path,
        conf='gongwen_documents = [("index", "通知", "关于开展安全检查的通知")]\n',
        index="正文。\n\n检查范围\n--------\n\n全县。\n",
    )
    assert done.returncode == 0, done.stderr
    path = tmp_path / "out" / "通知.docx"
    view = DocxView(path)
    assert view.xml("docProps/core.xml").find(DC_TITLE).text == "关于开展安全检查的通知"
    texts = [p.text for p in view.paragraphs()]
    assert texts[:4] == ["关于开展安全检查的通知", "正文。", "一、检查范围", "全县。"]
    assert "测试" not in texts  # the page's own title is replaced, not repeated
    assert_valid_docx(path)


def test_without_an_entry_title_the_page_keeps_its_own(tmp_path):
    done = build(tmp_path, conf='gongwen_documents = [("index", "通知.docx", "")]\n')
    assert done.returncode == 0, done.stderr
    view = DocxView(tmp_path / "out" / "通知.docx")
    assert view.xml("docProps/core.xml").find(DC_TITLE).text == "测试"
    assert [p.text for p in view.paragraphs()][:2] == ["测试", "正文。"]


def configuration_error(done) -> str:
    """The message of the ConfigError that stopped sphinx-build, checked to be one."""
    assert done.returncode != 0
    assert "Configuration error" in done.stderr
    # One error line, not the crash report Sphinx 8.2+ prints for any exception
    assert "Traceback" not in done.stderr
    assert "report this error" not in done.stderr
    assert sum("ERROR: Configuration error: " in line for line in done.stderr.splitlines()) == 1
    return done.stderr


def test_a_style_that_does_not_exist_is_a_configuration_error(tmp_path):
    beside_conf = str(tmp_path / "1" / "src" / "styles" / "missing.toml")
    for number, (style, looked_for) in enumerate(
        (("没有这个样式", "没有这个样式"), ("styles/missing.toml", beside_conf))
    ):
        done = build(tmp_path / str(number), conf=f"gongwen_style = {style!r}\n")
        message = (
            f"gongwen_style = {style!r}: no house style {looked_for!r}: not a file, nor one of"
        )
        lines = configuration_error(done).splitlines()
        assert sum(message in line for line in lines) == 1
        assert not (tmp_path / str(number) / "out" / "测试.docx").exists()


def test_an_entry_naming_no_document_is_a_configuration_error(tmp_path):
    done = build(tmp_path, conf='gongwen_documents = [("nowhere", "a.docx", "")]\n')
    assert "gongwen_documents: no document 'nowhere' in the project" in configuration_error(done)


def test_a_value_of_the_wrong_type_gets_sphinxs_config_warning(tmp_path):
    done = build(tmp_path, conf='gongwen_numbering = "否"\n')
    assert done.returncode == 0, done.stderr
    assert "The config value `gongwen_numbering' has type `str'; expected `bool'" in done.stderr


def test_a_png_that_is_no_picture_is_its_description(tmp_path):
    done = build(
        tmp_path,
        index=".. image:: broken.png\n   :alt: 检查流程示意图\n\n.. image:: flow.png\n",
        files={"broken.png": b"<html>not found</html>", "flow.png": png()},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("image 'broken.png' is not a picture Word can show") == 1
    path = tmp_path / "out" / "测试.docx"
    shown = [(p.style, p.text) for p in DocxView(path).paragraphs()]
    assert ("GW Caption", "检查流程示意图") in shown
    assert len(list(DocxView(path).document.iter("{*}blip"))) == 1  # flow.png is shown
    assert_valid_docx(path)
