import { describe, expect, it } from 'vitest';
import { withRecordingProbe, type TestWindow } from './fake-window';

/** The fake EventSource's test drivers (see fake-window.ts). */
interface DrivenSource extends EventSource {
  serverOpen(): void;
  serverMessage(data: string, lastEventId?: string, type?: string): void;
  serverError(giveUp: boolean): void;
}

describe('EventSource capture', () => {
  let t: TestWindow;
  withRecordingProbe((w) => (t = w));

  it('reports created, open, default messages with their last event id, and errors', () => {
    const source = new t.win.EventSource('/events/stream') as DrivenSource;
    source.serverOpen();
    source.serverMessage('{"unread":3}', 'evt-41');
    source.serverMessage('ping');
    source.serverMessage('{"token":"t2"}', '', 'token'); // named type: invisible without wrapping addEventListener
    source.serverError(false); // the browser reconnects: not closed
    source.serverError(true); // the browser gave up
    t.runTimers();
    expect(t.events()).toEqual([
      {
        kind: 'channel.created',
        time: expect.any(Number),
        channelId: 'page:sse:1',
        transport: 'sse',
        url: 'http://127.0.0.1:8080/events/stream',
      },
      { kind: 'channel.open', time: expect.any(Number), channelId: 'page:sse:1' },
      {
        kind: 'channel.frame',
        time: expect.any(Number),
        channelId: 'page:sse:1',
        direction: 'receive',
        opcode: 1,
        data: '{"unread":3}',
        size: 12,
        eventName: 'message',
        lastEventId: 'evt-41',
      },
      {
        kind: 'channel.frame',
        time: expect.any(Number),
        channelId: 'page:sse:1',
        direction: 'receive',
        opcode: 1,
        data: 'ping',
        size: 4,
        eventName: 'message',
      },
      {
        kind: 'channel.error',
        time: expect.any(Number),
        channelId: 'page:sse:1',
        message: 'EventSource error',
      },
      {
        kind: 'channel.error',
        time: expect.any(Number),
        channelId: 'page:sse:1',
        message: 'EventSource error',
      },
      { kind: 'channel.closed', time: expect.any(Number), channelId: 'page:sse:1' },
    ]);
  });

  it('reports the page closing the stream once', () => {
    const source = new t.win.EventSource('/events/stream') as DrivenSource;
    source.serverOpen();
    source.close();
    source.close();
    expect(source.readyState).toBe(2);
    t.runTimers();
    expect(t.events().filter((e) => e.kind === 'channel.closed')).toHaveLength(1);
  });

  it('keeps the constructor looking native', () => {
    const Source = t.win.EventSource;
    expect(Source.name).toBe('EventSource');
    expect(Source.CLOSED).toBe(2);
    expect(Source.prototype.constructor).toBe(Source);
    expect(new Source('/x')).toBeInstanceOf(Source);
  });
});
