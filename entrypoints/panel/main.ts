// The panel page (inside DevTools, or standalone as panel.html?tabId=<id>): resolves the tab,
// applies the DevTools theme and the language, connects the recording store to the recorder, mounts the app.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '~/assets/panel.css';
import PanelApp from '~/components/panel-app.vue';
import { initLocale } from '~/composables/i18n';
import { getDevtools, resolveTabId } from '~/composables/inspected-tab';
import { connectRecorderPort } from '~/composables/recorder-port';
import { applyTheme } from '~/composables/use-theme';
import { useRecordingStore } from '~/stores/recording';

const devtools = getDevtools();
applyTheme(document.documentElement, devtools);
initLocale(document.documentElement);

const pinia = createPinia();
const app = createApp(PanelApp).use(pinia);

const tabId = resolveTabId(location.search, devtools);
if (tabId !== null) {
  const link = connectRecorderPort();
  useRecordingStore(pinia).attach(link, tabId);
  addEventListener('pagehide', () => link.close());
}
app.mount('#app');
