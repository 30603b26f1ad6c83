import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_LIMITS } from '../../core/protocol';
import type { ProbeEvent } from '../../core/protocol';
import { installProbe } from '../../probe';
import { captureNatives } from '../../probe/natives';
import { createOutbox } from '../../probe/outbox';
import { createTestWindow, type TestWindow } from './fake-window';

const load = (url: string): ProbeEvent => ({ kind: 'page.load', time: 1, url });

describe('outbox (probe -> bridge)', () => {
  let t: TestWindow;
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    while (cleanups.length) cleanups.pop()!();
    await t.close();
  });

  function outbox(capacity?: number) {
    t = createTestWindow();
    const box = createOutbox(captureNatives(t.win), capacity ? { capacity } : {});
    cleanups.push(() => box.dispose());
    return box;
  }

  it('posts nothing and arms no timer until the bridge says record, then flushes the buffer', async () => {
    t = createTestWindow('http://127.0.0.1:8080/login?next=%2F');
    const handle = installProbe(t.win);
    cleanups.push(() => handle.uninstall());
    expect(t.pendingTimers()).toBe(0);
    t.runTimers();
    expect(t.posted).toHaveLength(0);

    t.record(true);
    expect(handle.recording).toBe(true);
    expect(t.posted).toHaveLength(1);
    const [message] = t.posted;
    expect(message).toMatchObject({ __handshake: 'probe', v: 1, type: 'events', overflow: 0 });
    expect(message.events).toEqual([
      { kind: 'page.load', time: expect.any(Number), url: 'http://127.0.0.1:8080/login?next=%2F' },
    ]);
  });

  it('batches events on a timer while recording instead of posting each one', () => {
    const box = outbox();
    t.record(true);
    box.push(load('a'));
    box.push(load('b'));
    box.push(load('c'));
    expect(t.posted).toHaveLength(0);
    expect(t.pendingTimers()).toBe(1);
    t.runTimers();
    expect(t.posted).toHaveLength(1);
    expect(t.posted[0].events.map((e) => (e as { url: string }).url)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a bounded buffer, drops the oldest and reports the count once', () => {
    const box = outbox(10);
    for (let i = 0; i < 25; i++) box.push(load(`u${i}`));
    t.record(true);
    expect(t.posted).toHaveLength(1);
    expect(t.posted[0].overflow).toBe(15);
    expect(t.posted[0].events.map((e) => (e as { url: string }).url)).toEqual(
      Array.from({ length: 10 }, (_, i) => `u${i + 15}`),
    );
    box.push(load('next'));
    t.runTimers();
    expect(t.posted[1].overflow).toBe(0);
  });

  it(`never puts more than ${PAGE_LIMITS.maxBatch} events in one message`, () => {
    const box = outbox();
    for (let i = 0; i < 1200; i++) box.push(load(`u${i}`));
    t.record(true);
    expect(t.posted.map((m) => m.events.length)).toEqual([500, 500, 200]);
    expect(t.events().map((e) => (e as { url: string }).url)[999]).toBe('u999');

    // While recording, a full batch goes out at once instead of growing until the timer.
    for (let i = 0; i < PAGE_LIMITS.maxBatch; i++) box.push(load(`r${i}`));
    expect(t.posted).toHaveLength(4);
    expect(t.posted[3].events).toHaveLength(PAGE_LIMITS.maxBatch);
  });

  it('ignores forged and irrelevant window messages', () => {
    t = createTestWindow();
    const handle = installProbe(t.win);
    cleanups.push(() => handle.uninstall());
    const valid = { __handshake: 'bridge', v: 1, type: 'record', on: true };
    const otherWindow = createTestWindow();
    cleanups.push(() => void otherWindow.close());
    t.message(valid, null);
    t.message(valid, otherWindow.win);
    t.message({ ...valid, __handshake: 'probe' });
    t.message({ ...valid, v: 2 });
    t.message({ ...valid, type: 'flush' });
    t.message({ ...valid, on: 'yes' });
    t.message('record');
    t.message(null);
    t.message([valid]);
    t.runTimers();
    expect(handle.recording).toBe(false);
    expect(t.posted).toHaveLength(0);

    t.message(valid);
    expect(handle.recording).toBe(true);
    expect(t.posted).toHaveLength(1);
  });

  it('buffers again after record off', () => {
    const box = outbox();
    t.record(true);
    t.record(false);
    box.push(load('while-off'));
    t.runTimers();
    expect(t.posted).toHaveLength(0);
    t.record(true);
    expect(t.events()).toEqual([load('while-off')]);
  });

  it('keeps working when the page later replaces postMessage, Date.now, setTimeout and Array methods', () => {
    t = createTestWindow();
    const handle = installProbe(t.win);
    cleanups.push(() => handle.uninstall());
    t.record(true);
    const spied: string[] = [];
    const saved = { push: Array.prototype.push, now: Date.now, stringify: JSON.stringify };
    t.win.postMessage = () => void spied.push('postMessage');
    t.win.setTimeout = (() => spied.push('setTimeout')) as unknown as typeof t.win.setTimeout;
    try {
      Array.prototype.push = () => {
        throw new Error('page replaced push');
      };
      Date.now = () => {
        throw new Error('page replaced Date.now');
      };
      JSON.stringify = () => {
        throw new Error('page replaced JSON.stringify');
      };
      void t.win.fetch('/api/me').catch(() => undefined);
      t.runTimers();
    } finally {
      Object.assign(Array.prototype, { push: saved.push });
      Date.now = saved.now;
      JSON.stringify = saved.stringify;
    }
    expect(spied).toEqual([]);
    expect(t.events().map((e) => e.kind)).toEqual(['page.load', 'request.start']);
    // (The URL is not checked here: happy-dom's own baseURI getter uses the replaced push.)
    expect(t.events()[1]).toMatchObject({ method: 'GET', resourceType: 'fetch' });
  });
});
