import { defineConfig } from 'vitest/config';

// `npm run test:firefox`: the add-on in a real Firefox (tests/firefox/*.e2e.ts). Kept out of
// `npm run test:unit`, whose config takes only *.test.ts. One file at a time: each starts a browser.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
