"""The command line speaks the locale's language: Chinese under zh_CN, English otherwise."""

from __future__ import annotations

import gettext
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from outline2docx import i18n
from tests.cli import run, run_process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import update_catalog  # noqa: E402  (scripts/ is no package)

CHINESE = {"LANG": "zh_CN.UTF-8"}
DRAFT = "关于XXX的通知\n一、总体要求\n三、工作安排\n坚持问题导向,狠抓落实。\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A draft with a placeholder, a numbering gap and half-width punctuation."""
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


# ---- which language --------------------------------------------------------------------------

LOCALES = [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_CN.GB18030"}, "zh"),
    ({"LANG": "zh_SG.UTF-8"}, "zh"),
    ({"LC_ALL": "zh"}, "zh"),
    ({"LANGUAGE": "zh_Hans"}, "zh"),
    ({"LC_MESSAGES": "zh_Hans_CN.UTF-8"}, "zh"),
    ({"LANGUAGE": "fr:zh_CN"}, "zh"),  # gettext passes over a language without a catalog
    ({"LANGUAGE": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # an empty variable is not set
    ({"LANG": "zh_TW.UTF-8"}, "en"),  # traditional Chinese: no catalog
    ({"LANG": "zh_HK.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANGUAGE": "en:zh_CN"}, "en"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL outranks LANG
    ({"LANGUAGE": "zh_CN", "LC_ALL": "C"}, "zh"),  # and LANGUAGE outranks both, as in gettext
    ({}, "en"),
]


@pytest.mark.parametrize(("environ", "language"), LOCALES)
def test_the_language_follows_the_locale_variables(environ, language):
    assert i18n.language_of(environ) == language


@pytest.mark.parametrize(("environ", "language"), [c for c in LOCALES if c[1] == "zh"])
def test_gettext_finds_the_catalog_for_every_chinese_locale(environ, language, monkeypatch):
    # click's own strings are found by gettext itself from the environment: it must find our
    # catalog wherever we speak Chinese, or help would come half in English.
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert gettext.find(i18n.DOMAIN, str(i18n.LOCALE_DIR)) is not None


# ---- the command in Chinese and in English ---------------------------------------------------


def test_help_is_chinese_under_zh_cn_including_clicks_own_words():
    done = run_process("--help", env=CHINESE)
    assert done.returncode == 0
    out = done.stdout
    assert out.startswith("用法: outline2docx [OPTIONS] COMMAND [ARGS]...")
    assert "选项:" in out and "命令:" in out
    assert "将中文纯文本转换为符合 GB/T 9704-2012 公文格式的 Word 文档。" in out
    assert "显示本帮助信息并退出。" in out and "显示版本信息并退出。" in out
    assert "退出码：0 一切正常" in out
    assert "Usage" not in out and "Options" not in out and "Show this" not in out


@pytest.mark.parametrize("lang", ["en_US.UTF-8", "C", "zh_TW.UTF-8"])
def test_help_is_english_under_any_other_locale(lang):
    out = run_process("--help", env={"LANG": lang}).stdout
    assert out.startswith("Usage: outline2docx [OPTIONS] COMMAND [ARGS]...")
    assert "Options:" in out and "Show this message and exit." in out
    assert "Exit codes:" in out
    assert not re.search("[\u4e00-\u9fff]", out.split("Examples:")[0])


def test_the_version_is_told_in_the_locales_language():
    from outline2docx import __version__

    assert run("--version", env=CHINESE).stdout == f"outline2docx，版本 {__version__}\n"
    assert run("-V").stdout == f"outline2docx, version {__version__}\n"


def test_a_failed_file_of_a_batch_is_told_in_chinese(tmp_path, draft):
    done = run(
        "convert", str(draft), str(tmp_path / "gone.txt"), "-o", str(tmp_path / "out"), env=CHINESE
    )
    assert done.returncode == 1
    assert f"{tmp_path / 'gone.txt'}：文件或文件夹不存在\n" in done.stderr
    assert done.stderr.endswith("已转换 1 个，跳过 0 个，失败 1 个\n")


def test_a_missing_file_is_reported_in_chinese_with_the_same_exit_code(tmp_path):
    missing = str(tmp_path / "missing.txt")
    chinese, english = run("parse", missing, env=CHINESE), run("parse", missing)
    assert chinese.returncode == english.returncode == 2
    assert chinese.stderr == f"outline2docx：错误：{missing}：文件不存在\n"
    assert english.stderr == f"outline2docx: error: {missing}: no such file\n"


def test_a_bad_style_is_reported_in_chinese_with_the_same_exit_code(draft):
    chinese = run_process("convert", str(draft), "--style", "nope", env=CHINESE)
    english = run_process("convert", str(draft), "--style", "nope")
    assert chinese.returncode == english.returncode != 0
    assert "没有名为 'nope' 的公文样式：既不是文件，也不是" in chinese.stderr
    assert "no house style 'nope'" in english.stderr
    assert not draft.with_suffix(".docx").exists()


def test_clicks_usage_errors_are_chinese_too(draft):
    done = run("convert", "--jobs", "0", str(draft), env=CHINESE)
    assert done.returncode == 2
    assert "用法: outline2docx convert [OPTIONS] IN..." in done.stderr
    assert "请使用“outline2docx convert --help”查看帮助。" in done.stderr
    assert "错误：'-j' / '--jobs' 的值无效：0 不在 x>=1 范围内。" in done.stderr
    unknown = run("check", "--nonsense", str(draft), env=CHINESE)
    assert unknown.returncode == 2 and "错误：没有选项 '--nonsense'。" in unknown.stderr
    missing = run("check", env=CHINESE)
    assert missing.returncode == 2 and "错误：缺少参数 'FILE...'" in missing.stderr


def test_clicks_words_for_files_are_chinese(tmp_path):
    done = run("parse", str(tmp_path), env=CHINESE)
    assert done.returncode == 2
    assert f"错误：'FILE' 的值无效：文件 '{tmp_path}' 是文件夹。" in done.stderr


def test_our_usage_errors_are_chinese(draft):
    done = run("convert", str(draft), "--skip-existing", "--force", env=CHINESE)
    assert (done.returncode, done.stderr) == (
        2,
        "outline2docx：错误：--skip-existing 与 --force 不能同时使用\n",
    )


def test_check_findings_are_chinese_and_their_codes_stay(draft):
    done = run("check", str(draft), env=CHINESE)
    assert done.returncode == 1
    out = done.stdout
    assert f"{draft}:1:3: error: 文中遗留占位符 'XXX' [placeholder]" in out
    assert f"{draft}:3:1: warning: 三、 的序号为 3；应为 2 [numbering-gap]" in out
    assert "中文文本中使用了半角标点：',' -> '，' [half-width-punctuation]" in out
    assert re.fullmatch(r"1 个文件中共有 \d+ 个问题（其中错误 1 个）\n", done.stderr)


def test_check_json_keeps_its_keys_and_codes_and_translates_only_the_message(draft):
    chinese = json.loads(run("check", "--json", str(draft), env=CHINESE).stdout)
    english = json.loads(run("check", "--json", str(draft)).stdout)
    assert [{k: v for k, v in f.items() if k != "message"} for f in chinese] == [
        {k: v for k, v in f.items() if k != "message"} for f in english
    ]
    placeholder = next(f for f in chinese if f["code"] == "placeholder")
    assert placeholder["message"] == "文中遗留占位符 'XXX'"
    assert next(f for f in english if f["code"] == "placeholder")["message"] == (
        "placeholder 'XXX' left in the text"
    )


def test_convert_summary_is_chinese(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("一、总体要求\n坚持问题导向。\n", encoding="utf-8")
    done = run("convert", str(tmp_path), env=CHINESE)
    assert done.returncode == 0
    assert done.stderr.strip().endswith("已转换 2 个，跳过 0 个，失败 0 个")


def test_check_help_lists_rule_codes_in_chinese():
    out = run("check", "--help", env=CHINESE).stdout
    assert "规则代码:" in out
    assert re.search(r"placeholder +文中遗留 XXX、×××、\*\*\* 或 第X次", out)


def test_chinese_help_fits_the_terminal_by_columns():
    for command in ("convert", "check", "fix", "parse", "tree"):
        out = run(command, "--help", env=CHINESE).stdout
        widths = [_columns(line) for line in out.splitlines()]
        assert max(widths) <= 80, (command, out)
        assert "\ue000" not in out and "\ue001" not in out  # the wrapping marks are gone


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_english_help_is_as_click_wraps_it():
    out = run("convert", "--help").stdout
    assert "  -q, --quiet               No progress bar and no summary.\n" in out


def test_the_in_process_run_is_english_by_default_and_after_a_chinese_run():
    assert run("--help", env=CHINESE).stdout.startswith("用法:")
    assert run("--help").stdout.startswith("Usage:")
    assert i18n.current() == i18n.ENGLISH


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("zh", "zh"),
        ("zh_CN", "zh"),
        ("zh_CN.UTF-8", "zh"),
        ("en", "en"),
        ("C", "en"),
        ("zh_TW", "en"),
    ],
)
def test_use_takes_a_locale_name(name, language):
    try:
        assert i18n.use(name) == language == i18n.current()
    finally:
        i18n.use(i18n.ENGLISH)


def test_messages_switch_with_use():
    from outline2docx.read.decoding import decode

    try:
        i18n.use(i18n.CHINESE)
        assert i18n.current() == i18n.CHINESE
        with pytest.raises(Exception, match="二进制文件，不是文本（偏移 1 处有 NUL 字节）"):
            decode(b"a\x00b", "x.bin")
    finally:
        i18n.use(i18n.ENGLISH)
    with pytest.raises(Exception, match=re.escape("binary file, not text (NUL byte at offset 1)")):
        decode(b"a\x00b", "x.bin")


def test_runtime_uses_stdlib_gettext_only_and_english_opens_no_catalog():
    probe = (
        "import gettext, sys\n"
        "from outline2docx.cli import main\n"
        "main(['--help'], standalone_mode=False)\n"
        "print('babel' in sys.modules, len(gettext._translations))\n"
    )
    for lang, expected in (("C.UTF-8", "False 0"), ("zh_CN.UTF-8", "False 1")):
        done = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            env={**_environ_without_locale(), "LANG": lang},
        )
        assert done.stdout.splitlines()[-1] == expected, done.stderr


def _environ_without_locale() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in i18n.ENVIRONMENT}


