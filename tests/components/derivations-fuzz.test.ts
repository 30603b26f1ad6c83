/**
 * What the panel derives from a recording, under generated hostile logs (`tests/core/hostile-events.ts`):
 * findings (English and Russian), the timeline filter, timeline rows, the time axis, a socket's
 * frame list, the scripts whose source maps would be fetched, the text report, the HAR export and
 * the HTML report. 4,000 logs: nothing throws, every export is JSON, and the source-map loader is
 * only ever pointed at scripts CDP reported.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../components/story/story-lanes';
import { buildTimelineRows, timelineRowSource } from '../../components/timeline/timeline-rows';
import { scriptsToMap } from '../../composables/source-maps';
import type { RecordedEvent } from '../../core/events';
import { DEFAULT_FRAME_FILTER, FrameView } from '../../core/filter/frames';
import { parseFilter } from '../../core/filter/parse';
import { exportHar } from '../../core/har';
import { Recording } from '../../core/reducer';
import { causeFirst, formatFindings } from '../../core/report';
import { reportHtmlText } from '../../core/report-html';
import { findFindings } from '../../core/rules';
import { TimelineSearchIndex } from '../../core/timeline-filter';
import { T0, hostileLog } from '../core/hostile-events';

const query = fc.oneof(
  fc.constantFrom(
    '',
    'refresh',
    'is:failed',
    'is:cors',
    '-is:failed method:POST',
    'status:4xx',
    'status:>=500',
    'domain:*.example',
    'larger-than:1k',
    'finding:cors/header-not-allowed',
    'type:websocket',
    '"unterminated',
    'метод:POST',
  ),
  fc.string({ maxLength: 20 }),
);

/** Scripts CDP reported the page loading, by the reducer's own rule (`core/page-ids.ts`). */
function cdpScripts(events: readonly RecordedEvent[]): Set<string> {
  const urls = new Set<string>();
  for (const ev of events) if (ev.source === 'cdp' && ev.kind === 'request.start') urls.add(ev.url);
  return urls;
}

describe('panel derivations fuzzing', () => {
  it('3,000 hostile logs through findings, filter, rows, axis, frames and source maps', () => {
    fc.assert(
      fc.property(
        hostileLog(),
        query,
        fc.constantFrom('en' as const, 'ru' as const),
        ({ events, batches }, q, locale) => {
          const rec = new Recording();
          for (const batch of batches) rec.apply(batch);
          const findings = findFindings(rec, undefined, { locale });
          formatFindings(findings, locale);
          causeFirst(findings);
          parseFilter(q, locale);
          const shown = new TimelineSearchIndex(rec).filter(rec.timeline, q, findings);
          expect(shown.length).toBeLessThanOrEqual(rec.timeline.length);
          const rows = timelineRowSource(shown, rec, locale);
          for (let i = 0; i < rows.length; i++) rows.at(i);
          buildTimelineRows(rec, 100, locale);
          const story = buildStory(rec, undefined, locale);
          for (const lane of story.lanes)
            for (const item of lane.items) expect(item.row).toBeGreaterThanOrEqual(0);
          for (const channel of rec.channels.values())
            new FrameView(DEFAULT_FRAME_FILTER).update(channel.frames);
          const loaded = cdpScripts(events);
          for (const url of scriptsToMap(rec)) expect(loaded.has(url), url).toBe(true);
        },
      ),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('1,000 hostile logs through the HAR export and the reports', () => {
    fc.assert(
      fc.property(hostileLog({ withHar: true, maxLength: 25 }), ({ events }) => {
        const har = JSON.parse([...exportHar(events)].join(''));
        expect(Array.isArray(har.log.entries)).toBe(true);
        const rec = new Recording();
        rec.apply(events);
        const findings = findFindings(rec);
        const html = reportHtmlText({
          recording: rec,
          findings,
          file: { name: 'fuzz', skipped: [], warnings: [] },
          locale: 'en',
          writtenAt: T0,
        });
        expect(html).toContain('</html>');
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
