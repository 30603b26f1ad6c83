/**
 * The replay's own check, inside the tab (issue 14): the user confirmed a replay from one page
 * origin; whatever document the tab shows when it runs, nothing is sent from another origin.
 * `sendFromPage` is the function `executeScript` injects: here with the tab's `location` and
 * `fetch` stubbed at that seam.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseReplayPageRefusal, type ReplayRequest } from '../../core/protocol';
import { outcomeOf, sendFromPage } from '../../recorder/replay';

const request: ReplayRequest = {
  sourceRequestId: 'r1',
  url: 'http://api.test/api/auth/token/refresh/',
  method: 'POST',
  headers: { authorization: 'Token t' },
  body: '{}',
  pageOrigin: 'http://app.test',
};

function tabAt(origin: string) {
  const fetch = vi.fn(async () => new Response('{"token":"new"}', { status: 200, statusText: 'OK' }));
  vi.stubGlobal('location', { origin });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('replay in the tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends from the page origin the user confirmed', async () => {
    const fetch = tabAt('http://app.test');
    const outcome = outcomeOf(await sendFromPage(request, 1000), request);
    expect(fetch).toHaveBeenCalledOnce();
    expect(outcome).toMatchObject({ status: 200, body: '{"token":"new"}' });
  });

  it('sends nothing when the tab shows another origin, and says which', async () => {
    for (const origin of ['http://evil.test', 'http://app.test:8080', 'https://app.test', 'null']) {
      const fetch = tabAt(origin);
      const outcome = outcomeOf(await sendFromPage(request, 1000), request);
      expect(fetch).not.toHaveBeenCalled();
      expect(outcome.status).toBeUndefined();
      expect(parseReplayPageRefusal(outcome.error)).toEqual({ actual: origin, expected: 'http://app.test' });
    }
  });

  it('reads an answer without a duration as "the tab did not answer"', () => {
    expect(outcomeOf(undefined, request)).toEqual({ durationMs: 0, error: 'The tab did not answer' });
    expect(outcomeOf({ status: 200 }, request).error).toBe('The tab did not answer');
    expect(parseReplayPageRefusal('TypeError: Failed to fetch')).toBeUndefined();
  });
});
