/**
 * Plain-text rendering of a recording's findings, for terminals (`npm start` without a display,
 * and later the `handshake analyze` command line). Pure: same text whoever calls it, in the
 * locale asked for (English by default).
 */
import type { RecordedEvent } from './events';
import { messagesFor, type Locale } from './i18n';
import type { Finding } from './model';
import { Recording } from './reducer';
import { findFindings } from './rules';

const SEVERITY_MARK = { error: '✖', warning: '▲', info: 'ℹ' } as const;

function indent(text: string, pad = '    '): string {
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/**
 * One finding as a readable block: title, facts, explanation, fix. The finding's own texts are
 * already in its language; `locale` is for the labels added here.
 */
export function formatFinding(f: Finding, locale: Locale = 'en'): string {
  const m = messagesFor(locale).rulesAuth.report;
  const lines = [
    `${SEVERITY_MARK[f.severity]} ${f.title}  [${f.ruleId}] ×${f.count} ${m.basis({ basis: f.basis })}`,
  ];
  const width = f.facts.reduce((w, fact) => Math.max(w, fact.label.length), 0);
  for (const fact of f.facts) lines.push(`    ${fact.label.padEnd(width)}  ${fact.value}`);
  lines.push('', indent(f.explanation), '', indent(`${m.fix} ${f.fix}`));
  return lines.join('\n');
}

/** Reduces a log and renders every finding, or says that there is none, in `locale`. */
export function reportFindings(
  events: readonly RecordedEvent[],
  locale: Locale = 'en',
): { findings: Finding[]; text: string } {
  const m = messagesFor(locale).rulesAuth.report;
  const rec = new Recording();
  rec.apply(events);
  const findings = findFindings(rec, undefined, { locale });
  const head = m.head({
    events: events.length,
    requests: rec.requests.size,
    channels: rec.channels.size,
    exceptions: rec.exceptions.size,
  });
  const body = findings.length ? findings.map((f) => formatFinding(f, locale)).join('\n\n') : m.noProblems;
  return { findings, text: `${head}\n\n${body}` };
}
