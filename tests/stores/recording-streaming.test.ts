// @vitest-environment happy-dom
/**
 * A big recording streaming in: when deriving findings is slow (seconds at 1,000,000 events),
 * the store derives them less often than every frame while only new events arrive, then once
 * more after the last batch, so the final findings are those of the whole model. A new model
 * (snapshot, clear) derives at once. The rules' cost is simulated with a fake clock.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Recording } from '~/core/reducer';
import type * as Rules from '~/core/rules';
import { useRecordingStore } from '~/stores/recording';
import { FakeRecorderLink, manualFrames } from './fixtures/fake-recorder-link';
import { refreshEvents, snapshotEvents, socketEvents, status, TAB_ID } from './fixtures/seed-events';

const clock = vi.hoisted(() => ({ now: 0, ruleMs: 0, derivations: 0 }));

vi.mock('~/core/rules', async (importOriginal) => {
  const real = await importOriginal<typeof Rules>();
  return {
    ...real,
    findFindings: (...args: Parameters<typeof real.findFindings>) => {
      clock.derivations += 1;
      clock.now += clock.ruleMs;
      return real.findFindings(...args);
    },
  };
});

function setup() {
  const link = new FakeRecorderLink();
  const frames = manualFrames();
  const store = useRecordingStore();
  store.attach(link, TAB_ID, { scheduleFrame: frames.schedule, sourceMaps: null });
  return { link, frames, store };
}

async function advance(ms: number): Promise<void> {
  clock.now += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe('recording store: findings while a big recording streams in', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    Object.assign(clock, { now: 1000, ruleMs: 0, derivations: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('derives slow findings less often than every frame, and the final ones after the last batch', async () => {
    const { link, frames, store } = setup();
    clock.ruleMs = 500;
    link.deliver({ type: 'snapshot', status: status(true), events: snapshotEvents() });
    frames.run();
    expect(clock.derivations).toBe(1);
    expect(store.findingsPending).toBe(false);
    const first = store.findings.map((f) => f.ruleId);

    link.deliver({ type: 'events', tabId: TAB_ID, events: refreshEvents() });
    frames.run();
    await advance(16);
    link.deliver({ type: 'events', tabId: TAB_ID, events: socketEvents() });
    frames.run();
    // The view has both batches; findings wait (500 ms of rules, at most a quarter of the time).
    expect(store.version).toBe(3);
    expect(store.recording.eventCount).toBe(15);
    expect(clock.derivations).toBe(1);
    expect(store.findings.map((f) => f.ruleId)).toEqual(first);
    expect(store.findingsPending).toBe(true);

    // The stream is quiet for twice the rules' cost: the latest findings, before the spacing ends.
    await advance(1100);
    expect(frames.run()).toBe(1);
    expect(clock.derivations).toBe(2);
    expect(store.findingsPending).toBe(false);
    // Nothing new: no more derivations.
    await advance(10_000);
    expect(frames.run()).toBe(0);
    expect(clock.derivations).toBe(2);
    const whole = new Recording();
    whole.apply([...snapshotEvents(), ...refreshEvents(), ...socketEvents()]);
    const { findFindings } = await import('~/core/rules');
    expect(store.findings).toEqual(findFindings(whole));
    expect(store.findings.length).toBeGreaterThan(first.length);
  });

  it("while batches keep coming, derives about once per four times the rules' cost", async () => {
    const { link, frames, store } = setup();
    clock.ruleMs = 500;
    link.deliver({ type: 'snapshot', status: status(true), events: snapshotEvents() });
    frames.run();
    expect(clock.derivations).toBe(1);
    // A batch every 100 ms for 5 s: the quiet timer never fires, the spacing does.
    for (let i = 0; i < 50; i++) {
      link.deliver({ type: 'events', tabId: TAB_ID, events: i % 2 ? socketEvents() : refreshEvents() });
      frames.run();
      await advance(100);
    }
    expect(clock.derivations).toBeGreaterThanOrEqual(2);
    expect(clock.derivations).toBeLessThanOrEqual(4);
    expect(store.findingsPending).toBe(true);
    await advance(1100);
    frames.run();
    expect(store.findingsPending).toBe(false);
  });

  it('derives at once when findings are fast, and after a clear however slow they were', () => {
    const { link, frames, store } = setup();
    link.deliver({ type: 'snapshot', status: status(true), events: snapshotEvents() });
    frames.run();
    link.deliver({ type: 'events', tabId: TAB_ID, events: refreshEvents() });
    frames.run();
    expect(clock.derivations).toBe(2);

    clock.ruleMs = 500;
    link.deliver({ type: 'events', tabId: TAB_ID, events: socketEvents() });
    frames.run();
    expect(clock.derivations).toBe(3);
    store.clear();
    expect(clock.derivations).toBe(4);
    expect(store.findings).toEqual([]);
  });
});
