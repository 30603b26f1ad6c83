import { describe, expect, it } from 'vitest';
import { withRecordingProbe, type TestWindow } from './fake-window';

interface DrivenSocket extends WebSocket {
  serverOpen(): void;
}
interface DrivenSource extends EventSource {
  serverOpen(): void;
}

const WS_URL = 'ws://127.0.0.1:9000/ws/widgets/?token=t';
const SSE_URL = 'http://127.0.0.1:9000/sse/notifications/';

describe('real-time policy in the probe', () => {
  let t: TestWindow;
  withRecordingProbe((w) => (t = w));

  const policy = (allOff: boolean, blocked: string[] = []) =>
    t.message({ __handshake: 'bridge', v: 1, type: 'policy', policy: { allOff, blocked } });

  it('refuses new channels when everything is off, and counts each refusal', () => {
    policy(true);
    const a = new t.win.WebSocket(WS_URL);
    const b = new t.win.WebSocket(WS_URL);
    const s = new t.win.EventSource(SSE_URL);
    t.runTimers();
    // The page still gets real instances, closed as after an outage.
    expect(a).toBeInstanceOf(t.win.WebSocket);
    expect(a.readyState).toBeGreaterThanOrEqual(2);
    expect(b.readyState).toBeGreaterThanOrEqual(2);
    expect(s.readyState).toBe(2);
    const kinds = t.events().map((e) => e.kind);
    expect(kinds).toEqual(['channel.refused', 'channel.refused', 'channel.refused']);
    expect(t.events()[2]).toMatchObject({ transport: 'sse', url: SSE_URL });
  });

  it('closes live channels that a new policy switches off, with Handshake code and reason', () => {
    const socket = new t.win.WebSocket(WS_URL) as DrivenSocket;
    socket.serverOpen();
    const source = new t.win.EventSource(SSE_URL) as DrivenSource;
    source.serverOpen();
    let pageSawError = false;
    source.addEventListener('error', () => (pageSawError = true));

    policy(false, ['/sse/notifications/']);
    t.runTimers();
    expect(socket.readyState).toBe(1); // not matched: left alone
    expect(source.readyState).toBe(2);
    expect(pageSawError).toBe(true);
    expect(t.events().find((e) => e.kind === 'channel.closed')).toMatchObject({
      code: 4000,
      reason: 'Closed by Handshake: real-time switched off',
    });
  });

  it('lets channels through again once the policy is on, and ignores messages from other windows', () => {
    policy(true);
    policy(false);
    t.message({ __handshake: 'bridge', v: 1, type: 'policy', policy: { allOff: true, blocked: [] } }, null);
    const socket = new t.win.WebSocket(WS_URL);
    t.runTimers();
    expect(socket.readyState).toBe(0);
    expect(t.events().map((e) => e.kind)).toEqual(['channel.created']);
  });

  it('ignores malformed policies', () => {
    t.message({ __handshake: 'bridge', v: 1, type: 'policy', policy: { allOff: 'yes', blocked: [] } });
    t.message({ __handshake: 'bridge', v: 1, type: 'policy', policy: { allOff: false, blocked: ['*'] } });
    new t.win.WebSocket(WS_URL);
    t.runTimers();
    expect(t.events().map((e) => e.kind)).toEqual(['channel.created']);
  });
});
