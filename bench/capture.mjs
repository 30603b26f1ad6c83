// Capture ceiling: frames a page receives at a set rate, and how many of them reach each stage
// of Handshake — the probe's copy through the bridge and the recorder into storage (IndexedDB),
// the browser's own copy (CDP) into storage, and the panel's count on screen — plus what the
// recording says it dropped. Loss is counted, per stage, never inferred from timing.
import { storedFrameCounts } from './stored-log.mjs';
import { socketAtRate } from './workloads.mjs';

/** Counts, in the recorder's IndexedDB, the frames of the channel whose URL has `tag=<tag>`. */
const storedFrames = storedFrameCounts;

/** The frame count the panel shows for the channel tagged `tag` (found with the filter box). */
async function panelFrames(panel, tag) {
  const filter = panel.getByRole('searchbox', { name: 'Filter the timeline' });
  await filter.fill(`tag=${tag}`);
  await panel.locator('[data-testid="timeline-row"][data-type="channel"]').first().click();
  const text = await panel
    .getByTestId('details')
    .locator('summary', { hasText: /^Frames \(/ })
    .first()
    .textContent();
  await filter.fill('');
  return Number(/\((\d+)\)/.exec(text ?? '')?.[1] ?? NaN);
}

/**
 * One run at `rate` frames/s: the page's view, then each stage's count once storage stops
 * growing (or after 60 s).
 */
export async function measureCaptureAt({ page, panel, worker, tabId, rate, count, size, tag }) {
  const seen = await page.evaluate(socketAtRate, { count, size, rate, tag });
  const drainStart = Date.now();
  let stored = await storedFrames(worker, tabId, tag);
  // Done when every copy is stored, or when nothing more arrived for 2 s (a backlog still
  // moving is waited for, up to 60 s: late is not lost).
  for (let last = -1; Date.now() - drainStart < 60_000 && stored.page + stored.cdp !== last;) {
    last = stored.page + stored.cdp;
    if (stored.page >= count && stored.cdp >= count) break;
    await new Promise((r) => setTimeout(r, 2000));
    stored = await storedFrames(worker, tabId, tag);
  }
  const drainMs = Date.now() - drainStart;
  const shown = await panelFrames(panel, tag);
  const droppedShown = Number(
    /Dropped: (\d+)/.exec((await panel.getByTestId('dropped-count').textContent()) ?? '')?.[1] ?? NaN,
  );
  return {
    rate,
    count,
    pageReceived: seen.received,
    pageFramesPerSecond: seen.framesPerSecond,
    blockingMs: seen.blockingMs,
    probeStored: stored.page,
    cdpStored: stored.cdp,
    panelShown: shown,
    droppedRecorded: stored.dropped,
    droppedShown,
    drainMs,
    lossFree: stored.page === count && stored.cdp === count && shown === count,
  };
}
