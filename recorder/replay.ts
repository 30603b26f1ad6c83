/**
 * Replays a request from the page's own origin, after the user confirmed it in the panel (never
 * on its own, never for a page message: only `handshake-panel` ports reach this).
 *
 * How: `chrome.scripting.executeScript` runs our own function (below, bundled with the
 * extension; the request travels as data in `args`, never as code) in the tab's top frame, in
 * the ISOLATED world rather than the MAIN world. Since Chrome 85 a content script's fetch is
 * made on behalf of the page (https://www.chromium.org/Home/chromium-security/extension-content-script-fetches/):
 * the page's origin, its cookies, its CORS checks, exactly as the app's own request. The
 * isolated world is chosen over the MAIN world because there the page cannot replace `fetch`
 * and forge what the replay reports. CDP was the other option (`Runtime.evaluate` with our
 * source) but needs the debugger attached, and a replay must also work when it is not.
 *
 * The user confirmed a replay from one page (`ReplayRequest.pageOrigin`); the tab may show
 * another by the time it runs. The injected function checks `location.origin` first, in the same
 * task as the fetch, and sends nothing from any other origin: another site's cookies never go out.
 */
import { browser } from 'wxt/browser';
import type { ReplayResult } from '../core/events';
import { replayPageRefusal, type ReplayRequest } from '../core/protocol';

/** Longest response body a replay keeps (characters). */
const MAX_BODY = 256 * 1024;

/** What one replay came back with: the outcome part of a `replay.result` event. */
export type ReplayOutcome = Pick<
  ReplayResult,
  'durationMs' | 'status' | 'statusText' | 'headers' | 'body' | 'bodyTruncated' | 'error'
>;

/** What the tab answers: the outcome, or the origin it shows when that is not the confirmed one. */
type PageAnswer = ReplayOutcome | { refusedOn: string };

/**
 * Runs in the tab (isolated world). Self-contained: executeScript serialises the function's
 * source, so it may use nothing from this module. Exported for tests.
 */
export async function sendFromPage(request: ReplayRequest, maxBody: number): Promise<PageAnswer> {
  // Checked in the same task as the fetch below: no navigation can come in between.
  if (location.origin !== request.pageOrigin) return { refusedOn: location.origin };
  const started = performance.now();
  const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: hasBody ? request.body : undefined,
      cache: 'no-store',
    });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return {
      durationMs: performance.now() - started,
      status: response.status,
      statusText: response.statusText,
      headers,
      body: text.slice(0, maxBody),
      bodyTruncated: text.length > maxBody,
    };
  } catch (err) {
    return { durationMs: performance.now() - started, error: String(err) };
  }
}

/**
 * What the tab's answer means for the log: the outcome, a refusal worded by `replayPageRefusal`
 * (the panel words it in its language), or "did not answer".
 */
export function outcomeOf(answer: unknown, request: ReplayRequest): ReplayOutcome {
  const result = answer as Partial<ReplayOutcome & { refusedOn: string }> | undefined;
  if (typeof result?.refusedOn === 'string')
    return { durationMs: 0, error: replayPageRefusal(result.refusedOn.slice(0, 300), request.pageOrigin) };
  if (!result || typeof result.durationMs !== 'number')
    return { durationMs: 0, error: 'The tab did not answer' };
  return result as ReplayOutcome;
}

/**
 * Sends the request from the tab's top frame, if that frame still shows the page origin the
 * user confirmed, and returns what came back (or how it failed, or why it was not sent).
 * @param tabId The inspected tab.
 * @param request The request as the user confirmed it.
 */
export async function sendReplay(tabId: number, request: ReplayRequest): Promise<ReplayOutcome> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    world: 'ISOLATED',
    func: sendFromPage,
    args: [request, MAX_BODY],
  });
  return outcomeOf(injection?.result, request);
}
