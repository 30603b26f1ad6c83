// The benchmark's build: the project's own config, written to a directory of its own
// (`HANDSHAKE_BENCH_OUT`, default .output/bench) so that a benchmark run never replaces the
// .output/chrome-mv3 that browser tests running at the same time have loaded.
import { defineConfig } from 'wxt';
import base from '../wxt.config';

export default defineConfig({ ...base, outDir: process.env.HANDSHAKE_BENCH_OUT ?? '.output/bench' });
