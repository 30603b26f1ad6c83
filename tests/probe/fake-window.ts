/**
 * A test window for the probe: a happy-dom Window (its own realm, so patching its
 * `Function.prototype.toString` cannot disturb Vitest) whose network built-ins are replaced by
 * small fakes shaped like the natives (methods and getters on the prototype, statics on the
 * class), plus the two seams the probe talks through: `postMessage` and `setTimeout`.
 */
import { Window } from 'happy-dom';
import { afterEach, beforeEach } from 'vitest';
import { installProbe, type ProbeHandle } from '../../probe';
import type { ProbeEvent, ProbeToBridge } from '../../core/protocol';
import type { ProbeWindow } from '../../probe/natives';

type Listener = () => void;

export interface TestWindow {
  win: ProbeWindow;
  /** Every message the probe posted, structured-cloned like the real postMessage does. */
  posted: ProbeToBridge[];
  /** All events of all posted messages, in order. */
  events(): ProbeEvent[];
  /** Runs the pending timers (the outbox's batching timer). */
  runTimers(): void;
  pendingTimers(): number;
  /** Sends the bridge's `record` command as the bridge would (source === window). */
  record(on: boolean): void;
  /** Dispatches a window message with arbitrary data and source. */
  message(data: unknown, source?: unknown): void;
  fetchCalls: Array<{ input: unknown; init: unknown; resolve(r: unknown): void; reject(e: unknown): void }>;
  close(): Promise<void>;
}

/** Creates a fresh test window. */
export function createTestWindow(url = 'http://127.0.0.1:8080/app/'): TestWindow {
  const happy = new Window({ url });
  const win = happy as unknown as ProbeWindow & Record<string, unknown>;
  const posted: ProbeToBridge[] = [];
  const timers = new Map<number, Listener>();
  let nextTimer = 1;
  const fetchCalls: TestWindow['fetchCalls'] = [];

  win.postMessage = ((message: unknown) => {
    posted[posted.length] = structuredClone(message) as ProbeToBridge;
  }) as ProbeWindow['postMessage'];
  win.setTimeout = ((fn: Listener) => {
    const id = nextTimer++;
    timers.set(id, fn); // Map, not an array: one test replaces Array.prototype.push
    return id;
  }) as unknown as ProbeWindow['setTimeout'];
  win.clearTimeout = ((id: number) => void timers.delete(id)) as ProbeWindow['clearTimeout'];

  win.fetch = function fetch(input: unknown, init?: unknown): Promise<unknown> {
    // Index assignment, not push: one test replaces Array.prototype.push while fetching.
    return new Promise(
      (resolve, reject) => void (fetchCalls[fetchCalls.length] = { input, init, resolve, reject }),
    );
  } as ProbeWindow['fetch'];
  win.XMLHttpRequest = makeXhr(happy) as unknown as ProbeWindow['XMLHttpRequest'];
  win.WebSocket = makeWebSocket(happy) as unknown as ProbeWindow['WebSocket'];
  win.EventSource = makeEventSource(happy) as unknown as ProbeWindow['EventSource'];
  win.PromiseRejectionEvent = makePromiseRejectionEvent(
    happy,
  ) as unknown as ProbeWindow['PromiseRejectionEvent'];

  const message = (data: unknown, source: unknown = win) =>
    void win.dispatchEvent(
      new happy.MessageEvent('message', { data, source: source as never }) as unknown as Event,
    );

  return {
    win,
    posted,
    events: () => posted.flatMap((m) => m.events),
    runTimers() {
      const due = [...timers.values()];
      timers.clear();
      for (const fn of due) fn();
    },
    pendingTimers: () => timers.size,
    record: (on) => message({ __handshake: 'bridge', v: 1, type: 'record', on }),
    message,
    fetchCalls,
    close: () => happy.happyDOM.close(),
  };
}

