/** The demo's runtime CORS switch (`POST /__demo/cors`), which browser tests use to "fix the backend". */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo, type DemoServers } from '../../demo/index.mjs';

let demo: DemoServers;
beforeAll(async () => {
  demo = await startDemo();
}, 60_000);
afterAll(async () => {
  await demo?.close();
});

const allowed = async () => {
  const r = await fetch(`${demo.apiOrigin}/api/auth/token/refresh/`, {
    method: 'OPTIONS',
    headers: {
      Origin: demo.appOrigin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
  return (r.headers.get('access-control-allow-headers') ?? '').toLowerCase();
};
const setCors = (allowAuthorization: boolean) =>
  fetch(`${demo.apiOrigin}/__demo/cors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ allowAuthorization }),
  });

it('keeps the incident by default, allows authorization when switched, and switches back', async () => {
  expect(await allowed()).not.toContain('authorization');
  expect((await setCors(true)).status).toBe(200);
  expect(await allowed()).toContain('authorization');
  await setCors(false);
  expect(await allowed()).not.toContain('authorization');
});
