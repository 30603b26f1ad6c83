/** The lazily loaded dashboard route: shows live widget values. */
import { useRealTimeWidget } from '../composables/useRealTimeWidget';
import type { AppLayout } from '../components/AppLayout';

/** Renders the route into its outlet and starts the live widgets. */
export function mount(outlet: HTMLElement, layout: AppLayout): void {
  const heading = document.createElement('h2');
  heading.textContent = 'Dashboard';
  outlet.replaceChildren(heading);
  useRealTimeWidget((update) => layout.setWidgetValue(`${update.widget}: ${update.value}`));
}
