import { createHash } from "node:crypto";

/**
 * The page's only style sheet and only script, both constants: nothing read from a report ever goes into
 * them. The Content-Security-Policy allows exactly this script (by its SHA-256) and inline styles, and
 * nothing else: no other script, no fetch, no image, no font, no frame, no form target.
 */

/** Score bars take their width from a class (w0 … w100): no report value ever goes into a style. */
export const PAGE_STYLE = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--soft:#f6f8fa;--pass:#aceebb;--pass-soft:#dafbe1;--pass-fg:#116329;--fail:#e5534b;--fail-soft:#ffebe9;--fail-fg:#a40e26;--warn:#f2cc60;--warn-soft:#fff8c5;--warn-fg:#7d4e00;--none:#eef1f4;--accent:#0969da}
*{box-sizing:border-box}
html{scroll-padding-top:12px}
body{margin:0;color:var(--fg);background:#fff;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
main{max-width:1320px;margin:0 auto;padding:18px 24px 56px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
h1{font-size:20px;margin:0}
h2{font-size:16px;margin:30px 0 10px;padding-bottom:5px;border-bottom:1px solid var(--line)}
h3{font-size:14px;margin:20px 0 6px}
h4{font-size:13px;margin:12px 0 4px;font-weight:600;color:var(--muted)}
p{margin:6px 0}
code,pre,.mono{font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace}
code{background:var(--soft);border-radius:4px;padding:0 4px;word-break:break-word}
.muted{color:var(--muted)}
.note{color:var(--muted);font-size:12px}
.head{display:flex;flex-wrap:wrap;align-items:center;gap:8px 14px;padding-bottom:12px;border-bottom:1px solid var(--line)}
.head .meta{flex-basis:100%;color:var(--muted);font-size:13px}
.badge{display:inline-block;padding:1px 9px;border-radius:11px;font-size:12px;font-weight:600;white-space:nowrap}
.badge.pass{background:var(--pass-soft);color:var(--pass-fg)}
.badge.fail{background:var(--fail-soft);color:var(--fail-fg)}
.badge.warn{background:var(--warn-soft);color:var(--warn-fg)}
.badge.none{background:var(--none);color:var(--muted)}
.verdict{margin:10px 0 0;padding:8px 12px;border-radius:6px;border:1px solid var(--line)}
.verdict.pass{background:var(--pass-soft);border-color:#8ddb9c}
.verdict.fail{background:var(--fail-soft);border-color:#ffaba8}
.verdict ul{margin:4px 0 0;padding-left:20px}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(118px,1fr));gap:8px;margin:10px 0}
.tile{border:1px solid var(--line);border-radius:6px;padding:7px 11px}
.tile b{display:block;font-size:20px;font-weight:600;font-variant-numeric:tabular-nums}
.tile span{color:var(--muted);font-size:12px}
.tile.fail b{color:var(--fail-fg)}.tile.warn b{color:var(--warn-fg)}.tile.pass b{color:var(--pass-fg)}
.cols{display:flex;flex-wrap:wrap;gap:12px 28px;align-items:flex-start}
table{border-collapse:collapse}
table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
table.grid th{font-size:12px;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;width:70px;height:7px;border-radius:4px;background:var(--fail-soft);vertical-align:middle;margin-right:6px;overflow:hidden}
.bar i{display:block;height:100%;background:#2da44e}
.toolbar{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:14px 0 0;padding:8px 10px;background:var(--soft);border:1px solid var(--line);border-radius:6px;font-size:13px}
.toolbar input[type=search]{flex:1 1 260px;padding:4px 8px;border:1px solid var(--line);border-radius:5px;font:inherit}
.toolbar button{padding:3px 10px;border:1px solid var(--line);border-radius:5px;background:#fff;font:inherit;cursor:pointer}
.legend{display:flex;gap:12px;font-size:12px;color:var(--muted);margin:6px 0}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin-right:4px}
.legend i.pass-key{background:var(--pass)}.legend i.warn-key{background:var(--warn)}.legend i.fail-key{background:var(--fail)}.legend i.none-key{background:var(--none)}
#rules summary{cursor:pointer}
h2.inline{display:inline-block;border:0;margin:30px 0 6px}
table.matrix th.rule.warning{font-style:italic}
.rule-index{columns:3 260px}
.matrix-wrap{width:fit-content;max-width:100%;overflow:auto;max-height:78vh;border:1px solid var(--line);border-radius:6px}
table.matrix{font-size:12px}
table.matrix thead th{position:sticky;top:0;background:#fff;z-index:2;border-bottom:1px solid var(--line)}
table.matrix th.rule{vertical-align:bottom;padding:6px 1px;font-weight:500}
table.matrix th.rule div{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;margin:0 auto}
table.matrix th.rule.off{color:var(--muted)}
table.matrix .label{position:sticky;left:0;background:#fff;z-index:1;text-align:left;padding:2px 12px 2px 10px;white-space:nowrap;font-weight:400}
table.matrix thead .label{z-index:3}
table.matrix tr.group th{background:var(--soft);text-align:left;padding:5px 10px;font-weight:600;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
table.matrix tr.group th span{font-weight:400;color:var(--muted);margin-left:8px}
table.matrix td.count b{color:var(--fail-fg)}
table.matrix td.count{padding:2px 8px;text-align:right;color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
table.matrix td.m{width:24px;min-width:24px;height:21px;padding:0;text-align:center;border:2px solid #fff;border-radius:4px;font-weight:600}
td.m.pass{background:var(--pass)}
td.m.fail{background:var(--fail)}td.m.fail a{color:#fff}
td.m.warn{background:var(--warn)}td.m.warn a{color:#3b2300}
td.m.none{background:var(--none)}
td.m a{display:block;line-height:21px}
.rule-group{margin:18px 0 26px}
.rule-group>h3{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:baseline;margin-bottom:2px}
.rule-group>h3 code{font-size:13px;font-weight:600}
.cell-group{margin:8px 0 12px}
details.card{border:1px solid var(--line);border-radius:6px;margin:4px 0;background:#fff}
details.card[open]{box-shadow:0 1px 3px rgba(31,35,40,.08)}
details.card>summary{cursor:pointer;padding:5px 10px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
details.card>summary::marker{color:var(--muted)}
details.card>summary .msg{flex:1 1 360px;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:var(--fg)}
.card-body{padding:4px 12px 12px;border-top:1px solid var(--line)}
.facts{display:flex;flex-wrap:wrap;gap:4px 18px;font-size:12px;color:var(--muted);margin:6px 0}
.facts b{color:var(--fg);font-weight:600}
table.findings{width:100%;font-size:12.5px;margin:4px 0 8px}
table.findings td{word-break:break-word}
table.findings tr.this td{background:#fffdf2}
.where{white-space:nowrap}
pre.body{margin:4px 0 0;padding:8px 10px;background:var(--soft);border:1px solid var(--line);border-radius:6px;max-height:520px;overflow:auto;white-space:pre-wrap;word-break:break-all}
pre.body mark{background:#fff0a8;outline:1px solid #d4a72c;border-radius:2px;color:inherit}
.k{color:#0550ae}.s{color:#0a3069}.n{color:#953800}.l{color:#8250df}
.more{margin:6px 0;color:var(--muted);font-style:italic}
ul.plain{margin:6px 0;padding-left:20px}
ul.plain li{margin:2px 0}
[hidden]{display:none!important}
${Array.from({ length: 101 }, (_, i) => `.bar i.w${i}{width:${i}%}`).join("")}
`;

/** Progressive enhancement only: without it the page is complete (details open natively). */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  function openAncestors(el) {
    for (var n = el; n; n = n.parentElement) if (n.tagName === "DETAILS") n.open = true;
  }
  function reveal() {
    var id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;
    }
    var el = id ? document.getElementById(id) : null;
    if (!el) return;
    openAncestors(el);
    var card = el.querySelector("details.card");
    if (card) card.open = true;
    el.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  var bar = document.getElementById("toolbar");
  if (!bar) return;
  bar.hidden = false;
  var filter = document.getElementById("filter");
  var failingOnly = document.getElementById("failing-only");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#matrix tr.row"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("#matrix tr.group"));
  var cards = Array.prototype.slice.call(document.querySelectorAll("details.card"));
  var cells = Array.prototype.slice.call(document.querySelectorAll(".cell-group"));
  var rules = Array.prototype.slice.call(document.querySelectorAll(".rule-group"));
  function text(el) {
    if (el.__text === undefined) {
      var parts = el.querySelectorAll("summary, .facts, table.findings");
      var t = el.getAttribute("data-label") || "";
      for (var i = 0; i < parts.length; i++) t += " " + parts[i].textContent;
      el.__text = t.toLowerCase();
    }
    return el.__text;
  }
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var only = failingOnly.checked;
    rows.forEach(function (row) {
      var bad = row.classList.contains("has-fail") || row.classList.contains("has-warn");
      row.hidden = (only && !bad) || (q !== "" && text(row).indexOf(q) < 0);
    });
    groups.forEach(function (g) {
      var any = false;
      for (var n = g.nextElementSibling; n && !n.classList.contains("group"); n = n.nextElementSibling)
        if (!n.hidden) any = true;
      g.hidden = !any;
    });
    cards.forEach(function (card) {
      card.hidden = q !== "" && text(card).indexOf(q) < 0;
    });
    cells.forEach(function (cell) {
      cell.hidden = q !== "" && !cell.querySelector("details.card:not([hidden])") && text(cell).indexOf(q) < 0;
    });
    rules.forEach(function (rule) {
      rule.hidden = q !== "" && !rule.querySelector(".cell-group:not([hidden])");
    });
  }
  filter.addEventListener("input", apply);
  failingOnly.addEventListener("change", apply);
  document.getElementById("expand-all").addEventListener("click", function () {
    cards.forEach(function (c) { if (!c.hidden) c.open = true; });
  });
  document.getElementById("collapse-all").addEventListener("click", function () {
    cards.forEach(function (c) { c.open = false; });
  });
  apply();
})();
`;

/** The CSP source that allows PAGE_SCRIPT and nothing else. */
export const PAGE_SCRIPT_HASH = `sha256-${createHash("sha256").update(PAGE_SCRIPT, "utf8").digest("base64")}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src '${PAGE_SCRIPT_HASH}'`,
  "img-src 'none'",
  "font-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
