/**
 * Extra demo flows for the diagnosis rules, picked with `?variant=fixed&scenario=<name>`.
 * Without `scenario` the demo behaves exactly as before (buggy or fixed). Each flow ends by
 * writing "scenario done" to the auth status line, which tests wait for.
 */
import { apiBase, widgetsSocketUrl } from '../config';
import { login, refreshToken } from '../context/auth';

export type ScenarioName = keyof typeof SCENARIOS;

/** A JWT-shaped token with the given `exp` (seconds); unsigned, this is a demo of the client side. */
function demoJwt(exp: number): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'demo', exp })}.ZGVtbw`;
}

async function getWidgets(token: string): Promise<number> {
  const response = await fetch(`${apiBase()}/widgets/`, { headers: { Authorization: `Bearer ${token}` } });
  return response.status;
}

/** Resolves when the socket closes, with its close code. */
function openUntilClosed(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.addEventListener('close', (event) => resolve(event.code));
  });
}

const SCENARIOS = {
  /** Two refreshes at once with the same token: the server rotates it, so the second gets 401. */
  'refresh-race': async () => {
    await login('demo', 'demo');
    await Promise.allSettled([refreshToken(), refreshToken()]);
  },
  /** One refresh, awaited, then another with the new token: no race. */
  'refresh-sequential': async () => {
    await login('demo', 'demo');
    await refreshToken();
    await refreshToken();
  },
  /** A request with a JWT that expired a minute ago. */
  'expired-token': async () => {
    await getWidgets(demoJwt(Math.floor(Date.now() / 1000) - 60));
  },
  /** A request with a JWT valid for ten more minutes. */
  'fresh-token': async () => {
    await getWidgets(demoJwt(Math.floor(Date.now() / 1000) + 600));
  },
  /** A socket with a token the server does not know: it closes with 4401. */
  'socket-unauthorized': async () => {
    await openUntilClosed(widgetsSocketUrl('not-a-token'));
  },
  /** A reconnect loop without back-off on that refusal: six connections in a row. */
  'reconnect-storm': async () => {
    for (let attempt = 0; attempt < 6; attempt++) await openUntilClosed(widgetsSocketUrl('not-a-token'));
  },
};

/** Whether the URL asks for a scenario this demo knows. */
export function isScenario(name: string | null): name is ScenarioName {
  return name !== null && Object.hasOwn(SCENARIOS, name);
}

/** Runs a scenario and reports completion (or its error) through `report`. */
export async function runScenario(name: ScenarioName, report: (text: string) => void): Promise<void> {
  try {
    await SCENARIOS[name]();
    report('scenario done');
  } catch (err) {
    report(`scenario done (${err instanceof Error ? err.message : String(err)})`);
  }
}
