// @vitest-environment happy-dom
import { useLocaleChoice } from '~/composables/i18n';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useRecordingStore } from '~/stores/recording';
import { FakeRecorderLink, manualFrames } from './fixtures/fake-recorder-link';
import { refreshEvents, snapshotEvents, socketEvents, status, TAB_ID } from './fixtures/seed-events';

function setup() {
  const link = new FakeRecorderLink();
  const frames = manualFrames();
  const store = useRecordingStore();
  store.attach(link, TAB_ID, { scheduleFrame: frames.schedule });
  return { link, frames, store };
}

describe('recording store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('subscribes as soon as the link is open', () => {
    const { link, store } = setup();
    expect(link.sent).toEqual([{ type: 'subscribe', tabId: TAB_ID }]);
    expect(store.connection).toBe('open');
    expect(store.canAct).toBe(true);
  });

  it('applies a snapshot, then incremental batches, recomputing findings once per frame', async () => {
    const { link, frames, store } = setup();
    link.deliver({ type: 'snapshot', status: status(true), events: snapshotEvents() });
    // Nothing reaches the view before the frame.
    expect(store.version).toBe(0);
    expect(frames.run()).toBe(1);
    expect(store.version).toBe(1);
    expect(store.isRecording).toBe(true);
    expect(store.recording.timeline.map((i) => i.type)).toEqual(['page', 'request', 'channel', 'exception']);
    // The cause first, its consequence right after it (findFindings orders them so).
    expect(store.findings.map((f) => f.ruleId)).toEqual([
      'realtime/socket-before-auth',
      'auth/context-missing',
    ]);

    const snapshotModel = store.recording;
    link.deliver({ type: 'events', tabId: TAB_ID, events: refreshEvents() });
    link.deliver({ type: 'events', tabId: TAB_ID, events: socketEvents() });
    expect(frames.run()).toBe(1); // two batches, one update
    expect(store.version).toBe(2);
    expect(store.recording).toBe(snapshotModel); // applied in place, not rebuilt
    expect(store.recording.eventCount).toBe(15);
    // A rule run slower than the store's threshold (a cold, loaded machine) is spaced out, and
    // the quiet timer derives the latest findings: wait for that instead of racing it.
    await vi.waitFor(() => expect(store.findingsPending).toBe(false), { timeout: 5000 });
    expect(store.findings.map((f) => f.ruleId).sort()).toEqual([
      'auth/context-missing',
      'auth/refresh-failed',
      'cors/header-not-allowed',
      'realtime/abnormal-close',
      'realtime/socket-before-auth',
    ]);
    expect(store.recording.channels.get('ws1')?.frames).toHaveLength(2);
  });

  it('replaces the model on a new snapshot instead of adding to it', () => {
    const { link, frames, store } = setup();
    const events = [...snapshotEvents(), ...refreshEvents()];
    link.deliver({ type: 'snapshot', status: status(true), events });
    frames.run();
    link.deliver({ type: 'snapshot', status: status(true), events });
    frames.run();
    expect(store.recording.eventCount).toBe(events.length);
    expect(store.recording.timeline).toHaveLength(5);
  });

  it('ignores messages about other tabs', () => {
    const { link, frames, store } = setup();
    link.deliver({
      type: 'snapshot',
      status: { ...status(true), tabId: TAB_ID + 1 },
      events: snapshotEvents(),
    });
    link.deliver({ type: 'error', tabId: TAB_ID + 1, message: 'not ours' });
    frames.run();
    expect(store.status).toBeNull();
    expect(store.recording.eventCount).toBe(0);
    expect(store.errors).toEqual([]);
  });

  it('sends start, start with reload, stop and clear for its tab', () => {
    const { link, store } = setup();
    store.record();
    store.recordAndReload();
    store.stop();
    store.clear();
    expect(link.sent.slice(1)).toEqual([
      { type: 'start', tabId: TAB_ID, reload: false },
      { type: 'start', tabId: TAB_ID, reload: true },
      { type: 'stop', tabId: TAB_ID },
      { type: 'clear', tabId: TAB_ID },
    ]);
  });

  it('clear empties the view and the selection at once', () => {
    const { link, frames, store } = setup();
    link.deliver({
      type: 'snapshot',
      status: status(true),
      events: [...snapshotEvents(), ...refreshEvents()],
    });
    frames.run();
    store.select({ type: 'request', id: 'r2' });
    store.toggleFinding(store.findings[0].key);
    store.clear();
    expect(store.recording.timeline).toEqual([]);
    expect(store.findings).toEqual([]);
    expect(store.selection).toBeNull();
    expect(store.expandedFinding).toBeNull();
  });

  it('re-subscribes after the link reconnects, and disables actions meanwhile', () => {
    const { link, store } = setup();
    link.setState('reconnecting');
    expect(store.connection).toBe('reconnecting');
    expect(store.canAct).toBe(false);
    link.setState('open');
    expect(link.sent).toEqual([
      { type: 'subscribe', tabId: TAB_ID },
      { type: 'subscribe', tabId: TAB_ID },
    ]);
    expect(store.canAct).toBe(true);
  });

  it('keeps the recorder errors and the latest status', () => {
    const { link, store } = setup();
    link.deliver({ type: 'status', status: { ...status(false, 'detached'), cdpReason: 'canceled_by_user' } });
    link.deliver({ type: 'error', tabId: TAB_ID, message: 'Cannot attach to this target' });
    expect(store.status?.cdpReason).toBe('canceled_by_user');
    expect(store.errors).toEqual(['Cannot attach to this target']);
    store.dismissErrors();
    expect(store.errors).toEqual([]);
  });

  it("words the recorder's own failures in the panel's language, the browser's reason as data", () => {
    const { link, store } = setup();
    link.deliver({
      type: 'error',
      tabId: TAB_ID,
      message: 'Could not save the recording: QuotaExceededError',
      code: 'saveFailed',
      reason: 'QuotaExceededError',
    });
    expect(store.errors).toEqual(['Could not save the recording: QuotaExceededError']);
    useLocaleChoice().setChoice('ru');
    try {
      expect(store.errors).toEqual(['Не удалось сохранить запись: QuotaExceededError']);
    } finally {
      useLocaleChoice().setChoice('auto');
    }
  });

  it('selects evidence and resets the frame selection when the item changes', () => {
    const { store } = setup();
    store.select({ type: 'channel', id: 'ws1' });
    store.selectFrame(13);
    store.selectEvidence({ type: 'request', id: 'r2', label: 'POST /api/auth/token/refresh/' });
    expect(store.selection).toEqual({ type: 'request', id: 'r2' });
    expect(store.selectedFrameSeq).toBeNull();
    store.selectEvidence({ type: 'log', id: 'l1', label: 'console text' });
    expect(store.selection).toEqual({ type: 'request', id: 'r2' });
  });
});
