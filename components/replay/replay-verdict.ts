/**
 * The browser's own record of a replay: the request CDP saw with the replay's method and URL,
 * sent while the replay ran. Its CORS verdict is the evidence the side-by-side view shows
 * (browser-authored evidence is preferred over what `fetch` could tell: `Failed to fetch`).
 */
import type { CorsErrorStatus, ReplayResult } from '~/core/events';
import type { HttpRequest } from '~/core/model';
import type { Recording } from '~/core/reducer';

/**
 * Slack around the replay's own timing (ms). Both clocks are this machine's, but the worker
 * stamps the replay before `executeScript` runs and CDP stamps the request when it leaves.
 */
const BEFORE_MS = 50;
const AFTER_MS = 500;

export function replayVerdict(recording: Recording, result: ReplayResult): CorsErrorStatus | undefined {
  const from = result.startTime - BEFORE_MS;
  const to = result.startTime + result.durationMs + AFTER_MS;
  // The earliest matching request sent after the replay began: an earlier replay of the same
  // request (seconds before) must not lend this one its verdict.
  let best: HttpRequest | undefined;
  for (const r of recording.requests.values()) {
    if (r.preflightFor !== undefined || r.url !== result.url || r.method !== result.method) continue;
    if (r.startTime < from || r.startTime > to) continue;
    if (!best || r.startTime < best.startTime) best = r;
  }
  return best?.failure?.cors;
}
