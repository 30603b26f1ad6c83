import { describe, expect, it } from 'vitest';
import { installProbe, type ProbeHandle } from '../../probe';
import { withRecordingProbe, type TestWindow } from './fake-window';

describe('fetch capture', () => {
  let t: TestWindow;
  let handle: ProbeHandle;
  withRecordingProbe((w, h) => {
    t = w;
    handle = h;
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('reports start, response and finished, and gives the page the same Response', async () => {
    const promise = t.win.fetch('../api/token/refresh', {
      method: 'post',
      headers: { Authorization: 'Token abc', 'Content-Type': 'application/json' },
      body: '{"refresh":"r1"}',
    });
    expect(t.fetchCalls).toHaveLength(1);
    expect(t.fetchCalls[0].input).toBe('../api/token/refresh');
    const response = new t.win.Response('{"ok":true}', {
      status: 201,
      statusText: 'Created',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': 'r-9' },
    });
    t.fetchCalls[0].resolve(response);
    expect(await promise).toBe(response);
    t.runTimers();

    const [start, answer, finished] = t.events();
    expect(start).toEqual({
      kind: 'request.start',
      time: expect.any(Number),
      requestId: 'page:1',
      method: 'POST',
      url: 'http://127.0.0.1:8080/api/token/refresh',
      headers: { authorization: 'Token abc', 'content-type': 'application/json' },
      postData: '{"refresh":"r1"}',
      resourceType: 'fetch',
    });
    expect(answer).toEqual({
      kind: 'request.response',
      time: expect.any(Number),
      requestId: 'page:1',
      status: 201,
      statusText: 'Created',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-9' },
      mimeType: 'application/json',
    });
    expect(finished).toEqual({ kind: 'request.finished', time: expect.any(Number), requestId: 'page:1' });
  });

  it('reads method, URL and headers from a Request, and lets init headers replace them', async () => {
    const request = new t.win.Request('http://127.0.0.1:9000/api/me', {
      method: 'PUT',
      headers: { 'X-From-Request': '1' },
    });
    void t.win.fetch(request);
    void t.win.fetch(request, { headers: [['X-From-Init', '2']] });
    void t.win.fetch(new t.win.URL('http://127.0.0.1:9000/ws-ticket'), { method: 'patch' });
    t.runTimers();
    const starts = t.events();
    expect(starts[0]).toMatchObject({
      method: 'PUT',
      url: 'http://127.0.0.1:9000/api/me',
      headers: { 'x-from-request': '1' },
    });
    expect(starts[1]).toMatchObject({ headers: { 'x-from-init': '2' } });
    expect(starts[1]).not.toHaveProperty('headers.x-from-request');
    // Only the standard methods are upper-cased, as fetch itself does.
    expect(starts[2]).toMatchObject({ method: 'patch', url: 'http://127.0.0.1:9000/ws-ticket' });
    expect(starts.map((e) => (e as { requestId: string }).requestId)).toEqual(['page:1', 'page:2', 'page:3']);
  });

  it('reports the failure text and rethrows the very same error', async () => {
    const promise = t.win.fetch('http://127.0.0.1:9000/api/token/refresh', { method: 'POST' });
    const error = new TypeError('Failed to fetch');
    t.fetchCalls[0].reject(error);
    await expect(promise).rejects.toBe(error);
    t.runTimers();
    expect(t.events()[1]).toEqual({
      kind: 'request.failed',
      time: expect.any(Number),
      requestId: 'page:1',
      errorText: 'TypeError: Failed to fetch',
    });
  });

  it('marks aborts as canceled', async () => {
    const promise = t.win.fetch('/slow');
    const abort = new t.win.DOMException('signal is aborted without reason', 'AbortError');
    t.fetchCalls[0].reject(abort);
    await expect(promise).rejects.toBe(abort);
    t.runTimers();
    expect(t.events()[1]).toMatchObject({
      kind: 'request.failed',
      errorText: 'AbortError: signal is aborted without reason',
      canceled: true,
    });
  });

  it('does not run getters of the page init object and truncates long bodies', async () => {
    let getterCalls = 0;
    const init = { method: 'POST', body: 'x'.repeat(70_000) };
    Object.defineProperty(init, 'headers', {
      enumerable: true,
      get() {
        getterCalls++;
        return { 'X-Seen': 'yes' };
      },
    });
    void t.win.fetch('/upload', init);
    expect(getterCalls).toBe(0); // the fake native fetch did not read it either
    t.runTimers();
    const start = t.events()[0] as { postData: string; headers: Record<string, string> };
    expect(start.postData).toHaveLength(64 * 1024);
    expect(start.headers).toEqual({});
  });

  it('passes synchronous exceptions through unchanged and still reports them', () => {
    const thrown = new TypeError("Failed to execute 'fetch' on 'Window': Illegal invocation");
    handle.uninstall();
    t.win.fetch = function fetch() {
      throw thrown;
    } as typeof t.win.fetch;
    handle = installProbe(t.win);
    t.record(true);
    t.posted.length = 0;
    expect(() => t.win.fetch('/x')).toThrow(thrown);
    t.runTimers();
    expect(t.events().map((e) => e.kind)).toEqual(['request.start', 'request.failed']);
  });

  it('keeps reporting out of the way when the page has its own rejection handlers', async () => {
    const promise = t.win.fetch('/a');
    t.fetchCalls[0].reject(new TypeError('Failed to fetch'));
    const seen = await promise.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    expect(seen).toBe('Failed to fetch');
    await settle();
  });
});
