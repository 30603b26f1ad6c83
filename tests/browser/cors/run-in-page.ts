/**
 * Runs the configurations' requests inside a page, all at once, with `fetch` or
 * `XMLHttpRequest` as each configuration says, and reports whether the page could read the
 * answer (a CORS failure is only `TypeError: Failed to fetch` here: the reason is in CDP).
 */
import type { Page } from '@playwright/test';
import type { CorsConfig } from './cors-configs';

export interface PageResult {
  id: string;
  ok: boolean;
  error?: string;
}

interface Call {
  id: string;
  url: string;
  api: 'fetch' | 'xhr';
  method: string;
  headers: Record<string, string>;
  credentials: 'omit' | 'same-origin' | 'include';
  body?: string;
}

export async function runInPage(page: Page, api: string, configs: CorsConfig[]): Promise<PageResult[]> {
  const calls: Call[] = configs.map((c) => ({
    id: c.id,
    url: `${api}/c/${c.id}`,
    api: c.api ?? 'fetch',
    method: c.method,
    headers: c.headers ?? {},
    credentials: c.credentials ?? 'same-origin',
    body: c.body,
  }));
  return page.evaluate(async (all: Call[]) => {
    const viaXhr = (call: Call) =>
      new Promise<void>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open(call.method, call.url);
        xhr.withCredentials = call.credentials === 'include';
        for (const [name, value] of Object.entries(call.headers)) xhr.setRequestHeader(name, value);
        xhr.onload = () => resolve();
        xhr.onerror = () => reject(new Error('XHR network error'));
        xhr.send(call.body ?? null);
      });
    const one = async (call: Call) => {
      try {
        if (call.api === 'xhr') await viaXhr(call);
        else
          await (
            await fetch(call.url, {
              method: call.method,
              headers: call.headers,
              credentials: call.credentials,
              body: call.body,
            })
          ).text();
        return { id: call.id, ok: true };
      } catch (error) {
        return { id: call.id, ok: false, error: String(error) };
      }
    };
    return Promise.all(all.map(one));
  }, calls);
}
