import { defineConfig } from '@playwright/test';

// Browser tests load the built extension (.output/chrome-mv3, built by `npm test` first) into
// real Chromium. Workers: 1 — the machine has 2 cores and each test runs a browser and servers.
export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
