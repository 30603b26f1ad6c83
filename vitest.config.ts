import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WxtVitest() wires WXT's auto-imports and fake browser; it does not load Vue (ENGINEERING.md).
  plugins: [WxtVitest(), vue()],
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