function makeXhr(happy: Window) {
  return class XMLHttpRequest extends happy.EventTarget {
    static readonly DONE = 4;
    #status = 0;
    #statusText = '';
    #responseType = '';
    #responseText = '';
    #rawHeaders = '';
    opened: unknown[] = [];
    requestHeaders: Array<[string, string]> = [];
    sentBody: unknown = undefined;
    get status() {
      return this.#status;
    }
    get statusText() {
      return this.#statusText;
    }
    get responseType() {
      return this.#responseType;
    }
    set responseType(value: string) {
      this.#responseType = value;
    }
    get responseText() {
      if (this.#responseType !== '' && this.#responseType !== 'text') throw new Error('InvalidStateError');
      return this.#responseText;
    }
    open(...args: unknown[]) {
      this.opened = args;
    }
    setRequestHeader(name: string, value: string) {
      if (this.opened.length === 0) throw new Error('InvalidStateError: not opened');
      this.requestHeaders.push([name, value]);
    }
    send(body?: unknown) {
      if (this.opened.length === 0) throw new Error('InvalidStateError: not opened');
      this.sentBody = body;
    }
    getAllResponseHeaders() {
      return this.#rawHeaders;
    }
    /** Test driver: the server answered. */
    respond(status: number, statusText: string, rawHeaders: string, body: string) {
      this.#status = status;
      this.#statusText = statusText;
      this.#rawHeaders = rawHeaders;
      this.#responseText = body;
      this.dispatchEvent(new happy.Event('load'));
      this.dispatchEvent(new happy.Event('loadend'));
    }
    /** Test driver: `error`, `timeout` or `abort`, then loadend. */
    fail(type: 'error' | 'timeout' | 'abort') {
      this.dispatchEvent(new happy.Event(type));
      this.dispatchEvent(new happy.Event('loadend'));
    }
  };
}

function makeWebSocket(happy: Window) {
  return class WebSocket extends happy.EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    #url: string;
    #readyState = 0;
    sent: unknown[] = [];
    constructor(url: string | URL, protocols?: string | string[]) {
      super();
      if (String(url).startsWith('ftp:'))
        throw new SyntaxError("The URL's scheme must be either 'ws' or 'wss'.");
      this.#url = new URL(String(url), 'http://127.0.0.1:8080/app/').href.replace(/^http/, 'ws');
      void protocols;
    }
    get url() {
      return this.#url;
    }
    get readyState() {
      return this.#readyState;
    }
    send(data: unknown) {
      if (this.#readyState === 0)
        throw new Error(
          "InvalidStateError: Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.",
        );
      this.sent.push(data);
      return undefined;
    }
    close() {
      this.#readyState = 2;
    }
    serverOpen() {
      this.#readyState = 1;
      this.dispatchEvent(new happy.Event('open'));
    }
    serverMessage(data: unknown) {
      this.dispatchEvent(new happy.MessageEvent('message', { data }));
    }
    serverError() {
      this.dispatchEvent(new happy.Event('error'));
    }
    serverClose(code: number, reason: string, wasClean: boolean) {
      this.#readyState = 3;
      this.dispatchEvent(new happy.CloseEvent('close', { code, reason, wasClean }));
    }
  };
}

function makeEventSource(happy: Window) {
  return class EventSource extends happy.EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    #url: string;
    #readyState = 0;
    constructor(url: string) {
      super();
      this.#url = new URL(url, 'http://127.0.0.1:8080/app/').href;
    }
    get url() {
      return this.#url;
    }
    get readyState() {
      return this.#readyState;
    }
    close() {
      this.#readyState = 2;
    }
    serverOpen() {
      this.#readyState = 1;
      this.dispatchEvent(new happy.Event('open'));
    }
    serverMessage(data: string, lastEventId = '', type = 'message') {
      this.dispatchEvent(new happy.MessageEvent(type, { data, lastEventId }));
    }
    serverError(giveUp: boolean) {
      this.#readyState = giveUp ? 2 : 0;
      this.dispatchEvent(new happy.Event('error'));
    }
  };
}

function makePromiseRejectionEvent(happy: Window) {
  return class PromiseRejectionEvent extends happy.Event {
    #promise: Promise<unknown>;
    #reason: unknown;
    constructor(type: string, init: { promise: Promise<unknown>; reason: unknown }) {
      super(type);
      this.#promise = init.promise;
      this.#reason = init.reason;
    }
    get promise() {
      return this.#promise;
    }
    get reason() {
      return this.#reason;
    }
  };
}

/**
 * Each test of the calling `describe` gets a fresh window with the probe installed and told to
 * record, and nothing posted yet; `use` receives them (before the test), and both are torn down
 * after it.
 */
export function withRecordingProbe(
  use: (t: TestWindow, handle: ProbeHandle) => void,
  url = 'http://127.0.0.1:8080/app/',
): void {
  let t: TestWindow;
  let handle: ProbeHandle;
  beforeEach(() => {
    t = createTestWindow(url);
    handle = installProbe(t.win);
    t.record(true);
    t.posted.length = 0;
    use(t, handle);
  });
  afterEach(async () => {
    handle.uninstall();
    await t.close();
  });
}
