// The workbench page: plain JavaScript, no build step. The server does all the work
// (/api/parse, /api/convert, /api/preview); this file keeps the page's state and draws it.
"use strict";

const CONFIG = JSON.parse(document.getElementById("config").textContent);
const T = CONFIG.messages;
const $ = (id) => document.getElementById(id);

// Roles grouped into the colour families of app.css.
const FAMILIES = {
  issuer: "head", title: "head", subtitle: "head", docnumber: "head", byline: "head",
  addressee: "address", salutation: "address",
  h1: "heading", h2: "heading", h3: "heading", h4: "heading", h5: "heading",
  chapter: "heading", section: "heading", article: "heading",
  h1_runin: "runin", h2_runin: "runin", h3_runin: "runin", runin: "runin",
  body: "body", closing: "end", attachment: "end", signature: "end", date: "end",
  noise: "noise",
};

const state = {
  sources: [],      // {id, name, file (a File) or null for the pasted text, roles, failed}
  current: null,    // id of the source shown
  fix: false,
  styleFile: null,
  template: null,
  result: null,     // the last /api/parse answer for the current source
  previewStale: true,
  busy: 0,
  ticket: 0,        // answers to older requests are dropped
};
let nextId = 1;

function format(message, values) {
  return message.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

function roleLabel(role) {
  return T["role." + role] || role;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// ---- talking to the server ----------------------------------------------------------------

function settingsForm(form) {
  form.append("style", $("style").value);
  if (state.styleFile) form.append("style_file", state.styleFile);
  if (state.template) form.append("template", state.template);
  form.append("meta", JSON.stringify(metaValues()));
  form.append("fix", state.fix ? "1" : "0");
  form.append("drop_noise", $("drop-noise").checked ? "1" : "0");
  return form;
}

function sourceForm(sources) {
  const form = settingsForm(new FormData());
  for (const source of sources) {
    if (source.file) form.append("file", source.file, source.name);
    else form.append("text", $("text").value);
  }
  // The server reads the pasted text first, then the files: the roles follow that order.
  const ordered = [...sources.filter((s) => !s.file), ...sources.filter((s) => s.file)];
  for (const source of ordered) form.append("roles", JSON.stringify(source.roles));
  return form;
}

async function post(path, form) {
  let response;
  try {
    response = await fetch(path, { method: "POST", body: form });
  } catch (error) {
    throw new Error(T["error.network"]);
  }
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

async function busy(work) {
  state.busy += 1;
  drawStatus();
  try {
    return await work();
  } finally {
    state.busy -= 1;
    drawStatus();
  }
}

function drawStatus() {
  $("status").textContent = state.busy ? T["status.busy"] : T["status.ready"];
  $("status").classList.toggle("working", state.busy > 0);
}

// ---- errors -------------------------------------------------------------------------------

function showError(message) {
  $("error-text").textContent = message;
  $("error").hidden = false;
}

function clearError() {
  $("error").hidden = true;
}

// ---- sources --------------------------------------------------------------------------------

function currentSource() {
  return state.sources.find((s) => s.id === state.current) || null;
}

function pastedSource() {
  return state.sources.find((s) => !s.file) || null;
}

function syncPasted() {
  const text = $("text").value;
  let pasted = pastedSource();
  if (text.trim() && !pasted) {
    pasted = { id: nextId++, name: T["input.pasted"], file: null, roles: {}, failed: false };
    state.sources.unshift(pasted);
  } else if (!text.trim() && pasted) {
    state.sources = state.sources.filter((s) => s !== pasted);
    pasted = null;
  }
  if (pasted) {
    pasted.roles = {};  // line numbers of an edited text no longer hold
    state.current = pasted.id;
  } else if (!currentSource()) {
    state.current = state.sources.length ? state.sources[0].id : null;
  }
}

function addFiles(files) {
  let first = null;
  for (const file of files) {
    const source = { id: nextId++, name: file.name, file, roles: {}, failed: false };
    state.sources.push(source);
    first = first || source;
  }
  if (first) {
    state.current = first.id;
    analyze();
  }
}

function removeSource(source) {
  state.sources = state.sources.filter((s) => s !== source);
  if (!source.file) $("text").value = "";
  if (state.current === source.id) {
    state.current = state.sources.length ? state.sources[0].id : null;
  }
  analyze();
}

function drawSources() {
  const list = $("sources");
  list.replaceChildren(...state.sources.map((source) => element("li",
    {
      class: "source" + (source.id === state.current ? " current" : "") +
        (source.failed ? " failed" : ""),
      title: source.failed ? T["sources.failed"] : source.name,
      onclick: () => { state.current = source.id; analyze(); },
    },
    element("span", { class: "icon" }, source.file ? (/\.do[ct][xm]$/i.test(source.name) ? "W" : "T") : "✎"),
    element("span", { class: "name" }, source.name),
    element("button", {
      class: "link remove", type: "button", title: T["settings.remove"],
      onclick: (event) => { event.stopPropagation(); removeSource(source); },
    }, "×"),
  )));
  const many = state.sources.length > 1;
  $("download-zip").hidden = !many;
  $("download-docx").disabled = !currentSource() || currentSource().failed;
  $("download-pdf").disabled = $("download-docx").disabled || !CONFIG.office;
}

// ---- reading the current source -------------------------------------------------------------

async function analyze() {
  drawSources();
  const source = currentSource();
  const ticket = ++state.ticket;
  if (!source) {
    state.result = null;
    drawResult();
    return;
  }
  try {
    const response = await busy(() => post("/api/parse", sourceForm([source])));
    const result = await response.json();
    if (ticket !== state.ticket) return;
    source.failed = false;
    state.result = result;
    state.previewStale = true;
    clearError();
  } catch (error) {
    if (ticket !== state.ticket) return;
    source.failed = true;
    state.result = null;
    showError(error.message);
  }
  drawSources();
  drawResult();
}

function drawResult() {
  drawLines();
  drawOutline();
  drawFindings();
  if (activeTab() === "preview") loadPreview();
  else if (!state.result) clearPreview();
}

function drawLines() {
  const list = $("lines");
  const result = state.result;
  if (!result) {
    list.replaceChildren(element("li", { class: "empty" }, T["lines.empty"]));
    $("line-count").textContent = "";
    return;
  }
  const close = new Set(result.close_calls);
  const flagged = new Set(result.findings.map((f) => f.line));
  const roles = currentSource().roles;
  list.replaceChildren(...result.document.lines.map((line) =>
    lineItem(line, close.has(line.line), flagged.has(line.line), line.line in roles)));
  $("line-count").textContent = format(T["lines.count"], { count: result.document.lines.length });
}

function lineItem(line, isClose, isFlagged, isOverridden) {
  const tag = element("button", {
    class: "tag " + (FAMILIES[line.role] || "other"),
    type: "button",
    dataset: { role: line.role },
    onclick: (event) => openMenu(event.currentTarget, line),
  }, roleLabel(line.role));
  const notes = [];
  if (isClose) {
    notes.push(format(T["lines.close"], {
      other: roleLabel(line.runner_up), confidence: line.confidence.toFixed(2),
    }));
    tag.append(element("span", { class: "q" }, "?"));
  }
  if (isOverridden) notes.push(T["lines.overridden"]);
  const text = element("span", { class: "text" });
  if (line.lead && line.text.startsWith(line.lead)) {
    text.append(element("b", {}, line.lead), line.text.slice(line.lead.length));
  } else {
    text.textContent = line.text;
  }
  const classes = ["line", "role-" + line.role];
  if (isClose) classes.push("close");
  if (isFlagged) classes.push("flagged");
  if (isOverridden) classes.push("overridden");
  // Line 0: a paragraph the header/imprint form added; it has no line of its own to set.
  if (!line.line) tag.disabled = true;
  return element("li", {
    ...(line.line ? { id: "line-" + line.line } : {}),
    class: classes.join(" "), dataset: { line: line.line }, title: notes.join(" · "),
  }, element("span", { class: "number" }, line.line ? String(line.line) : "·"), tag, text);
}

// ---- the role menu --------------------------------------------------------------------------

function openMenu(anchor, line) {
  const menu = $("role-menu");
  const roles = currentSource().roles;
  const items = CONFIG.roles.map((role) => element("button", {
    class: "menu-item" + (role === line.role ? " chosen" : ""),
    type: "button", role: "menuitem", dataset: { role },
    onclick: () => setRole(line.line, role),
  }, element("span", { class: "swatch " + (FAMILIES[role] || "other") }), roleLabel(role),
  element("code", {}, role)));
  if (line.line in roles) {
    items.unshift(element("button", {
      class: "menu-item auto", type: "button", role: "menuitem",
      onclick: () => setRole(line.line, null),
    }, "↺ " + T["menu.auto"]));
  }
  menu.replaceChildren(...items);
  menu.hidden = false;
  const box = anchor.getBoundingClientRect();
  const top = Math.min(box.bottom + 4, window.innerHeight - menu.offsetHeight - 8);
  menu.style.top = Math.max(8, top) + "px";
  menu.style.left = Math.min(box.left, window.innerWidth - menu.offsetWidth - 8) + "px";
}

function closeMenu() {
  $("role-menu").hidden = true;
}

function setRole(line, role) {
  closeMenu();
  const roles = currentSource().roles;
  if (role === null) delete roles[line];
  else roles[line] = role;
  analyze();
}

// ---- outline and findings -------------------------------------------------------------------

function drawOutline() {
  const list = $("outline");
  const entries = state.result ? state.result.outline : [];
  if (!entries.length) {
    list.replaceChildren(element("li", { class: "empty" }, T["outline.empty"]));
    return;
  }
  list.replaceChildren(...entries.map((entry) => element("li", {
    class: "entry " + (FAMILIES[entry.role] || "other"),
    style: `padding-left: ${0.6 + entry.depth * 1.2}em`,
    onclick: () => showLine(entry.line),
  }, element("span", { class: "kind" }, roleLabel(entry.role)),
  element("span", { class: "text" }, entry.text))));
}

function drawFindings() {
  const findings = state.result ? state.result.findings : [];
  $("check-count").textContent = findings.length ? String(findings.length) : "";
  const fixable = findings.some((f) => CONFIG.fixable.includes(f.code));
  $("fix").hidden = state.fix || !fixable;
  $("fixed").hidden = !state.fix;
  const list = $("findings");
  if (!findings.length) {
    list.replaceChildren(element("li", { class: "empty" }, T["checks.none"]));
    return;
  }
  list.replaceChildren(...findings.map((finding) => element("li", {
    class: "finding " + finding.severity, dataset: { line: finding.line },
    onclick: () => showLine(finding.line),
  }, element("span", { class: "severity" }, T["severity." + finding.severity] || finding.severity),
  element("span", { class: "where" }, format(T["checks.line"], { line: finding.line })),
  element("span", { class: "message" }, finding.message),
  element("code", {}, finding.code))));
}

function showLine(number) {
  const item = $("line-" + number) || nearestLine(number);
  if (!item) return;
  item.scrollIntoView({ block: "center", behavior: "smooth" });
  item.classList.remove("flash");
  void item.offsetWidth;  // restart the animation
  item.classList.add("flash");
}

function nearestLine(number) {
  const items = [...document.querySelectorAll("#lines .line")];
  return items.find((item) => Number(item.dataset.line) >= number) || items[items.length - 1];
}

// ---- preview --------------------------------------------------------------------------------

function clearPreview(note = T["preview.empty"]) {
  $("pages").replaceChildren();
  $("preview-note").textContent = note;
  $("preview-note").hidden = false;
}

async function loadPreview() {
  if (!CONFIG.office) {
    clearPreview(T["preview.no_office"]);
    $("preview-note").classList.add("warning");
    return;
  }
  const source = currentSource();
  if (!source || !state.result || !state.previewStale) return;
  state.previewStale = false;
  const ticket = state.ticket;
  clearPreview(T["preview.loading"]);
  try {
    const response = await busy(() => post("/api/preview", sourceForm([source])));
    const { pages } = await response.json();
    if (ticket !== state.ticket) return;
    $("preview-note").hidden = true;
    $("pages").replaceChildren(...pages.map((url, n) => element("figure", { class: "page" },
      element("img", { src: url, alt: format(T["preview.page"], { page: n + 1 }) }),
      element("figcaption", {}, format(T["preview.page"], { page: n + 1 })))));
  } catch (error) {
    if (ticket !== state.ticket) return;
    state.previewStale = true;
    clearPreview("");
    showError(error.message);
  }
}

// ---- tabs -------------------------------------------------------------------------------

function activeTab() {
  return document.querySelector(".tab.active").dataset.tab;
}

function showTab(name) {
  for (const tab of document.querySelectorAll(".tab")) {
    tab.classList.toggle("active", tab.dataset.tab === name);
  }
  for (const pane of ["outline", "checks", "preview"]) $("tab-" + pane).hidden = pane !== name;
  if (name === "preview") loadPreview();
}

// ---- downloads ----------------------------------------------------------------------------

async function download(sources, format) {
  const form = sourceForm(sources);
  if (format) form.append("format", format);
  try {
    const response = await busy(() => post("/api/convert", form));
    const blob = await response.blob();
    const link = element("a", { href: URL.createObjectURL(blob), download: fileName(response) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    clearError();
  } catch (error) {
    showError(error.message);
  }
}

function fileName(response) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = header.match(/filename\*=UTF-8''([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "document.docx";
}

// ---- settings -----------------------------------------------------------------------------

function drawSettings() {
  $("style").replaceChildren(...CONFIG.styles.map((style) => element("option",
    { value: style.name, title: style.name, ...(style.default ? { selected: "" } : {}) },
    (T["style." + style.name] || style.description) +
    (style.default ? ` · ${T["style.default"]}` : ""))));
  const english = CONFIG.language === "en";
  $("meta").replaceChildren(...CONFIG.meta_fields.map((field) => element("label",
    { class: "field" },
    element("span", {}, field.key, english ? element("small", {}, field.field.replace("_", " ")) : null),
    element("input", { type: "text", name: field.key, "data-field": field.field }))));
}

function metaValues() {
  const values = {};
  for (const input of $("meta").querySelectorAll("input")) {
    if (input.value.trim()) values[input.name] = input.value.trim();
  }
  return values;
}

function chooseUpload(input, key, label, clear) {
  input.addEventListener("change", () => {
    state[key] = input.files[0] || null;
    $(label).textContent = state[key] ? state[key].name : T["settings.none"];
    $(clear).hidden = !state[key];
    analyze();
  });
  $(clear).addEventListener("click", () => {
    state[key] = null;
    input.value = "";
    $(label).textContent = T["settings.none"];
    $(clear).hidden = true;
    analyze();
  });
}

function debounce(action, wait) {
  let timer = null;
  return () => { clearTimeout(timer); timer = setTimeout(action, wait); };
}

// ---- wiring ---------------------------------------------------------------------------------

function wire() {
  const reread = debounce(() => { syncPasted(); analyze(); }, 400);
  $("text").addEventListener("input", reread);
  $("files").addEventListener("change", (event) => {
    addFiles([...event.target.files]);
    event.target.value = "";
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    addFiles([...event.dataTransfer.files]);
  });
  // A file dropped beside the drop zone must not make the browser leave the page.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());
  $("style").addEventListener("change", analyze);
  $("drop-noise").addEventListener("change", () => { state.previewStale = true; analyze(); });
  chooseUpload($("style-file"), "styleFile", "style-file-name", "style-file-clear");
  chooseUpload($("template"), "template", "template-name", "template-clear");
  $("meta").addEventListener("input", debounce(analyze, 500));
  $("meta").addEventListener("submit", (event) => event.preventDefault());
  $("fix").addEventListener("click", () => { state.fix = true; analyze(); });
  $("unfix").addEventListener("click", () => { state.fix = false; analyze(); });
  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => showTab(tab.dataset.tab));
  }
  $("download-docx").addEventListener("click", () => download([currentSource()]));
  $("download-pdf").addEventListener("click", () => download([currentSource()], "pdf"));
  // Files already known to be unreadable stay out of the .zip; the rest still come back.
  $("download-zip").addEventListener("click", () => download(state.sources.filter((s) => !s.failed)));
  $("error-close").addEventListener("click", clearError);
  document.addEventListener("click", (event) => {
    if (!event.target.closest("#role-menu, .tag")) closeMenu();
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") closeMenu(); });
}

drawSettings();
wire();
drawSources();
