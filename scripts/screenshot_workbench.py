"""Take docs/workbench.png: the workbench page with the seed speech loaded, in Chinese.

Runs the server in a thread and drives Debian's chromium through Playwright (never downloads a
browser). Usage: python scripts/screenshot_workbench.py [OUT.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from outline2docx.web import serve_in_background

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "county-union-congress-speech.txt"
SAMPLE = ROOT / "samples" / "speech.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def main(out: Path) -> None:
    """Load the seed speech, open a close call's role menu over the preview, and shoot."""
    text = (SEED if SEED.is_file() else SAMPLE).read_text("utf-8")
    server = serve_in_background()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(
                viewport={"width": 1480, "height": 900}, locale="zh-CN", device_scale_factor=1
            )
            page.goto(server.url)
            page.fill("#text", text)
            page.wait_for_selector("#lines .line")
            page.eval_on_selector("#text", "(area) => { area.scrollTop = 0; }")
            page.click(".tab[data-tab=preview]")
            page.wait_for_selector("#pages img", timeout=120_000)
            page.screenshot(path=str(out))
            browser.close()
    finally:
        server.stop()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "workbench.png")
