/**
 * Plain-text rendering of a recording's findings, for terminals (`handshake analyze`, and
 * `npm start` without a display). Pure: same text whoever calls it, in the locale asked for
 * (English by default). Causes come first, their consequences under them; durations are in
 * human units. Redaction is the caller's (the command line passes redacted findings).
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

/** `1.5` in English, `1,5` in Russian. */
function decimal(value: number, locale: Locale): string {
  const text = value.toFixed(1).replace(/\.0$/, '');
  return locale === 'ru' ? text.replace('.', ',') : text;
}

/**
 * A duration in the unit a person reads: `850 ms`, `1.2 s`, `3 min`, `3 min 20 s`, `1 h 5 min`
 * (`850 мс`, `1,2 с`, … in Russian).
 * @param ms The duration in milliseconds.
 * @param locale The language of the units.
 */
export function humanDuration(ms: number, locale: Locale = 'en'): string {
  const m = messagesFor(locale).report.duration;
  const value = Math.max(0, ms);
  if (value < 1000) return m.ms({ value: Math.round(value) });
  if (value < 60_000) return m.s({ value: decimal(value / 1000, locale) });
  const seconds = Math.round(value / 1000);
  if (seconds < 3600) {
    const min = Math.floor(seconds / 60);
    const s = seconds % 60;
    return s === 0 ? m.min({ value: min }) : m.minS({ min, s });
  }
  const minutes = Math.round(seconds / 60);
  return m.h({ h: Math.floor(minutes / 60), min: minutes % 60 });
}

/** A finding with the findings it caused under it. */
export interface FindingNode {
  finding: Finding;
  consequences: FindingNode[];
}

/**
 * The findings as a forest, causes first: a finding whose `causedBy` names another finding of
 * the list goes under that one (the first it names that is present), whatever order the rules
 * produced. Each finding appears exactly once; a cycle of causes is broken where it is found.
 * @param findings The findings of one recording.
 */
export function causeFirst(findings: readonly Finding[]): FindingNode[] {
  const nodes = findings.map((finding): FindingNode => ({ finding, consequences: [] }));
  const byKey = new Map<string, number>();
  findings.forEach((f, i) => {
    if (!byKey.has(f.key)) byKey.set(f.key, i);
  });
  const parent = new Map<number, number>();
  findings.forEach((f, i) => {
    for (const key of f.causedBy ?? []) {
      const p = byKey.get(key);
      if (p !== undefined && p !== i) {
        parent.set(i, p);
        break;
      }
    }
  });
  // A loop of causes (A caused by B caused by A) would hide all of its members: cut it at the
  // first member met, which then stands as a root.
  for (let i = 0; i < findings.length; i++) {
    const seen = new Set<number>([i]);
    for (let p = parent.get(i); p !== undefined; p = parent.get(p)) {
      if (p === i) {
        parent.delete(i);
        break;
      }
      if (seen.has(p)) break;
      seen.add(p);
    }
  }
  const roots: FindingNode[] = [];
  nodes.forEach((node, i) => {
    const p = parent.get(i);
    if (p === undefined) roots.push(node);
    else nodes[p].consequences.push(node);
  });
  return roots;
}

/**
 * One finding as a readable block: title, where the verdict came from, facts, explanation,
 * fix. The finding's own texts are already in its language; `locale` is for the words added here.
 */
export function formatFinding(f: Finding, locale: Locale = 'en'): string {
  const m = messagesFor(locale).report;
  const seen = f.count > 1 ? `, ${m.seen({ count: f.count })}` : '';
  const lines = [`${SEVERITY_MARK[f.severity]} ${f.title}`, `    [${f.ruleId}] ${m.basis[f.basis]}${seen}`];
  const width = f.facts.reduce((w, fact) => Math.max(w, fact.label.length), 0);
  for (const fact of f.facts) lines.push(`    ${fact.label.padEnd(width)}  ${fact.value}`);
  lines.push('', indent(f.explanation), '', indent(`${m.fix} ${f.fix}`));
  return lines.join('\n');
}

function formatNode(node: FindingNode, locale: Locale): string {
  const m = messagesFor(locale).report;
  const own = formatFinding(node.finding, locale);
  if (node.consequences.length === 0) return own;
  const under = node.consequences.map((c) => {
    const [first, ...rest] = formatNode(c, locale).split('\n');
    return indent([`↳ ${first}`, indent(rest.join('\n'), '  ')].join('\n'));
  });
  return `${own}\n\n    ${m.consequences}\n${under.join('\n\n')}`;
}

/**
 * Every finding, causes first with their consequences indented under them, or "No problems
 * found" (saying that skipped entries were not checked, when some were).
 * @param findings The findings, in any order.
 * @param locale The language of the added words.
 * @param skipped How many entries of the file were skipped on import.
 */
export function formatFindings(findings: readonly Finding[], locale: Locale = 'en', skipped = 0): string {
  const m = messagesFor(locale).report;
  if (findings.length === 0) return skipped > 0 ? m.noProblemsSkipped({ skipped }) : m.noProblems;
  return causeFirst(findings)
    .map((node) => formatNode(node, locale))
    .join('\n\n');
}

/** Reduces a log and renders every finding, or says that there is none, in `locale`. */
export function reportFindings(
  events: readonly RecordedEvent[],
  locale: Locale = 'en',
): { findings: Finding[]; text: string } {
  const m = messagesFor(locale).report;
  const rec = new Recording();
  rec.apply(events);
  const findings = findFindings(rec, undefined, { locale });
  const head = m.head({
    events: events.length,
    requests: rec.requests.size,
    channels: rec.channels.size,
    exceptions: rec.exceptions.size,
  });
  return { findings, text: `${head}\n\n${formatFindings(findings, locale)}` };
}
