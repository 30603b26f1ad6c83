/**
 * Live dashboard widgets, as in the seed's `src/composables/useRealTimeWidget.ts`: subscribes
 * to the `widgets` channel and reports every update. Importing this module imports the
 * websocket service, which is how the buggy variant's route load fails.
 */
import { useWebSocket, type WidgetUpdate } from '../services/websocketService';

/** Subscribes to live widget updates; returns the unsubscribe function. */
export function useRealTimeWidget(onUpdate: (update: WidgetUpdate) => void): () => void {
  const service = useWebSocket();
  service.subscribe('widgets');
  return service.onWidgetUpdate(onUpdate);
}
