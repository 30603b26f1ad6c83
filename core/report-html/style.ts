/**
 * The report's stylesheet, inlined so the file is self-contained: DevTools-like (system font,
 * 12px monospace tables, thin borders, coloured severity marks), light or dark as the reader's
 * system prefers. No captured text is ever put in here.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #fff; --fg: #1f1f1f; --muted: #5f6368; --border: #e0e0e0; --band: #f3f3f3;
  --error: #d93025; --warning: #b06000; --info: #1a73e8; --code: #f8f9fa;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #202124; --fg: #e8eaed; --muted: #9aa0a6; --border: #3c4043; --band: #292a2d;
    --error: #f28b82; --warning: #fdd663; --info: #8ab4f8; --code: #2a2b2e;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; padding: 16px 24px 48px; background: var(--bg); color: var(--fg);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
h1 { font-size: 18px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 24px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
h3 { font-size: 14px; margin: 0; }
p { margin: 6px 0; }
.muted, .meta { color: var(--muted); }
code, pre, .mono, table.rows { font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
pre { background: var(--code); border: 1px solid var(--border); padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 2px 8px; border-bottom: 1px solid var(--border); }
th { background: var(--band); font-weight: 600; }
td { word-break: break-word; }
table.rows td:nth-child(-n+2), table.rows td:nth-child(5) { white-space: nowrap; word-break: normal; }
table.summary th { width: 14em; background: none; font-weight: normal; color: var(--muted); }
.finding { border: 1px solid var(--border); border-left: 4px solid var(--info); border-radius: 4px; padding: 8px 12px; margin: 10px 0; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.mark.error { color: var(--error); } .mark.warning { color: var(--warning); } .mark.info { color: var(--info); }
.explanation, .fix { white-space: pre-wrap; }
.consequences { margin: 8px 0 0 16px; }
.consequences > .label { color: var(--muted); font-weight: 600; }
table.facts th { width: 16em; background: none; font-weight: normal; color: var(--muted); border: none; }
table.facts td { border: none; }
tr.failed td { color: var(--error); }
.more { color: var(--muted); font-style: italic; padding: 4px 8px; }
details { margin: 6px 0; }
summary { cursor: pointer; }
.dir-send { color: var(--info); } .dir-receive { color: var(--muted); }
`;
