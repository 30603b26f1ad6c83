/**
 * The panels watching one tab's recording, and how messages reach them: a panel whose port
 * refuses a message is dropped (it reconnects and asks again).
 */
import type { Browser } from 'wxt/browser';
import type { RecordedEvent } from '../core/events';
import type { RecorderErrorCode, RecorderStatus, RecorderToPanel } from '../core/protocol';

type Port = Browser.runtime.Port;

/** Largest number of events in one message to a panel (a snapshot is sent in parts). */
export const CHUNK = 5000;

export class PanelFanout implements Iterable<Port> {
  private readonly ports = new Set<Port>();

  /** `gone` hears of a panel dropped (disconnected or refusing messages). */
  constructor(
    private readonly tabId: number,
    private readonly gone: (port: Port) => void,
  ) {}

  [Symbol.iterator](): Iterator<Port> {
    return this.ports[Symbol.iterator]();
  }

  add(port: Port): void {
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.drop(port));
  }

  status(status: RecorderStatus): void {
    for (const port of this.ports) this.post(port, { type: 'status', status });
  }

  error(code: RecorderErrorCode, message: string, reason: string): void {
    for (const port of this.ports)
      this.post(port, { type: 'error', tabId: this.tabId, message, code, reason });
  }

  /** Sends events to panels in messages of at most CHUNK events. */
  sendEvents(ports: Iterable<Port>, events: readonly RecordedEvent[]): void {
    for (let i = 0; i < events.length; i += CHUNK) {
      const part = events.slice(i, i + CHUNK);
      for (const port of ports) this.post(port, { type: 'events', tabId: this.tabId, events: part });
    }
  }

  post(port: Port, msg: RecorderToPanel): void {
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
