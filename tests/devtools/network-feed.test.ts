/**
 * The devtools page's feed (Firefox): finished requests' entries reach the recorder as plain
 * data, batched and capped, and a restarted background gets a new port. Driven through fakes at
 * our own seams: WXT's fake browser has no `devtools`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DevtoolsToRecorder } from '../../core/protocol';
import { parseDevtoolsToRecorder } from '../../core/guards';
import { FEED_FLUSH_MS, startNetworkFeed, type FeedPort } from '../../devtools/network-feed';

class FakePort implements FeedPort {
  sent: DevtoolsToRecorder[] = [];
  broken = false;
  private disconnect: Array<() => void> = [];
  onDisconnect = { addListener: (cb: () => void) => void this.disconnect.push(cb) };
  postMessage(message: DevtoolsToRecorder): void {
    if (this.broken) throw new Error('Attempt to postMessage on disconnected port');
    // A port clones: anything a structured clone refuses must not reach it.
    this.sent.push(structuredClone(message));
  }
  die(): void {
    this.broken = true;
    for (const cb of this.disconnect) cb();
  }
}

function setup() {
  let listener: ((entry: unknown) => void) | undefined;
  const ports: FakePort[] = [];
  const stop = startNetworkFeed({
    tabId: 7,
    onRequestFinished(l) {
      listener = l;
      return () => (listener = undefined);
    },
    connect: () => {
      ports.push(new FakePort());
      return ports[ports.length - 1];
    },
  });
  const finish = (url: string) =>
    listener?.({ request: { method: 'GET', url }, response: { status: 200 }, getContent: () => undefined });
  const sent = () => ports.flatMap((p) => p.sent);
  return { finish, ports, sent, stop, listening: () => listener !== undefined };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startNetworkFeed', () => {
  it('sends finished entries in one batch, without the getContent method, in a shape the recorder accepts', () => {
    const feed = setup();
    feed.finish('http://a.test/1');
    feed.finish('http://a.test/2');
    expect(feed.sent()).toEqual([]);
    vi.advanceTimersByTime(FEED_FLUSH_MS);
    expect(feed.sent()).toHaveLength(1);
    const message = feed.sent()[0];
    expect(parseDevtoolsToRecorder(message)).toEqual(message);
    expect(message.tabId).toBe(7);
    expect(message.entries).toEqual([
      { request: { method: 'GET', url: 'http://a.test/1' }, response: { status: 200 } },
      { request: { method: 'GET', url: 'http://a.test/2' }, response: { status: 200 } },
    ]);
  });

  it('never sends more entries in one message than the guard allows', () => {
    const feed = setup();
    for (let i = 0; i < 250; i++) feed.finish(`http://a.test/${i}`);
    vi.advanceTimersByTime(FEED_FLUSH_MS);
    expect(feed.sent().map((m) => m.entries.length)).toEqual([100, 100, 50]);
    expect(feed.sent().every((m) => parseDevtoolsToRecorder(m) !== undefined)).toBe(true);
  });

  it('opens a new port when the background went away, and loses no entry', () => {
    const feed = setup();
    feed.finish('http://a.test/1');
    vi.advanceTimersByTime(FEED_FLUSH_MS);
    feed.ports[0].die();
    feed.finish('http://a.test/2');
    vi.advanceTimersByTime(FEED_FLUSH_MS);
    expect(feed.ports).toHaveLength(2);
    expect(feed.ports[1].sent[0].entries).toHaveLength(1);
  });

  it('reopens once when the port broke without telling', () => {
    const feed = setup();
    feed.finish('http://a.test/1');
    vi.advanceTimersByTime(FEED_FLUSH_MS);
    feed.ports[0].broken = true;
    feed.finish('http://a.test/2');
    vi.advanceTimersByTime(FEED_FLUSH_MS);
    expect(feed.ports).toHaveLength(2);
    expect(feed.sent().flatMap((m) => m.entries)).toHaveLength(2);
  });

  it('warns, and does not throw into DevTools, when no recorder takes the batch', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let listener: ((entry: unknown) => void) | undefined;
    startNetworkFeed({
      tabId: 7,
      onRequestFinished: (l) => ((listener = l), () => undefined),
      connect: () => Object.assign(new FakePort(), { broken: true }),
    });
    listener?.({ request: { method: 'GET', url: 'http://a.test/' } });
    expect(() => vi.advanceTimersByTime(FEED_FLUSH_MS)).not.toThrow();
    expect(String(warn.mock.calls[0]?.[0])).toContain(
      '1 DevTools network entries could not reach the recorder',
    );
    warn.mockRestore();
  });

  it('stops listening and flushes what is pending when stopped', () => {
    const feed = setup();
    feed.finish('http://a.test/1');
    feed.stop();
    expect(feed.listening()).toBe(false);
    expect(feed.sent()).toHaveLength(1);
  });
});
