/**
 * The page frame with its status lines, including the seed's "WebSocket status" indicator.
 * Captured and server strings are written with `textContent`, never as HTML.
 */
import type { DemoVariant } from '../config';
import type { SocketStatus, WebSocketService } from '../services/websocketService';

export interface AppLayout {
  setAuthStatus(text: string): void;
  setWidgetValue(text: string): void;
  showSocket(service: WebSocketService): void;
}

function byTestId(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`Missing element ${id}`);
  return element;
}

/** Binds the status lines; in the buggy variant also imports the service eagerly, as the seed did. */
export function mountAppLayout(variant: DemoVariant): AppLayout {
  byTestId('variant').textContent = variant;
  const wsStatus = byTestId('ws-status');
  const layout: AppLayout = {
    setAuthStatus: (text) => (byTestId('auth-status').textContent = text),
    setWidgetValue: (text) => (byTestId('widget-value').textContent = text),
    showSocket: (service) => service.onStatus((status: SocketStatus) => (wsStatus.textContent = status)),
  };
  if (variant === 'buggy') {
    // The seed's AppLayout.vue used the service at setup, before login, with no catch: the
    // import-time throw becomes an unhandled rejection. Deliberately left uncaught.
    void import('../services/websocketService').then(({ useWebSocket }) => layout.showSocket(useWebSocket()));
  }
  return layout;
}
