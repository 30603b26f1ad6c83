#!/usr/bin/env node
// The `handshake` command (package.json "bin"). The command line is TypeScript on top of core/:
// it is bundled with esbuild on first run (and again when a source changes) into
// node_modules/.cache/handshake/, as scripts/start.mjs does for its TypeScript helpers.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the sources the bundle is built from. */
function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
  }
  return newest;
}

const out = join(root, 'node_modules/.cache/handshake/cli.mjs');
let built = 0;
try {
  built = statSync(out).mtimeMs;
} catch {
  // Not built yet.
}
if (built < Math.max(newestSource(join(root, 'core')), newestSource(join(root, 'cli')))) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'error',
  });
}
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2));
