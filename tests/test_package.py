"""The package's public names: all there, and the heavy ones imported only when first used."""

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest

import outline2docx

SRC = str(Path(outline2docx.__file__).resolve().parents[1])


def modules_after(code: str) -> set[str]:
    """The outline2docx modules a fresh interpreter has loaded after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in sys.modules if 'outline2docx' in m))"
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_importing_the_package_leaves_the_recognizer_and_tree_unloaded():
    loaded = modules_after("import outline2docx")
    assert "outline2docx" in loaded
    assert not loaded & {"outline2docx.parse", "outline2docx.recognize", "outline2docx.tree"}


def test_the_help_of_the_command_loads_no_recognizer():
    code = (
        "from outline2docx.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    loaded = modules_after(code)
    assert "outline2docx.cli" in loaded
    assert not any(m.startswith(("outline2docx.recognize", "outline2docx.parse")) for m in loaded)


def test_public_names_resolve_on_first_use():
    from outline2docx import Diagnostic, Document, Numbering, Paragraph, Role, Section, parse
    from outline2docx.tree import nodes

    assert (Document, Paragraph, Section, Numbering) == (
        nodes.Document,
        nodes.Paragraph,
        nodes.Section,
        nodes.Numbering,
    )
    assert (Role, Diagnostic) == (nodes.Role, nodes.Diagnostic)
    assert parse("一、总体要求").children[0].heading.role is Role.H1
    assert set(outline2docx.__all__) <= set(dir(outline2docx))


def test_parse_stays_the_function_once_its_module_is_imported():
    code = (
        "import outline2docx.parse\nimport outline2docx\n"
        "from outline2docx import parse\n"
        "assert parse is outline2docx.parse is sys.modules['outline2docx.parse'].parse, parse"
    )
    modules_after(f"import sys\n{code}")  # raises CalledProcessError if an assertion fails


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        outline2docx.no_such_name  # noqa: B018 - the access is the test


def test_the_docstring_example_holds():
    result = doctest.testmod(outline2docx)
    assert result.attempted and not result.failed
