/**
 * Every file of the real-world HAR corpus (../shared/corpus/har/, see SOURCES.md there) imports
 * without a crash: good entries kept, bad ones skipped with a reason, non-HAR refused clearly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarImportError, importHar } from '../../../core/har';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';

const CORPUS = '/work/shared/corpus/har';
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.har')) : [];

describe('the HAR corpus', () => {
  it('is there (25 files)', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files.filter((f) => !f.startsWith('malformed-')))(
    'imports %s and derives a model',
    async (file) => {
      const result = await importHar(new Uint8Array(readFileSync(join(CORPUS, file))));
      const rec = new Recording();
      rec.apply(result.events);
      expect(() => findFindings(rec)).not.toThrow();
      for (const s of result.skipped) expect(s.reason).toMatch(/\w/);
      // Every entry is either kept (one request or channel) or skipped with a reason.
      const total = (
        JSON.parse(readFileSync(join(CORPUS, file), 'utf8').replace(/^\uFEFF/, '')) as {
          log: { entries: unknown[] };
        }
      ).log.entries.length;
      expect(rec.requests.size + rec.channels.size + result.skipped.length).toBe(total);
    },
  );

  it('refuses the file that is not JSON with a clear message', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'malformed-not-json-mitmproxy.har')));
    await expect(importHar(bytes)).rejects.toThrow(HarImportError);
    await expect(importHar(bytes)).rejects.toThrow(/not a HAR file: it is not valid JSON/);
  });

  it('reads the Fiddler file despite its byte order mark, and warns that it says HAR 1.1', async () => {
    const result = await importHar(
      new Uint8Array(readFileSync(join(CORPUS, 'fiddler-har1.1-utf8-bom-mitmproxy.har'))),
    );
    expect(result.events.length).toBeGreaterThan(0);
    expect(result.creator.name).toBe('Fiddler');
    expect(result.warnings.join(' ')).toContain('HAR 1.1');
  });

  it('reads HAR 1.3 with a string creator', async () => {
    const result = await importHar(
      readFileSync(join(CORPUS, 'optic-har1.3-creator-string-base64-postdata-optic.har'), 'utf8'),
    );
    expect(result.creator).toEqual({ name: 'Optic capture command', version: '' });
    expect(result.warnings.join(' ')).toContain('HAR 1.3');
  });

  it("turns mitmproxy's _webSocketMessages into frames with epoch-millisecond times", async () => {
    const result = await importHar(readFileSync(join(CORPUS, 'mitmproxy-ws-messages-mitmproxy.har'), 'utf8'));
    const rec = new Recording();
    rec.apply(result.events);
    const frames = [...rec.channels.values()].flatMap((c) => c.frames);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.some((f) => f.direction === 'send') && frames.some((f) => f.direction === 'receive')).toBe(
      true,
    );
    expect(Math.min(...frames.map((f) => f.time))).toBeGreaterThan(Date.UTC(2000, 0, 1));
  });

  it('skips the entries without url or method, with the reason', async () => {
    const file = 'chrome63-missing-pageref-request-fields-inside-postdata-haralyzer.har';
    const result = await importHar(readFileSync(join(CORPUS, file), 'utf8'));
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(result.skipped[0].reason).toMatch(/request\.url|request\.method/);
  });

  it("keeps Playwright's failed request (status -1) as failed", async () => {
    const result = await importHar(
      readFileSync(join(CORPUS, 'playwright-failed-status-minus1-no-pages-playwright.har'), 'utf8'),
    );
    const rec = new Recording();
    rec.apply(result.events);
    expect([...rec.requests.values()].map((r) => r.state)).toContain('failed');
  });
});
