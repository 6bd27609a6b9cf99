"""The page's words in 简体中文 and English, and the choice between them by Accept-Language."""

from __future__ import annotations

DEFAULT_LANGUAGE = "zh"

# key -> (简体中文, English). {name} marks a value the page fills in.
MESSAGES: dict[str, tuple[str, str]] = {
    "app.lang": ("zh-CN", "en"),
    "app.title": ("公文排版工作台", "Official document workbench"),
    "app.tagline": (
        "粘贴文稿或拖入文件，核对结构，生成符合 GB/T 9704 的公文",
        "Paste a draft or drop files, check the structure, get a GB/T 9704 document",
    ),
    "input.heading": ("文稿", "Draft"),
    "input.paste": ("在此粘贴文稿……", "Paste the draft here…"),
    "input.drop": (
        "把 .txt、.docx 文件拖到这里，或点击选择（可多个）",
        "Drop .txt or .docx files here, or click to choose (one or many)",
    ),
    "input.pasted": ("粘贴的文本", "Pasted text"),
    "input.clear": ("清空", "Clear"),
    "settings.heading": ("版式与模板", "House style and template"),
    "settings.style": ("版式", "House style"),
    "settings.style_file": ("自定义版式 (.toml)", "Own house style (.toml)"),
    "settings.template": ("模板 (.docx)", "Template (.docx)"),
    "settings.choose": ("选择文件", "Choose file"),
    "settings.drop_noise": ("删去网页残留等多余内容", "Leave out web-page residue (noise)"),
    "settings.none": ("未选择", "none"),
    "settings.remove": ("移除", "Remove"),
    "style.gbt9704": ("通用公文（通知、报告、意见）", "Official documents (notices, reports)"),
    "style.speech": ("讲话稿", "Speeches"),
    "style.regulation": ("规章制度（章、节、条）", "Regulations (chapters, articles)"),
    "style.default": ("默认", "default"),
    "meta.heading": ("版头与版记", "Header and imprint"),
    "lines.heading": ("识别结果", "As outline2docx reads it"),
    "lines.hint": ("点击角色标签可改为其他角色", "Click a role tag to give the line another"),
    "lines.empty": (
        "粘贴文稿或拖入文件后，这里逐行显示识别出的角色。",
        "Paste a draft or drop a file: every line appears here with its role.",
    ),
    "lines.close": (
        "拿不准：也可能是「{other}」（置信度 {confidence}）",
        "A close call: it could be “{other}” (confidence {confidence})",
    ),
    "lines.overridden": ("已手动指定", "Set by hand"),
    "lines.count": ("共 {count} 行", "{count} lines"),
    "menu.auto": ("恢复自动识别", "Back to automatic"),
    "tabs.outline": ("大纲", "Outline"),
    "tabs.checks": ("检查", "Checks"),
    "sources.failed": ("无法读取", "cannot be read"),
    "tabs.preview": ("预览", "Preview"),
    "outline.empty": ("尚无标题。", "No headings yet."),
    "checks.none": ("没有发现问题。", "Nothing found."),
    "checks.fix": ("一键安全修正", "Apply safe fixes"),
    "checks.fixed": ("已应用安全修正", "Safe fixes applied"),
    "checks.unfix": ("撤销修正", "Undo fixes"),
    "checks.line": ("第 {line} 行", "line {line}"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("提示", "warning"),
    "preview.no_office": (
        "页面预览和 PDF 需要 LibreOffice 与 poppler：请安装（Debian/Ubuntu："
        "sudo apt install libreoffice-writer-nogui poppler-utils），"
        "再重新启动 outline2docx serve。",
        "Page previews and PDF need LibreOffice and poppler: install them (Debian/Ubuntu: "
        "sudo apt install libreoffice-writer-nogui poppler-utils), "
        "then restart outline2docx serve.",
    ),
    "preview.loading": ("正在排版预览……", "Laying out the pages…"),
    "preview.empty": ("识别完成后在此显示成品页面。", "The finished pages appear here."),
    "preview.page": ("第 {page} 页", "Page {page}"),
    "download.docx": ("下载 Word", "Download Word"),
    "download.pdf": ("下载 PDF", "Download PDF"),
    "download.zip": ("全部下载 (.zip)", "Download all (.zip)"),
    "status.busy": ("正在识别……", "Reading…"),
    "status.ready": ("就绪", "Ready"),
    "error.title": ("无法处理", "Cannot process"),
    "error.close": ("关闭", "Close"),
    "error.network": ("服务器没有响应，请稍后再试。", "The server did not answer; try again."),
    "role.issuer": ("发文机关标志", "issuer"),
    "role.title": ("标题", "title"),
    "role.subtitle": ("副标题", "subtitle"),
    "role.docnumber": ("发文字号", "document number"),
    "role.byline": ("署名", "byline"),
    "role.addressee": ("主送机关", "addressee"),
    "role.salutation": ("称呼", "salutation"),
    "role.h1": ("一级标题", "heading 1"),
    "role.h2": ("二级标题", "heading 2"),
    "role.h3": ("三级标题", "heading 3"),
    "role.h4": ("四级标题", "heading 4"),
    "role.h5": ("五级标题", "heading 5"),
    "role.h1_runin": ("一级段首标题", "run-in heading 1"),
    "role.h2_runin": ("二级段首标题", "run-in heading 2"),
    "role.h3_runin": ("三级段首标题", "run-in heading 3"),
    "role.chapter": ("章", "chapter"),
    "role.section": ("节", "section"),
    "role.article": ("条", "article"),
    "role.runin": ("段首小标题", "run-in lead"),
    "role.body": ("正文", "body"),
    "role.closing": ("结束语", "closing"),
    "role.attachment": ("附件说明", "attachment"),
    "role.signature": ("落款", "signature"),
    "role.date": ("成文日期", "date"),
    "role.noise": ("多余内容", "noise"),
}


def choose_language(accept_language: str | None) -> str:
    """ "en" when the browser prefers English to Chinese, else "zh" (the default)."""
    best, best_weight = DEFAULT_LANGUAGE, -1.0
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        language = tag.strip().lower().split("-")[0]
        if language not in ("zh", "en"):
            continue
        weight = _quality(params) - position * 1e-6  # equal weights: the first listed wins
        if weight > best_weight:
            best, best_weight = language, weight
    return best


def _quality(params: str) -> float:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def messages(language: str) -> dict[str, str]:
    """Every message of the page in ``language`` ("zh" or "en")."""
    column = 1 if language == "en" else 0
    return {key: texts[column] for key, texts in MESSAGES.items()}
