import { describe, expect, it } from 'vitest';
import { withRecordingProbe, type TestWindow } from './fake-window';

/** The fake XHR's test drivers (see fake-window.ts). */
interface DrivenXhr extends XMLHttpRequest {
  respond(status: number, statusText: string, rawHeaders: string, body: string): void;
  fail(type: 'error' | 'timeout' | 'abort'): void;
  requestHeaders: Array<[string, string]>;
  sentBody: unknown;
}

describe('XMLHttpRequest capture', () => {
  let t: TestWindow;
  withRecordingProbe((w) => (t = w));

  const newXhr = () => new t.win.XMLHttpRequest() as DrivenXhr;

  it('reports start at send and the response at loadend, with parsed headers and text body', () => {
    const xhr = newXhr();
    xhr.open('post', '/api/token/refresh');
    xhr.setRequestHeader('Authorization', 'Token abc');
    xhr.setRequestHeader('X-Trace', 'a');
    xhr.setRequestHeader('x-trace', 'b');
    xhr.send('{"refresh":"r1"}');
    // The page's calls reached the native methods unchanged.
    expect(xhr.requestHeaders).toEqual([
      ['Authorization', 'Token abc'],
      ['X-Trace', 'a'],
      ['x-trace', 'b'],
    ]);
    expect(xhr.sentBody).toBe('{"refresh":"r1"}');
    xhr.respond(
      401,
      'Unauthorized',
      'content-type: application/json\r\nwww-authenticate: Token\r\n',
      '{"detail":"expired"}',
    );
    t.runTimers();

    expect(t.events()).toEqual([
      {
        kind: 'request.start',
        time: expect.any(Number),
        requestId: 'page:1',
        method: 'POST',
        url: 'http://127.0.0.1:8080/api/token/refresh',
        headers: { authorization: 'Token abc', 'x-trace': 'a, b' },
        postData: '{"refresh":"r1"}',
        resourceType: 'xhr',
      },
      {
        kind: 'request.response',
        time: expect.any(Number),
        requestId: 'page:1',
        status: 401,
        statusText: 'Unauthorized',
        headers: { 'content-type': 'application/json', 'www-authenticate': 'Token' },
        mimeType: 'application/json',
        body: '{"detail":"expired"}',
        bodyTruncated: false,
      },
      { kind: 'request.finished', time: expect.any(Number), requestId: 'page:1' },
    ]);
  });

  it('leaves the body out for non-text response types', () => {
    const xhr = newXhr();
    xhr.open('GET', 'http://127.0.0.1:9000/blob');
    xhr.responseType = 'arraybuffer';
    xhr.send();
    xhr.respond(200, 'OK', '', '');
    t.runTimers();
    expect(t.events()[1]).not.toHaveProperty('body');
    expect(t.events()[1]).toMatchObject({ status: 200 });
  });

  it.each([
    ['error', { errorText: 'net::ERR_FAILED (xhr error)' }],
    ['timeout', { errorText: 'timeout' }],
    ['abort', { errorText: 'abort', canceled: true }],
  ] as const)('reports %s as request.failed', (type, expected) => {
    const xhr = newXhr();
    xhr.open('GET', '/api/me');
    xhr.send();
    xhr.fail(type);
    t.runTimers();
    expect(t.events().map((e) => e.kind)).toEqual(['request.start', 'request.failed']);
    expect(t.events()[1]).toEqual({
      kind: 'request.failed',
      time: expect.any(Number),
      requestId: 'page:1',
      ...expected,
    });
  });

  it('gives each send of a reused XHR its own id and listens only once', () => {
    const xhr = newXhr();
    for (let i = 0; i < 2; i++) {
      xhr.open('GET', `/poll?i=${i}`);
      xhr.send();
      xhr.respond(200, 'OK', '', 'ok');
    }
    t.runTimers();
    const ids = t.events().map((e) => `${e.kind}:${(e as { requestId: string }).requestId}`);
    expect(ids).toEqual([
      'request.start:page:1',
      'request.response:page:1',
      'request.finished:page:1',
      'request.start:page:2',
      'request.response:page:2',
      'request.finished:page:2',
    ]);
  });

  it('passes native exceptions of send and setRequestHeader through unchanged', () => {
    const xhr = newXhr();
    // Not opened: the fake native throws, so the probe has no state and reports nothing.
    expect(() => xhr.send()).toThrow('InvalidStateError');
    expect(() => xhr.setRequestHeader('A', 'b')).toThrow('InvalidStateError');
    t.runTimers();
    expect(t.events()).toEqual([]);
  });

  it('keeps the wrapped methods looking native', () => {
    const proto = t.win.XMLHttpRequest.prototype;
    expect(proto.send.name).toBe('send');
    expect(proto.open.length).toBe(0); // the fake's rest parameter: the proxy forwards length as is
    expect(t.win.Function.prototype.toString.call(proto.send)).toMatch(/^send\(body\) \{/);
    expect(Object.keys(proto)).toEqual([]);
  });
});
