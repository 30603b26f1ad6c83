import { describe, expect, it } from 'vitest';
import { installProbe, type ProbeHandle } from '../../probe';
import { withRecordingProbe, type TestWindow } from './fake-window';

describe('unhandled rejections and uncaught errors', () => {
  let t: TestWindow;
  let handle: ProbeHandle;
  withRecordingProbe((w, h) => {
    t = w;
    handle = h;
  });

  /** A settled-rejected promise whose rejection is already handled, so Node stays quiet. */
  function rejected(reason: unknown): Promise<unknown> {
    const promise = Promise.reject(reason);
    promise.catch(() => undefined);
    return promise;
  }

  function rejection(
    type: 'unhandledrejection' | 'rejectionhandled',
    promise: Promise<unknown>,
    reason: unknown,
  ) {
    const event = new t.win.PromiseRejectionEvent(type, { promise, reason });
    return t.win.dispatchEvent(event);
  }

  it('reports an unhandled rejection and pairs its later handling by id', () => {
    const error = new Error('Auth context not provided');
    error.stack =
      'Error: Auth context not provided\n    at new X (http://127.0.0.1:8080/assets/websocketService-BKJDZuHi.js:1:826)';
    const promise = rejected(error);
    const notCanceled = rejection('unhandledrejection', promise, error);
    rejection('rejectionhandled', promise, error);
    rejection('rejectionhandled', rejected('unknown'), 'unknown'); // never reported: ignored
    t.runTimers();

    expect(notCanceled).toBe(true); // the probe never calls preventDefault
    expect(t.events()).toEqual([
      {
        kind: 'exception',
        time: expect.any(Number),
        surface: 'unhandledrejection',
        message: 'Error: Auth context not provided',
        errorName: 'Error',
        stackText: error.stack,
        exceptionId: 'page:x1',
      },
      { kind: 'exception.handled', time: expect.any(Number), exceptionId: 'page:x1' },
    ]);
  });

  it('describes non-Error reasons with short text', () => {
    rejection('unhandledrejection', rejected('token expired'), 'token expired');
    rejection('unhandledrejection', rejected({ status: 401 }), { status: 401 });
    rejection('unhandledrejection', rejected(undefined), undefined);
    t.runTimers();
    expect(t.events().map((e) => (e as { message: string }).message)).toEqual([
      'token expired',
      'Object',
      'undefined',
    ]);
    expect(t.events()[0]).not.toHaveProperty('errorName');
  });

  it('reports uncaught errors at the window with location, and ignores resource errors', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'token')");
    const event = new t.win.ErrorEvent('error', {
      message: `Uncaught ${String(error)}`,
      filename: 'http://127.0.0.1:8080/assets/index-a1.js',
      lineno: 3,
      colno: 1412,
      error,
      cancelable: true,
    });
    expect(t.win.dispatchEvent(event)).toBe(true);

    const img = t.win.document.createElement('img');
    t.win.document.body.appendChild(img);
    img.dispatchEvent(new t.win.Event('error', { bubbles: true }));
    t.runTimers();

    expect(t.events()).toEqual([
      {
        kind: 'exception',
        time: expect.any(Number),
        surface: 'error',
        message: "TypeError: Cannot read properties of undefined (reading 'token')",
        errorName: 'TypeError',
        stackText: expect.stringContaining('TypeError'),
        url: 'http://127.0.0.1:8080/assets/index-a1.js',
        line: 3,
        column: 1412,
        exceptionId: 'page:x1',
      },
    ]);
  });

  it('stops listening on uninstall', () => {
    handle.uninstall();
    rejection('unhandledrejection', rejected(new Error('late')), new Error('late'));
    handle = installProbe(t.win);
    t.record(true);
    t.runTimers();
    expect(t.events().map((e) => e.kind)).toEqual(['page.load']);
  });
});
