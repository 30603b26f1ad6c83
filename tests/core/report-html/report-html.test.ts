/** The HTML report builder and the text report's wording, as pure functions over real imports. */
import { describe, expect, it } from 'vitest';
import { exportHar, importHarText } from '../../../core/har';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { causeFirst, formatFindings, humanDuration } from '../../../core/report';
import { reportHtmlText, type ReportInput } from '../../../core/report-html';
import { findFindings } from '../../../core/rules';
import { MARKUP, SECRETS, secretHar } from '../../cli/secret-har';

function input(text: string, extra: Partial<ReportInput> = {}): ReportInput {
  const result = importHarText(text);
  const recording = new Recording();
  recording.apply(result.events);
  return {
    recording,
    findings: findFindings(recording),
    file: {
      name: 'in.har',
      creator: result.creator.name,
      skipped: result.skipped,
      warnings: result.warnings,
    },
    locale: 'en',
    writtenAt: Date.UTC(2026, 11, 5, 13, 0),
    ...extra,
  };
}

function finding(key: string, causedBy?: string[]): Finding {
  return {
    ruleId: `test/${key}`,
    key,
    severity: 'error',
    title: `Title ${key}`,
    explanation: `Explanation ${key}`,
    fix: `Fix ${key}`,
    fixSnippets: [],
    facts: [],
    evidence: [],
    count: 1,
    firstTime: 0,
    basis: 'har',
    ...(causedBy ? { causedBy } : {}),
  };
}

describe('reportHtml', () => {
  const html = reportHtmlText(input(secretHar()));

  it('shows the findings, the timeline and the channel with its frames', () => {
    expect(html).toContain('Request header &quot;authorization&quot; was refused');
    expect(html).toContain('<section id="timeline"><h2>Requests (6)</h2>');
    expect(html).toContain('HeaderDisallowedByPreflightResponse (authorization)');
    expect(html).toMatch(/WebSocket wss:\/\/rt\.api\.test\/ws\?token=\[redacted:token#\d\]/);
    expect(html).toContain('Unknown api key');
    expect(html).toContain('1 of 8 entries was skipped: 1 × request.url is missing or empty.');
  });

  it('holds no secret, and uses the export’s placeholders', () => {
    const leaked = Object.values(SECRETS).filter((s) => html.includes(s));
    expect(leaked).toEqual([]);
    const exported = [...exportHar(importHarText(secretHar()).events)].join('');
    for (const placeholder of html.match(/\[redacted:[a-z_-]+#\d+\]/g) ?? [])
      expect(exported, placeholder).toContain(placeholder);
    expect(html).toContain('[redacted:api_key#1]');
  });

  it('escapes captured markup in URLs, headers and frames', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('&amp;q=&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(MARKUP.img).toContain('<img');
  });

  it('loads nothing: no external URL in an attribute, a CSP that forbids scripts and fetches', () => {
    // Escaped text has no `<`: every tag is ours, and none of ours points anywhere.
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href|action|srcset|style)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('caps the rows and frames it shows, and says how many more there are', () => {
    const capped = reportHtmlText(input(secretHar(), { maxRows: 2, maxFailedRows: 3, maxFrames: 1 }));
    expect(capped.match(/<tr(?: class="failed")?><td>\+/g)?.length).toBe(3 + 1);
    expect(capped).toContain('3 more requests not shown');
    expect(capped).toContain('2 more not shown');
  });

  it('writes Russian', () => {
    const ru = reportHtmlText(input(secretHar(), { locale: 'ru' }));
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Запросы (6)');
    expect(ru).toContain('Пропущена 1 запись из 8');
  });

  it('says "No problems found" only without findings, and that skipped entries were not checked', () => {
    const empty = reportHtmlText({ ...input(secretHar()), findings: [] });
    expect(empty).toContain(
      'No problems found in the entries that were read (1 skipped entry was not checked).',
    );
    expect(html).not.toContain('No problems found');
  });

  it('puts a consequence inside its cause, whatever the order', () => {
    const cause = finding('cause');
    const effect = finding('effect', ['cause']);
    const out = reportHtmlText({ ...input(secretHar()), findings: [effect, cause] });
    const causeAt = out.indexOf('Title cause');
    const effectAt = out.indexOf('Title effect');
    expect(causeAt).toBeGreaterThan(0);
    expect(effectAt).toBeGreaterThan(causeAt);
    expect(out.slice(causeAt, effectAt)).toContain('Because of this:');
  });
});

describe('the text report', () => {
  it('prints a cause before its consequence whatever the order, once each, and survives a cycle', () => {
    const text = formatFindings([finding('effect', ['cause']), finding('other'), finding('cause')]);
    const lines = text.split('\n');
    const at = (t: string) => lines.findIndex((l) => l.includes(t));
    expect(at('Title cause')).toBeLessThan(at('Title effect'));
    expect(lines[at('Title effect')]).toMatch(/^ {4}↳ ✖ Title effect$/);
    expect(text.match(/Title /g)).toHaveLength(3);
    const cycle = causeFirst([finding('a', ['b']), finding('b', ['a'])]);
    expect(cycle.map((n) => n.finding.key)).toEqual(['a']);
    expect(cycle[0].consequences.map((n) => n.finding.key)).toEqual(['b']);
  });

  it('says where a verdict came from in words, and counts in plain words', () => {
    const text = formatFindings([{ ...finding('x'), count: 3 }]);
    expect(text).toContain('[test/x] from the HAR file, seen 3 times');
    expect(text).not.toContain('evidence:');
    expect(formatFindings([{ ...finding('x'), basis: 'cdp' }], 'ru')).toContain('вердикт самого Chromium');
    expect(formatFindings([], 'en', 2)).toBe(
      'No problems found in the entries that were read (2 skipped entries were not checked).',
    );
    expect(formatFindings([])).toBe('No problems found.');
  });

  it('writes durations in human units', () => {
    expect(humanDuration(850)).toBe('850 ms');
    expect(humanDuration(1234)).toBe('1.2 s');
    expect(humanDuration(5000)).toBe('5 s');
    expect(humanDuration(180_000)).toBe('3 min');
    expect(humanDuration(200_000)).toBe('3 min 20 s');
    expect(humanDuration(3_900_000)).toBe('1 h 5 min');
    expect(humanDuration(1234, 'ru')).toBe('1,2 с');
    expect(humanDuration(180_000, 'ru')).toBe('3 мин');
  });
});