# ---- the catalog -----------------------------------------------------------------------------


def _catalog():
    with update_catalog.PO_FILE.open("rb") as file:
        return read_po(file)


def test_the_compiled_catalog_is_the_po_file_compiled():
    compiled = update_catalog.compiled(update_catalog.PO_FILE.read_bytes())
    assert update_catalog.MO_FILE.read_bytes() == compiled, "run scripts/update_catalog.py"


def test_every_message_of_the_code_has_a_chinese_translation():
    catalog = _catalog()
    missing = [
        message
        for message in update_catalog.our_messages()
        if message not in catalog or not _translated(catalog[message])
    ]
    assert not missing, "run scripts/update_catalog.py and translate: " + repr(missing)


def test_clicks_words_that_users_meet_are_translated():
    catalog = _catalog()
    words = [
        "Usage:",
        "Options",
        "Commands",
        "Show this message and exit.",
        "Show the version and exit.",
        "Error: {message}",
        "Invalid value for {param_hint}: {message}",
        "Try '{command} {option}' for help.",
        "Missing argument",
        "Missing parameter: {param_name}",
        "No such option {name!r}.",
        "No such command {name!r}.",
        "Aborted!",
        "{name} {filename!r} does not exist.",
        "default: {default}",
    ]
    assert all(word in catalog and _translated(catalog[word]) for word in words)


