// @vitest-environment happy-dom
// The transport behind the recording store (composables/recorder-port.ts), tested here beside
// the store it serves, with a fake runtime port and a hand-driven timer.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { connectRecorderPort, type LinkState, type PortLike } from '~/composables/recorder-port';
import { useRecordingStore } from '~/stores/recording';
import { manualFrames } from './fixtures/fake-recorder-link';
import { snapshotEvents, status, TAB_ID } from './fixtures/seed-events';

class FakePort implements PortLike {
  readonly posted: unknown[] = [];
  disconnected = false;
  private messageListeners: Array<(message: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  onMessage = { addListener: (l: (message: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The service worker sends something. */
  receive(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }
  /** The service worker was stopped. */
  drop(): void {
    this.disconnected = true;
    for (const l of this.disconnectListeners) l();
  }
}

function setup() {
  const ports: FakePort[] = [];
  const timers: Array<{ cb: () => void; ms: number }> = [];
  const link = connectRecorderPort({
    connect: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    backoffMs: [100, 200, 400],
    setTimer: (cb, ms) => timers.push({ cb, ms }),
    clearTimer: () => timers.splice(0),
  });
  const states: LinkState[] = [];
  link.onState((s) => states.push(s));
  const fire = () => timers.shift()?.cb();
  return { link, ports, timers, states, fire };
}

describe('recorder port', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('connects at once and passes on only well-formed recorder messages', () => {
    const { link, ports, states } = setup();
    const got: unknown[] = [];
    link.onMessage((m) => got.push(m));
    expect(states).toEqual(['open']);
    ports[0].receive({ type: 'status', status: status(true) });
    ports[0].receive({ type: 'events', tabId: TAB_ID, events: [{ kind: 'log' }] }); // no seq
    ports[0].receive('<img src=x>');
    expect(got).toEqual([{ type: 'status', status: status(true) }]);
  });

  it('reconnects with growing delays after the worker goes away', () => {
    const { ports, timers, states, fire } = setup();
    ports[0].drop();
    expect(states).toEqual(['open', 'reconnecting']);
    expect(timers.map((t) => t.ms)).toEqual([100]);
    fire();
    expect(ports).toHaveLength(2);
    ports[1].drop();
    expect(timers.map((t) => t.ms)).toEqual([200]);
    fire();
    ports[2].drop();
    fire();
    ports[3].drop();
    expect(timers.map((t) => t.ms)).toEqual([400]); // the last delay repeats
    fire();
    expect(states.at(-1)).toBe('open');
  });

  it('drops sends while reconnecting and stops retrying once closed', () => {
    const { link, ports, timers } = setup();
    ports[0].drop();
    link.send({ type: 'stop', tabId: TAB_ID });
    expect(ports[0].posted).toEqual([]);
    link.close();
    expect(timers).toEqual([]);
  });

  it('with the store: the new port subscribes from the last seq held; a full snapshot replaces the model', () => {
    const { link, ports, fire } = setup();
    const frames = manualFrames();
    const store = useRecordingStore();
    store.attach(link, TAB_ID, { scheduleFrame: frames.schedule });
    expect(ports[0].posted).toEqual([{ type: 'subscribe', tabId: TAB_ID }]);
    ports[0].receive({ type: 'snapshot', status: status(true), events: snapshotEvents() });
    frames.run();

    ports[0].drop();
    expect(store.connection).toBe('reconnecting');
    fire();
    const lastSeq = snapshotEvents().at(-1)?.seq;
    expect(ports[1].posted).toEqual([{ type: 'subscribe', tabId: TAB_ID, fromSeq: lastSeq }]);
    ports[1].receive({ type: 'snapshot', status: status(true), events: snapshotEvents() });
    frames.run();
    expect(store.connection).toBe('open');
    expect(store.recording.timeline).toHaveLength(4);
  });
});
