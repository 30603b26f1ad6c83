/**
 * The real-time service, shaped like the seed's `src/services/websocketService`: the
 * constructor reads the auth context and throws when there is none. In the buggy variant an
 * instance is created while this module is evaluated, i.e. before login, so every import of
 * the module rejects with `Error: Auth context not provided` thrown from this chunk.
 */
import { getAuthContext, type AuthContext } from '../context/auth';
import { readVariant, widgetsSocketUrl } from '../config';

export type SocketStatus = 'disabled' | 'connecting' | 'open' | `closed ${number}`;

export interface WidgetUpdate {
  type: 'widget.update';
  widget: string;
  value: number;
  at: number;
}

type Listener<T> = (value: T) => void;

function isWidgetUpdate(message: unknown): message is WidgetUpdate {
  const m = message as Partial<WidgetUpdate> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'widget.update' &&
    typeof m.widget === 'string' &&
    typeof m.value === 'number'
  );
}

export class WebSocketService {
  private readonly auth: AuthContext;
  private socket: WebSocket | null = null;
  private status: SocketStatus = 'disabled';
  private readonly channels = new Set<string>();
  private readonly statusListeners = new Set<Listener<SocketStatus>>();
  private readonly updateListeners = new Set<Listener<WidgetUpdate>>();

  constructor() {
    const auth = getAuthContext();
    if (!auth) throw new Error('Auth context not provided');
    this.auth = auth;
  }

  /** Opens the socket once; subscriptions made earlier are sent when it opens. */
  connect(): void {
    if (this.socket) return;
    const socket = new WebSocket(widgetsSocketUrl(this.auth.token));
    this.socket = socket;
    this.setStatus('connecting');
    socket.addEventListener('open', () => {
      this.setStatus('open');
      for (const channel of this.channels) this.sendSubscribe(channel);
    });
    socket.addEventListener('message', (event) => {
      const message: unknown = typeof event.data === 'string' ? JSON.parse(event.data) : null;
      if (isWidgetUpdate(message)) for (const listener of this.updateListeners) listener(message);
    });
    socket.addEventListener('close', (event) => this.setStatus(`closed ${event.code}`));
  }

  /** Subscribes to a server channel (now if open, otherwise on open). */
  subscribe(channel: string): void {
    this.channels.add(channel);
    if (this.socket?.readyState === WebSocket.OPEN) this.sendSubscribe(channel);
  }

  onStatus(listener: Listener<SocketStatus>): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  onWidgetUpdate(listener: Listener<WidgetUpdate>): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  private sendSubscribe(channel: string): void {
    this.socket?.send(JSON.stringify({ type: 'subscribe', channel }));
  }

  private setStatus(status: SocketStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

/**
 * The incident: constructed at import time. The variant check only exists so one bundle can
 * serve both variants; the fixed variant starts the service after auth instead.
 */
export const websocketService: WebSocketService | null =
  readVariant() === 'buggy' ? new WebSocketService() : null;

let active: WebSocketService | null = websocketService;

/** Creates the service once the auth context exists (the seed's "stage 2" plan). */
export function startRealtimeService(): WebSocketService {
  active ??= new WebSocketService();
  return active;
}

/** The seed's composable entry point: the running service. */
export function useWebSocket(): WebSocketService {
  if (!active) throw new Error('WebSocket service not started');
  return active;
}
