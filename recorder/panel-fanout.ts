/**
 * The panels watching one tab's recording, and how messages reach them: a panel whose port
 * refuses a message is dropped (it reconnects and asks again).
 *
 * Live events (saved batches, every 50 ms while a page is busy) reach panels at most every
 * `LIVE_MS`: each message costs the panel a re-render and a findings pass over the whole
 * recording, so a busy page's recording was paid ~20 times a second (fetch-heavy, 2,000
 * requests: the panel open cost ~4 s of the extension renderer's CPU). Any other message to a
 * panel first sends what waits, so every panel still sees messages in the order they were made.
 */
import type { Browser } from 'wxt/browser';
import type { RecordedEvent } from '../core/events';
import type { RecorderErrorCode, RecorderStatus, RecorderToPanel } from '../core/protocol';

type Port = Browser.runtime.Port;

/** Largest number of events in one message to a panel (a snapshot is sent in parts). */
export const CHUNK = 5000;

/** Live events wait at most this long (ms) for the next message to the panels. */
export const LIVE_MS = 250;

export class PanelFanout implements Iterable<Port> {
  private readonly ports = new Set<Port>();
  /** Live events not sent yet, in seq order. */
  private waiting: RecordedEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When live events were last sent (ms, `Date.now()`). */
  private lastSent = 0;

  /** `gone` hears of a panel dropped (disconnected or refusing messages). */
  constructor(
    private readonly tabId: number,
    private readonly gone: (port: Port) => void,
  ) {}

  [Symbol.iterator](): Iterator<Port> {
    return this.ports[Symbol.iterator]();
  }

  /** A panel joins; what waits goes to the others first (its snapshot holds it already). */
  add(port: Port): void {
    this.flushLive();
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.drop(port));
  }

  status(status: RecorderStatus): void {
    this.flushLive();
    for (const port of this.ports) this.post(port, { type: 'status', status });
  }

  error(code: RecorderErrorCode, message: string, reason: string): void {
    this.flushLive();
    for (const port of this.ports)
      this.post(port, { type: 'error', tabId: this.tabId, message, code, reason });
  }

  /**
   * Saved events for every panel: sent now when none were sent for `LIVE_MS`, else with the
   * others that come until then.
   */
  live(events: readonly RecordedEvent[]): void {
    for (const e of events) this.waiting.push(e);
    if (this.timer !== undefined) return;
    const wait = this.lastSent + LIVE_MS - Date.now();
    if (wait <= 0) this.flushLive();
    else this.timer = setTimeout(() => this.flushLive(), wait);
  }

  /** Sends the live events waiting, if any, to every panel. */
  flushLive(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting.length === 0) return;
    const events = this.waiting;
    this.waiting = [];
    this.lastSent = Date.now();
    this.send(this.ports, events);
  }

  /** Sends events to panels in messages of at most CHUNK events, after the live ones waiting. */
  sendEvents(ports: Iterable<Port>, events: readonly RecordedEvent[]): void {
    this.flushLive();
    this.send(ports, events);
  }

  private send(ports: Iterable<Port>, events: readonly RecordedEvent[]): void {
    for (let i = 0; i < events.length; i += CHUNK) {
      const part = events.slice(i, i + CHUNK);
      for (const port of ports) this.post(port, { type: 'events', tabId: this.tabId, events: part });
    }
  }

  post(port: Port, msg: RecorderToPanel): void {
    this.flushLive();
    try {
      port.postMessage(msg);
    } catch {
      this.drop(port);
    }
  }

  private drop(port: Port): void {
    this.ports.delete(port);
    this.gone(port);
  }
}
