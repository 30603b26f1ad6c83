/**
 * Plain-text rendering of a recording's findings, for terminals (`npm start` without a display,
 * and later the `handshake analyze` command line). Pure: same text whoever calls it.
 */
import type { RecordedEvent } from './events';
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

/** One finding as a readable block: title, facts, explanation, fix. */
export function formatFinding(f: Finding): string {
  const lines = [`${SEVERITY_MARK[f.severity]} ${f.title}  [${f.ruleId}] ×${f.count} (evidence: ${f.basis})`];
  const width = Math.max(0, ...f.facts.map((fact) => fact.label.length));
  for (const fact of f.facts) lines.push(`    ${fact.label.padEnd(width)}  ${fact.value}`);
  lines.push('', indent(f.explanation), '', indent(`Fix: ${f.fix}`));
  return lines.join('\n');
}

/** Reduces a log and renders every finding, or says that there is none. */
export function reportFindings(events: readonly RecordedEvent[]): { findings: Finding[]; text: string } {
  const rec = new Recording();
  rec.apply(events);
  const findings = findFindings(rec);
  const head = `${events.length} events: ${rec.requests.size} requests, ${rec.channels.size} channels, ${rec.exceptions.size} exceptions.`;
  const body = findings.length ? findings.map(formatFinding).join('\n\n') : 'No problems found.';
  return { findings, text: `${head}\n\n${body}` };
}