def test_no_entry_is_fuzzy_or_empty_and_placeholders_match():
    for message in _catalog():
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        assert _translated(message), message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_placeholders(i) for i in ids))
        for string in strings:  # a translation may leave out the count of a plural form
            assert _placeholders(string) <= wanted, (message.id, string)
            if not isinstance(message.id, tuple):
                assert _placeholders(string) == wanted, (message.id, string)


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings)


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"(?<!\{)\{[^{}]*\}(?!\})|%\(\w+\)s", text))


def test_the_catalog_is_a_valid_gettext_file_with_chinese_plural_forms():
    with update_catalog.MO_FILE.open("rb") as file:
        translation = gettext.GNUTranslations(file)
    assert translation.info()["plural-forms"] == "nplurals=1; plural=0;"
    assert translation.ngettext("{total} problems ({errors} errors) in {count} file", "", 5) == (
        "{count} 个文件中共有 {total} 个问题（其中错误 {errors} 个）"
    )


def test_the_wheel_configuration_ships_the_catalog():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    assert "src/outline2docx" in packages
    assert update_catalog.MO_FILE.is_relative_to(ROOT / "src" / "outline2docx")
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(update_catalog.MO_FILE)], cwd=ROOT
    ).returncode
    assert ignored == 1  # hatch leaves out what git ignores


def test_a_translator_speaks_a_language_without_switching_the_process():
    from outline2docx import i18n

    message = "the upload is larger than {size}, the limit"
    assert i18n.translator("zh").gettext(message) == "上传内容超过 {size} 的限制"
    assert i18n.translator("en").gettext(message) == message
    assert i18n.current() == i18n.ENGLISH  # the process still speaks English
