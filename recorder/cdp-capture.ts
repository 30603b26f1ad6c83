/**
 * The browser's own evidence for one tab: the CDP session while recording, its events
 * normalised into the log, text response bodies fetched, and the attach/detach state shown in
 * the panel. `TabRecording` owns one; `cdp-session.ts` stays the only `chrome.debugger` user.
 */
import { CdpNormalizer, type TimedBody } from '../core/cdp-normalize';
import type { EventBody } from '../core/events';
import type { RecorderStatus } from '../core/protocol';
import { CdpSession, cdpAvailable, type DetachReason } from './cdp-session';

/** Response bodies larger than this are not fetched from CDP (characters). */
const MAX_BODY = 256 * 1024;

/** What the capture needs from its tab's recording. */
export interface CdpCaptureHost {
  readonly tabId: number;
  isRecording(): boolean;
  /** Appends a browser-authored event to the log. */
  append(time: number, body: EventBody): void;
  /** The user cancelled the debugging bar: remember it across worker restarts. */
  rememberUserCanceled(): Promise<void>;
  /** The state changed after a detach the user did not ask for: tell the panels. */
  stateChanged(): void;
  /**
   * Attached or detached, for whatever reason: the probe reports frames by size and prefix only
   * while the debugger carries their payloads, so it must hear of every change.
   */
  debuggerChanged(): void;
}

export class CdpCapture {
  state: RecorderStatus['cdp'] = 'never';
  reason: string | undefined;
  /**
   * Runtime.enable and Log.enable re-send the console messages and exceptions of the current
   * document. With "record and reload" that document is about to go: its replayed past would
   * double every finding, so CDP events older than the reload are left out.
   */
  ignoreBefore = 0;
  private session: CdpSession | undefined;
  private normalizer = new CdpNormalizer();

  constructor(private readonly host: CdpCaptureHost) {}

  /** The worker died mid-recording: the session is gone until `attach` takes it back. */
  markRestarted(): void {
    this.state = 'detached';
    this.reason = 'service worker restarted';
  }

  /** Attaches unless already attached; a failure is recorded as the state, never thrown. */
  async attach(): Promise<void> {
    if (!cdpAvailable()) {
      this.setState('unavailable', 'this browser has no chrome.debugger');
      return;
    }
    if (this.session) return;
    this.normalizer = new CdpNormalizer();
    try {
      this.session = await CdpSession.attach(this.host.tabId, {
        onEvent: (method, params) => this.onEvent(method, params),
        onDetach: (reason) => void this.onDetach(reason),
      });
      this.setState('attached');
    } catch (err) {
      this.session = undefined;
      this.setState('detached', `could not attach: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Detaches because the user stopped recording (not an error). */
  async stop(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.detach();
    if (this.state === 'attached') this.setState('detached', 'recording stopped');
  }

  /** The tab is gone: detach without recording anything. */
  async dispose(): Promise<void> {
    await this.session?.detach();
    this.session = undefined;
  }

  private onEvent(method: string, params: unknown): void {
    if (!this.host.isRecording()) return;
    let bodies: TimedBody[];
    try {
      bodies = this.normalizer.handle(method, params);
    } catch (err) {
      // A CDP shape we did not expect must not stop the recording.
      console.warn('Handshake: could not read CDP event', method, err);
      return;
    }
    for (const b of bodies) if (b.time >= this.ignoreBefore) this.host.append(b.time, b.body);
    if (method === 'Network.loadingFinished') {
      const { requestId, encodedDataLength } = params as { requestId: string; encodedDataLength: number };
      if (encodedDataLength <= MAX_BODY && this.normalizer.wantsBody(requestId))
        void this.fetchBody(requestId);
    }
  }

  private async fetchBody(requestId: string): Promise<void> {
    try {
      const r = await this.session?.send<{ body: string; base64Encoded: boolean }>(
        'Network.getResponseBody',
        {
          requestId,
        },
      );
      if (!r || !this.host.isRecording()) return;
      const truncated = r.body.length > MAX_BODY;
      this.host.append(Date.now(), {
        kind: 'request.body',
        requestId,
        body: truncated ? r.body.slice(0, MAX_BODY) : r.body,
        truncated,
        base64: r.base64Encoded || undefined,
      });
    } catch {
      // The body is gone (navigation, redirect, evicted): the request is recorded without it.
    }
  }

  private async onDetach(reason: DetachReason): Promise<void> {
    this.session = undefined;
    if (reason === 'canceled_by_user') {
      // The user dismissed the "is debugging this browser" bar: respect it, carry on with the probe.
      await this.host.rememberUserCanceled();
    }
    this.setState('detached', reason);
    this.host.stateChanged();
  }

  private setState(state: RecorderStatus['cdp'], reason?: string): void {
    const changed = (state === 'attached') !== (this.state === 'attached');
    this.state = state;
    this.reason = reason;
    if (changed) this.host.debuggerChanged();
    if (this.host.isRecording() || state !== 'attached') {
      this.host.append(Date.now(), {
        kind: 'capture.state',
        cdp: state === 'never' ? 'detached' : state,
        reason,
      });
    }
  }
}
