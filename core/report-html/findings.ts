/**
 * The findings part of the HTML report: each finding with its facts, explanation, fix, fix
 * examples, evidence and occurrences; a finding's consequences nested under it (cause first).
 * The findings are already redacted; every text is escaped here.
 */
import { messagesFor, type Locale } from '../i18n';
import type { Finding } from '../model';
import { causeFirst, type FindingNode } from '../report';
import { escapeHtml as e } from './escape';

const SEVERITY_MARK = { error: '✖', warning: '▲', info: 'ℹ' } as const;

function findingHtml(f: Finding, locale: Locale, cause: Finding | undefined): string {
  const m = messagesFor(locale).report;
  const h = m.html;
  const seen = f.count > 1 ? ` · ${e(m.seen({ count: f.count }))}` : '';
  const parts = [
    `<h3><span class="mark ${f.severity}" aria-hidden="true">${SEVERITY_MARK[f.severity]}</span> ${e(f.title)}</h3>`,
    `<p class="meta"><code>${e(f.ruleId)}</code> · ${e(m.basis[f.basis])}${seen}</p>`,
  ];
  if (cause) parts.push(`<p class="meta">${e(h.causedBy({ title: cause.title }))}</p>`);
  if (f.facts.length > 0) {
    const rows = f.facts.map(
      (fact) => `<tr><th scope="row">${e(fact.label)}</th><td>${e(fact.value)}</td></tr>`,
    );
    parts.push(`<table class="facts" aria-label="${e(h.facts)}">${rows.join('')}</table>`);
  }
  parts.push(`<p class="explanation">${e(f.explanation)}</p>`);
  parts.push(`<p class="fix"><strong>${e(m.fix)}</strong> ${e(f.fix)}</p>`);
  if (f.fixSnippets.length > 0) {
    const snippets = f.fixSnippets.map(
      (s) => `<details><summary>${e(s.label)}</summary><pre><code>${e(s.code)}</code></pre></details>`,
    );
    parts.push(`<div class="snippets"><p class="meta">${e(h.fixSnippets)}</p>${snippets.join('')}</div>`);
  }
  if (f.evidence.length > 0) {
    const items = f.evidence.map((ev) => `<li class="mono">${e(ev.label)}</li>`);
    parts.push(`<p class="meta">${e(h.evidence)}</p><ul>${items.join('')}</ul>`);
  }
  if (f.occurrences && f.occurrences.length > 0) {
    const items = f.occurrences.map((o) => `<li>${e(o.label)}</li>`);
    parts.push(`<p class="meta">${e(h.occurrences)}</p><ul>${items.join('')}</ul>`);
  }
  return parts.join('\n');
}

function nodeHtml(node: FindingNode, locale: Locale, cause?: Finding): string {
  const f = node.finding;
  let html = `<article class="finding ${f.severity}" data-rule="${e(f.ruleId)}">\n${findingHtml(f, locale, cause)}`;
  if (node.consequences.length > 0) {
    const m = messagesFor(locale).report;
    const under = node.consequences.map((c) => nodeHtml(c, locale, f)).join('\n');
    html += `\n<div class="consequences"><p class="label">${e(m.consequences)}</p>\n${under}\n</div>`;
  }
  return `${html}\n</article>`;
}

/**
 * The findings section: causes first, consequences nested under them, or "No problems found"
 * (saying that skipped entries were not checked, when some were).
 * @param findings Redacted findings, in any order.
 * @param locale The language of the added words.
 * @param skipped How many entries of the file were skipped on import.
 */
export function findingsHtml(findings: readonly Finding[], locale: Locale, skipped: number): string {
  const m = messagesFor(locale).report;
  const head = `<section id="findings"><h2>${e(m.html.findings({ count: findings.length }))}</h2>`;
  if (findings.length === 0) {
    const none = skipped > 0 ? m.noProblemsSkipped({ skipped }) : m.noProblems;
    return `${head}<p>${e(none)}</p></section>`;
  }
  const body = causeFirst(findings)
    .map((node) => nodeHtml(node, locale))
    .join('\n');
  return `${head}\n${body}\n</section>`;
}
