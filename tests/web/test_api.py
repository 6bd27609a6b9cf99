"""The workbench's API, through Starlette's TestClient: real requests, real worker processes."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")
pytest.importorskip("multipart", reason="the web extra is not installed")

from starlette.testclient import TestClient

from outline2docx.style import load_style
from outline2docx.web.app import Limits, create_app

from ..conftest import SAMPLES, assert_valid_docx
from ..docx_view import DocxView

SPEECH = (SAMPLES / "speech.txt").read_text("utf-8")
RUNIN_LINE = 13  # 一是责任体系更加健全。… : a run-in lead under 一、 (line 9)
BINARY = bytes(range(256)) * 4


@pytest.fixture(scope="module")
def client():
    # English, so that the messages below read as written; Chinese has a test of its own.
    with TestClient(create_app(Limits(workers=2)), headers={"Accept-Language": "en"}) as client:
        yield client


def roles_of(answer: dict) -> dict[int, str]:
    return {line["line"]: line["role"] for line in answer["document"]["lines"]}


def outline_of(answer: dict) -> list[tuple[int, str, int]]:
    return [(e["line"], e["role"], e["depth"]) for e in answer["outline"]]


def test_parse_gives_every_line_its_role_and_the_outline(client):
    answer = client.post("/api/parse", data={"text": SPEECH}).json()
    roles = roles_of(answer)
    assert roles[1] == "title" and roles[5] == "salutation" and roles[9] == "h1"
    assert roles[RUNIN_LINE] == "runin"
    assert (9, "h1", 0) in outline_of(answer)
    assert all(line not in answer["close_calls"] for line in (1, 9))
    assert answer["document"]["source"] == "text.txt"


def test_a_role_given_by_hand_changes_the_line_and_the_outline(client):
    before = client.post("/api/parse", data={"text": SPEECH}).json()
    roles = json.dumps({str(RUNIN_LINE): "h2"})
    after = client.post("/api/parse", data={"text": SPEECH, "roles": roles}).json()
    assert roles_of(after)[RUNIN_LINE] == "h2"
    assert (RUNIN_LINE, "h2", 1) in outline_of(after)  # nested under 一、
    assert RUNIN_LINE not in [line for line, _, _ in outline_of(before)]


def test_convert_returns_a_valid_docx_in_the_roles_styles(client, tmp_path):
    roles = json.dumps({str(RUNIN_LINE): "h2"})
    response = client.post(
        "/api/convert", data={"text": SPEECH, "roles": roles, "name": "讲话.txt"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''%E8%AE%B2%E8%AF%9D.docx" in response.headers["content-disposition"]
    path = tmp_path / "speech.docx"
    path.write_bytes(response.content)
    assert_valid_docx(path)
    styles = {p.text: p.style for p in DocxView(path).paragraphs()}
    h2_style = load_style("gbt9704").roles["h2"][0]
    assert (
        styles[
            "一是责任体系更加健全。区、镇、村三级安全生产责任清单全部制定完成，签订责任书1200余份。"
        ]
        == h2_style
    )


def test_the_house_style_and_the_metadata_reach_the_document(client, tmp_path):
    meta = json.dumps({"发文字号": "青政发〔2025〕5号"})
    response = client.post("/api/convert", data={"text": SPEECH, "style": "speech", "meta": meta})
    view = DocxView(response.content)
    assert "青政发〔2025〕5号" in [p.text for p in view.paragraphs()]
    speech = load_style("speech")
    byline = next(p for p in view.paragraphs() if p.text == "区长 王明")
    assert byline.style == speech.roles["byline"][0]


def test_a_binary_upload_is_refused_in_one_clear_line(client):
    response = client.post("/api/parse", files={"file": ("photo.txt", BINARY, "text/plain")})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error.startswith("photo.txt: binary file") and "\n" not in error
    assert "Traceback" not in response.text


def test_a_broken_word_file_is_refused(client):
    response = client.post("/api/convert", files={"file": ("report.docx", b"PK\x03\x04broken")})
    assert response.status_code == 422
    assert response.json() == {
        "error": "report.docx: not a Word document (.docx): File is not a zip file"
    }


def test_pasted_text_is_never_taken_for_a_path(client):
    answer = client.post("/api/parse", data={"text": "/etc/passwd"}).json()
    assert [line["text"] for line in answer["document"]["lines"]] == ["/etc/passwd"]


def test_many_files_come_back_as_a_zip_of_valid_documents(client, tmp_path):
    files = [
        ("file", ("speech.txt", SPEECH.encode("gb18030"), "text/plain")),
        ("file", ("notice.txt", (SAMPLES / "notice.txt").read_bytes(), "text/plain")),
    ]
    roles = [("roles", json.dumps({str(RUNIN_LINE): "h2"})), ("roles", "{}")]
    response = client.post("/api/convert", files=files, data=dict(roles[:1]))
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert sorted(archive.namelist()) == ["notice.docx", "speech.docx"]
        for name in archive.namelist():
            (tmp_path / name).write_bytes(archive.read(name))
            assert_valid_docx(tmp_path / name)
    styles = {p.text[:6]: p.style for p in DocxView(tmp_path / "speech.docx").paragraphs()}
    assert styles["一是责任体系"] == load_style("gbt9704").roles["h2"][0]


def test_a_word_file_goes_through_the_same_pipeline(client):
    docx = client.post("/api/convert", data={"text": SPEECH}).content
    answer = client.post("/api/parse", files={"file": ("speech.docx", docx)}).json()
    assert answer["document"]["encoding"] == "docx"
    assert "一、认清形势，切实增强做好安全生产工作的责任感" in [
        e["text"] for e in answer["outline"]
    ]


def test_safe_fixes_clear_the_findings_they_fix(client):
    text = "关于开展检查的通知\n各单位:\n现将有关事项通知如下,请认真贯彻.\n"
    found = client.post("/api/parse", data={"text": text}).json()["findings"]
    assert {f["code"] for f in found} == {"half-width-punctuation"}
    fixed = client.post("/api/parse", data={"text": text, "fix": "1"}).json()
    assert fixed["findings"] == []
    assert roles_of(fixed)[2] == "addressee" and fixed["document"]["lines"][1]["text"] == "各单位："


def test_findings_and_errors_speak_the_pages_language(client):
    text = "关于开展检查的通知\n各单位:\n现将有关事项通知如下,请认真贯彻.\n"
    chinese = {"Accept-Language": "zh-CN,zh;q=0.9"}
    english = client.post("/api/parse", data={"text": text}).json()["findings"]
    found = client.post("/api/parse", data={"text": text}, headers=chinese).json()["findings"]
    assert [f["code"] for f in found] == [f["code"] for f in english]
    assert all(f["message"].startswith("half-width punctuation in Chinese text") for f in english)
    assert all(f["message"].startswith("中文文本中使用了半角标点") for f in found)
    binary = {"file": ("photo.txt", BINARY, "text/plain")}
    refused = client.post("/api/parse", files=binary, headers=chinese)
    assert refused.status_code == 422
    assert refused.json()["error"] == "photo.txt：二进制文件，不是文本（偏移 0 处有 NUL 字节）"
    again = client.post("/api/parse", files=binary)  # the same worker, back in English
    assert again.json()["error"] == "photo.txt: binary file, not text (NUL byte at offset 0)"


@pytest.mark.parametrize(
    ("data", "status", "said"),
    [
        ({"text": SPEECH, "roles": '{"3": "chapter-ish"}'}, 400, "'chapter-ish' is not a role"),
        ({"text": SPEECH, "roles": "[1]"}, 400, 'roles: expected {"LINE": "ROLE"'),
        ({"text": SPEECH, "meta": '{"颜色": "红"}'}, 400, "'颜色' is not a metadata key"),
        ({"text": SPEECH, "style": "nonesuch"}, 422, "no built-in house style 'nonesuch'"),
        ({}, 400, "nothing to read"),
    ],
)
def test_bad_requests_get_one_line_of_json(client, data, status, said):
    response = client.post("/api/parse", data=data)
    assert response.status_code == status
    assert said in response.json()["error"]


def test_an_uploaded_style_may_extend_only_a_built_in_one(client):
    own = b'extends = "speech"\n'
    good = client.post("/api/parse", data={"text": SPEECH}, files={"style_file": ("own.toml", own)})
    assert good.status_code == 200
    foreign = b'extends = "/etc/outline2docx/secret.toml"\n'
    bad = client.post(
        "/api/parse", data={"text": SPEECH}, files={"style_file": ("x.toml", foreign)}
    )
    assert bad.status_code == 422
    assert "may extend only a built-in one" in bad.json()["error"]


def test_a_template_that_is_no_word_file_is_refused(client):
    response = client.post(
        "/api/convert", data={"text": SPEECH}, files={"template": ("org.docx", BINARY)}
    )
    assert response.status_code == 422
    assert response.json()["error"].startswith("template.docx: ")


def test_an_oversized_upload_gets_413():
    with TestClient(create_app(Limits(max_upload=10_240, workers=1))) as small:
        response = small.post("/api/parse", files={"file": ("big.txt", b"a" * 20_000)})
        assert response.status_code == 413  # no Accept-Language: the page's default, Chinese
        assert response.json() == {"error": "上传内容超过 10 KB 的限制"}

        def chunks():  # no Content-Length: the limit counts what arrives
            yield b'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
            for _ in range(20):
                yield "一行文字。\n".encode() * 100

        streamed = small.post(
            "/api/parse",
            content=chunks(),
            headers={"content-type": "multipart/form-data; boundary=b", "accept-language": "en"},
        )
        assert "content-length" not in streamed.request.headers
        assert streamed.status_code == 413
        assert streamed.json() == {"error": "the upload is larger than 10 KB, the limit"}


def test_a_request_the_api_cannot_take_is_refused_in_the_pages_language(client):
    english = client.post("/api/parse", data={"text": "  "})
    assert english.status_code == 400
    assert english.json() == {
        "error": "nothing to read: paste a text or upload a .txt or .docx file"
    }
    chinese = client.post("/api/parse", data={"text": "  "}, headers={"accept-language": "zh"})
    assert chinese.json() == {"error": "没有可读取的内容：请粘贴文稿，或上传 .txt、.docx 文件"}
    roles = client.post(
        "/api/parse", data={"text": SPEECH, "roles": "{"}, headers={"accept-language": "zh"}
    )
    assert roles.json() == {"error": "roles：不是有效的 JSON"}


def test_every_request_works_in_its_own_folder_removed_afterwards(tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with TestClient(create_app(Limits(workers=1, scratch=str(scratch)))) as client:  # Chinese
        assert client.post("/api/parse", data={"text": SPEECH}).status_code == 200
        assert client.post("/api/convert", data={"text": SPEECH}).status_code == 200
        refused = client.post("/api/parse", files={"file": ("a.docx", b"PK\x03\x04bad")})
        assert refused.status_code == 422
        assert list(scratch.iterdir()) == []
        # The jobs did work there: with a file in its place, they cannot.
        scratch.rmdir()
        scratch.write_text("not a folder")
        blocked = client.post("/api/parse", data={"text": SPEECH})
    assert blocked.status_code == 422 and "无法处理该文件" in blocked.json()["error"]


@pytest.mark.parametrize(
    ("accept", "title", "language"),
    [
        (None, "公文排版工作台", "zh"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "公文排版工作台", "zh"),
        ("en-US,en;q=0.9,zh-CN;q=0.8", "Official document workbench", "en"),
        ("fr-FR,en;q=0.5", "Official document workbench", "en"),
        ("de-DE", "公文排版工作台", "zh"),
    ],
)
def test_the_page_speaks_the_browsers_language(client, accept, title, language):
    headers = {"accept-language": accept or ""}  # none at all: the default, Chinese
    page = client.get("/", headers=headers)
    assert page.status_code == 200 and f"<h1>{title}</h1>" in page.text
    assert page.headers["content-language"] == language
    config = client.get("/api/config", headers=headers).json()
    assert config["language"] == language


def test_the_page_carries_the_metadata_fields_and_roles_from_their_tables(client):
    from outline2docx.pipeline import OVERRIDABLE
    from outline2docx.tree.meta import FIELD_NAMES

    config = client.get("/api/config").json()
    assert {f["field"] for f in config["meta_fields"]} == set(FIELD_NAMES.values())
    assert [f["key"] for f in config["meta_fields"]][:3] == ["份号", "密级", "紧急程度"]
    assert set(config["roles"]) == {role.value for role in OVERRIDABLE}
    assert {s["name"] for s in config["styles"]} >= {"gbt9704", "speech", "regulation"}
    for asset in ("app.js", "app.css"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_unknown_routes_answer_in_json(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404 and "error" in response.json()


@pytest.mark.skipif(
    not Path("/usr/bin/soffice").exists() and not Path("/usr/bin/libreoffice").exists(),
    reason="LibreOffice is not installed",
)
def test_preview_gives_png_pages_and_pdf_downloads(client):
    answer = client.post("/api/preview", data={"text": SPEECH}).json()
    assert len(answer["pages"]) >= 2
    assert all(p.startswith("data:image/png;base64,iVBORw0KGgo") for p in answer["pages"])
    pdf = client.post("/api/convert", data={"text": SPEECH, "format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_noise_stays_in_the_view_and_leaves_the_document_unless_kept(client):
    text = "关于开展检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n\n责任编辑：张三\n"
    answer = client.post("/api/parse", data={"text": text}).json()
    assert roles_of(answer)[7] == "noise"
    dropped = DocxView(client.post("/api/convert", data={"text": text}).content)
    assert "责任编辑：张三" not in [p.text for p in dropped.paragraphs()]
    kept = client.post("/api/convert", data={"text": text, "drop_noise": "0"}).content
    assert "责任编辑：张三" in [p.text for p in DocxView(kept).paragraphs()]


def test_a_job_past_its_time_is_stopped_and_its_worker_freed():
    english = {"Accept-Language": "en"}
    with TestClient(create_app(Limits(workers=1, timeout=0.05)), headers=english) as hurried:
        slow = hurried.post("/api/convert", data={"text": SPEECH * 400, "name": "long.txt"})
        assert slow.status_code == 422
        assert slow.json() == {"error": "long.txt: took longer than 0.05 s; stopped"}
        quick = hurried.post("/api/parse", data={"text": "关于开展检查的通知"})
        assert quick.status_code == 200


def test_a_slow_document_does_not_hold_up_the_others():
    import time
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from outline2docx.web import serve_in_background

    server = serve_in_background(Limits(workers=2))
    try:
        with ThreadPoolExecutor(2) as threads, httpx.Client(timeout=60) as http:
            slow = threads.submit(
                http.post, server.url + "api/convert", data={"text": SPEECH * 1500}
            )
            time.sleep(0.3)  # the slow one is in a worker by now
            quick = [http.post(server.url + "api/parse", data={"text": SPEECH}) for _ in range(3)]
            assert [r.status_code for r in quick] == [200, 200, 200]
            assert not slow.done()
            assert slow.result().status_code == 200
    finally:
        server.stop()


def test_without_libreoffice_previews_and_pdfs_say_what_to_install(client, monkeypatch):
    from outline2docx.web import app

    monkeypatch.setattr(app, "_office", lambda: False)
    assert client.get("/api/config").json()["office"] is False
    for path, data in (
        ("/api/preview", {"text": SPEECH}),
        ("/api/convert", {"text": SPEECH, "format": "pdf"}),
    ):
        response = client.post(path, data=data)
        assert response.status_code == 422
        assert "apt install libreoffice-writer-nogui poppler-utils" in response.json()["error"]


def test_an_uploaded_template_is_rendered_into(client, tmp_path):
    from outline2docx.pipeline import publish

    from ..packages import zipped

    # An organization's template: our own output with wider left margins to tell it by.
    ours = zipfile.ZipFile(io.BytesIO(publish(SAMPLES / "notice.txt").data))
    parts = {name: ours.read(name) for name in ours.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b'w:left="1587"', b'w:left="2000"'
    )
    response = client.post(
        "/api/convert", data={"text": SPEECH}, files={"template": ("org.docx", zipped(parts))}
    )
    assert response.status_code == 200
    path = tmp_path / "out.docx"
    path.write_bytes(response.content)
    assert_valid_docx(path)
    view = DocxView(path)
    assert "在全区安全生产工作会议上的讲话" in [p.text for p in view.paragraphs()]
    assert b'w:left="2000"' in view.parts["word/document.xml"]
