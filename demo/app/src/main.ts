/**
 * App entry. Buggy variant: the route and the layout import the websocket service at load,
 * before auth (two errors), then the token refresh fails its CORS preflight. Fixed variant:
 * login, refresh and widgets first, then the service is created and the route loaded.
 */
import { readVariant } from './config';
import { apiClient, currentToken, login, provideAuthContext, refreshToken } from './context/auth';
import { mountAppLayout, type AppLayout } from './components/AppLayout';
import { createRouter, type Router } from './router';
import { isScenario, runScenario } from './scenarios';

interface Widget {
  id: string;
  name: string;
  value: number;
}

const variant = readVariant();

// The seed app logged rejections with this prefix; the browser still reports them too.
window.addEventListener('unhandledrejection', (event) =>
  console.error('Unhandled promise rejection:', event.reason),
);

const layout = mountAppLayout(variant);
const outlet = document.getElementById('route-outlet') ?? document.body;
const router = createRouter([{ path: '/', load: () => import('./views/dashboard') }], outlet, layout);
router.onError((err) => console.error('Router error:', err));

async function authenticate(appLayout: AppLayout): Promise<boolean> {
  await login('demo', 'demo');
  appLayout.setAuthStatus('logged in');
  try {
    await refreshToken();
  } catch (err) {
    console.error('Token refresh failed:', err);
    appLayout.setAuthStatus('Token refresh failed');
    return false;
  }
  appLayout.setAuthStatus('refresh ok');
  return true;
}

async function startFixed(appLayout: AppLayout, appRouter: Router): Promise<void> {
  if (!(await authenticate(appLayout))) return;
  const { data: widgets } = await apiClient.get<Widget[]>('/widgets/');
  const first = widgets[0];
  if (first) appLayout.setWidgetValue(`${first.id}: ${first.value}`);
  const token = currentToken();
  if (!token) return;
  provideAuthContext({ token });
  // Imported lazily on purpose: a static import would put the service in the entry chunk.
  const { startRealtimeService } = await import('./services/websocketService');
  const service = startRealtimeService();
  appLayout.showSocket(service);
  service.connect();
  await appRouter.push('/');
}

const scenario = new URLSearchParams(location.search).get('scenario');
if (isScenario(scenario)) {
  // Extra flows for the diagnosis rules (demo/app/src/scenarios); the default flows stay as they are.
  void runScenario(scenario, (text) => layout.setAuthStatus(text));
} else if (variant === 'buggy') {
  // As in the seed's log: the route fails first, then the app goes on to auth.
  void router.push('/').then(() => authenticate(layout));
} else {
  void startFixed(layout, router);
}
