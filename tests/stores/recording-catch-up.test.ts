// @vitest-environment happy-dom
/**
 * Durability on the panel's side: after the worker restarts, the panel asks only for what
 * follows its last seq and adds it to what it shows; a file opened read-only replaces the view
 * until closed, then the live recording comes back.
 */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRecordingStore } from '~/stores/recording';
import { FakeRecorderLink, manualFrames } from './fixtures/fake-recorder-link';
import { refreshEvents, snapshotEvents, status, TAB_ID } from './fixtures/seed-events';

function setup() {
  const link = new FakeRecorderLink();
  const frames = manualFrames();
  const store = useRecordingStore();
  store.attach(link, TAB_ID, { scheduleFrame: frames.schedule });
  return { link, frames, store };
}

describe('recording store: catching up and files', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('re-subscribes from its last seq and adds the catch-up to what it shows', () => {
    const { link, frames, store } = setup();
    const first = snapshotEvents();
    link.deliver({ type: 'snapshot', status: status(true), events: first });
    frames.run();
    const last = first[first.length - 1].seq;

    link.setState('reconnecting');
    link.setState('open');
    expect(link.sent.at(-1)).toEqual({ type: 'subscribe', tabId: TAB_ID, fromSeq: last });

    const more = refreshEvents();
    link.deliver({ type: 'snapshot', status: status(true), events: more, fromSeq: last });
    frames.run();
    expect(store.recording.eventCount).toBe(first.length + more.length);
    expect(store.events().map((e) => e.seq)).toEqual([...first, ...more].map((e) => e.seq));
  });

  it('keeps the export log free of repeats when a batch overlaps', () => {
    const { link, frames, store } = setup();
    const events = snapshotEvents();
    link.deliver({ type: 'snapshot', status: status(true), events });
    link.deliver({ type: 'events', tabId: TAB_ID, events });
    frames.run();
    expect(store.events()).toHaveLength(events.length);
  });

  it('shows a file read-only, ignores the live link meanwhile, and goes back to it', () => {
    const { link, frames, store } = setup();
    link.deliver({ type: 'snapshot', status: status(true), events: snapshotEvents() });
    frames.run();

    store.openFile(
      { name: 'ticket-123.har', skipped: [], warnings: [], creator: 'WebInspector' },
      refreshEvents(),
    );
    expect(store.openedFile?.name).toBe('ticket-123.har');
    expect(store.canAct).toBe(false);
    expect(store.recording.eventCount).toBe(refreshEvents().length);
    link.deliver({ type: 'events', tabId: TAB_ID, events: snapshotEvents() });
    expect(store.recording.eventCount).toBe(refreshEvents().length);

    store.closeFile();
    expect(store.openedFile).toBeNull();
    expect(link.sent.at(-1)).toEqual({ type: 'subscribe', tabId: TAB_ID });
    expect(store.canAct).toBe(true);
  });
});
