/**
 * The one module that touches `chrome.debugger` (the polyfill does not wrap it). Attaches to a
 * tab, enables the domains the recorder needs, and routes that tab's events and detach to the
 * callbacks given. Everything else talks to CDP through `CdpSession`.
 */
import { CDP_DOMAINS } from '../core/cdp-normalize';

export type DetachReason = 'target_closed' | 'canceled_by_user' | string;

export interface CdpSessionHandlers {
  onEvent(method: string, params: unknown): void;
  onDetach(reason: DetachReason): void;
}

const sessions = new Map<number, CdpSession>();
let listening = false;

/** Routes debugger events by tab. Registered once, lazily, so tests without a browser load fine. */
function listen(): void {
  if (listening) return;
  listening = true;
  chrome.debugger.onEvent.addListener((source, method, params) => {
    if (source.tabId !== undefined) sessions.get(source.tabId)?.handlers.onEvent(method, params);
  });
  chrome.debugger.onDetach.addListener((source, reason) => {
    if (source.tabId === undefined) return;
    const session = sessions.get(source.tabId);
    sessions.delete(source.tabId);
    session?.handlers.onDetach(reason);
  });
}

/** Whether this browser has `chrome.debugger` at all (Firefox has not). */
export function cdpAvailable(): boolean {
  return typeof chrome !== 'undefined' && chrome.debugger !== undefined;
}

export class CdpSession {
  private constructor(
    readonly tabId: number,
    readonly handlers: CdpSessionHandlers,
  ) {}

  /**
   * Attaches to the tab and enables Network, Runtime, Log and Audits. When the extension is
   * already attached (the service worker restarted while a session lived on), it takes the
   * session over instead of failing.
   */
  static async attach(tabId: number, handlers: CdpSessionHandlers): Promise<CdpSession> {
    listen();
    const session = new CdpSession(tabId, handlers);
    try {
      await chrome.debugger.attach({ tabId }, '1.3');
    } catch (err) {
      if (!String(err).includes('Another debugger is already attached')) throw err;
      // Either we are (a restarted worker) or another extension is: detach ours and retry once.
      await chrome.debugger.detach({ tabId }).catch(() => undefined);
      await chrome.debugger.attach({ tabId }, '1.3');
    }
    sessions.set(tabId, session);
    for (const domain of CDP_DOMAINS) {
      await session.send(`${domain}.enable`, {});
    }
    return session;
  }

  /** Sends a CDP command to the tab. */
  async send<T = unknown>(method: string, params: object = {}): Promise<T> {
    return (await chrome.debugger.sendCommand({ tabId: this.tabId }, method, params)) as T;
  }

  /** Detaches, if still attached. Never throws. */
  async detach(): Promise<void> {
    if (sessions.get(this.tabId) !== this) return;
    sessions.delete(this.tabId);
    await chrome.debugger.detach({ tabId: this.tabId }).catch(() => undefined);
  }
}
