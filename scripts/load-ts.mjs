// Loads one of our TypeScript modules from a Node script (npm start, the benchmarks): bundles it
// with esbuild under node_modules/.cache so that its package imports resolve as ours do.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Imports `entry` (a path relative to the project root), compiled from TypeScript. */
export async function loadTs(entry) {
  const outfile = resolve('node_modules/.cache/handshake', entry.replace(/[/.]/g, '_') + '.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}
