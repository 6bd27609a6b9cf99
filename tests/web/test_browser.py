"""The workbench in a real browser: Debian's chromium, driven by Playwright for Python.

Never downloads a browser: Playwright launches /usr/bin/chromium (scripts/test installs it).
Select these tests with ``-m browser``; they skip, saying why, where chromium is absent.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")
pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from playwright.sync_api import sync_playwright

from outline2docx.pipeline import publish
from outline2docx.style import load_style
from outline2docx.web import serve_in_background
from outline2docx.web.app import Limits

from ..conftest import SAMPLES, assert_valid_docx
from ..docx_view import DocxView

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM := "/usr/bin/chromium").exists(),
        reason="Debian's chromium is not installed (apt-get install chromium; scripts/test does)",
    ),
]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SPEECH = (SAMPLES / "speech.txt").read_text("utf-8")
RUNIN = "一是责任体系更加健全。区、镇、村三级安全生产责任清单全部制定完成，签订责任书1200余份。"
WAIT = 60_000  # ms: the first job of a fresh worker process imports the whole pipeline


@pytest.fixture(scope="module")
def server():
    running = serve_in_background(Limits(workers=3))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.goto(server.url)
    yield page
    context.close()


def paste(page, text: str) -> None:
    page.fill("#text", text)
    page.wait_for_selector("#lines .line")


def test_paste_see_roles_change_one_and_download_the_docx(page, tmp_path):
    paste(page, SPEECH)
    assert page.inner_text("#line-1 .tag") == "标题"
    assert page.inner_text("#line-9 .tag") == "一级标题"
    assert page.inner_text("#line-13 .tag") == "段首小标题"
    assert page.locator("#lines .line").count() == SPEECH.count("\n") - SPEECH.count("\n\n")
    page.click("#line-13 .tag")
    page.click("#role-menu [data-role=h2]")
    page.wait_for_selector("#line-13 .tag[data-role=h2]")
    assert "overridden" in page.get_attribute("#line-13", "class")
    assert page.locator("#outline .entry", has_text="一是责任体系更加健全").count() == 1
    with page.expect_download() as download:
        page.click("#download-docx")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "text.docx"
    assert_valid_docx(path)
    styles = {p.text: p.style for p in DocxView(path).paragraphs()}
    assert styles[RUNIN] == load_style("gbt9704").roles["h2"][0]


def test_a_dropped_word_file_is_read(page, tmp_path):
    word = tmp_path / "notice.docx"
    word.write_bytes(publish(SAMPLES / "notice.txt").data)
    page.set_input_files("#files", str(word))
    page.wait_for_selector("#lines .line")
    assert page.inner_text("#sources .current .name") == "notice.docx"
    assert "标题" in page.locator("#lines .tag").all_inner_texts()
    assert page.is_enabled("#download-docx")


def test_files_dropped_on_the_drop_zone_come_back_as_a_zip(page, tmp_path):
    transfer = page.evaluate_handle(
        """([a, b]) => {
            const files = new DataTransfer();
            files.items.add(new File([a], "speech.txt", {type: "text/plain"}));
            files.items.add(new File([b], "notice.txt", {type: "text/plain"}));
            return files;
        }""",
        [SPEECH, (SAMPLES / "notice.txt").read_text("utf-8")],
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    page.wait_for_selector("#lines .line")
    assert page.locator("#sources .source").all_inner_texts() == [
        "T\nspeech.txt\n×",
        "T\nnotice.txt\n×",
    ]
    with page.expect_download() as download:
        page.click("#download-zip")
    data = Path(download.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["notice.docx", "speech.docx"]


def test_a_binary_file_shows_a_clear_error_and_the_page_keeps_working(page):
    binary = {"name": "photo.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 8}
    page.set_input_files("#files", files=[binary])
    page.wait_for_selector("#error", state="visible")
    assert (
        page.inner_text("#error-text") == "photo.txt：二进制文件，不是文本（偏移 0 处有 NUL 字节）"
    )
    assert "failed" in page.get_attribute("#sources .current", "class")
    paste(page, SPEECH)
    page.wait_for_selector("#error", state="hidden")
    assert page.inner_text("#line-9 .tag") == "一级标题"
    with page.expect_download() as download:
        page.click("#download-docx")
    assert download.value.suggested_filename == "text.docx"


def test_findings_lead_to_their_lines_and_safe_fixes_clear_them(page):
    paste(page, "关于开展检查的通知\n各单位:\n现将有关事项通知如下,请认真贯彻.\n")
    page.click(".tab[data-tab=checks]")
    assert page.inner_text("#check-count") == "3"
    page.click("#findings .finding[data-line='3'] >> nth=0")
    page.wait_for_selector("#line-3.flash")
    page.click("#fix")
    page.wait_for_selector("#fixed", state="visible")
    assert page.inner_text("#check-count") == ""
    assert page.inner_text("#line-2 .text") == "各单位："


def test_without_libreoffice_the_preview_says_what_to_install(page, monkeypatch):
    from outline2docx.web import app

    monkeypatch.setattr(app, "_office", lambda: False)
    page.reload()
    paste(page, SPEECH)
    page.click(".tab[data-tab=preview]")
    assert "sudo apt install libreoffice-writer-nogui" in page.inner_text("#preview-note")
    assert page.locator("#pages img").count() == 0
    assert page.is_disabled("#download-pdf") and page.is_enabled("#download-docx")


def test_the_page_is_english_when_the_browser_prefers_it(browser, server):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(server.url)
    assert page.inner_text("h1") == "Official document workbench"
    assert page.get_attribute("html", "lang") == "en"
    context.close()


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="page previews need LibreOffice (soffice) and poppler-utils (pdftoppm)",
)
def test_the_preview_shows_the_pages(page):
    paste(page, SPEECH)
    page.click(".tab[data-tab=preview]")
    page.wait_for_selector("#pages img", timeout=120_000)
    images = page.locator("#pages img")
    assert images.count() >= 2
    widths = images.evaluate_all("(all) => all.map((img) => img.naturalWidth)")
    assert all(width > 300 for width in widths)
    assert page.is_enabled("#download-pdf")
