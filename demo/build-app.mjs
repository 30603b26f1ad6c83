// Builds demo/app with Vite into demo/.dist/<source-hash>/, minified with hashed chunk names,
// so the incident's error comes from a chunk like `websocketService-<hash>.js:1:<col>`.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoDir = dirname(fileURLToPath(import.meta.url));
const appDir = join(demoDir, 'app');
const distRoot = join(demoDir, '.dist');
const HASH_FILE = 'source-hash.txt';

/** @param {string} dir @returns {Promise<string[]>} every file under dir, sorted */
async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat().sort();
}

/** Hash of the app sources and of this build script (its options shape the output too). */
async function sourceHash() {
  const hash = createHash('sha256');
  for (const file of [...(await listFiles(appDir)), fileURLToPath(import.meta.url)]) {
    hash
      .update(relative(demoDir, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** @param {string} path */
async function exists(path) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** @param {string} outDir */
async function viteBuild(outDir) {
  // Imported lazily: starting the servers from an existing build needs no bundler.
  const { build } = await import('vite');
  await build({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    base: '/',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      sourcemap: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  });
}

/** @type {Map<string, Promise<{ outDir: string, rebuilt: boolean }>>} */
const inFlight = new Map();

/**
 * Builds the demo app when its sources changed (or when forced).
 * Each build goes to a temporary folder renamed into place, so concurrent test processes
 * never see a half-written build.
 * @param {{ force?: boolean }} [options]
 * @returns {Promise<{ outDir: string, rebuilt: boolean }>}
 */
export async function buildDemoApp({ force = false } = {}) {
  const hash = await sourceHash();
  const key = `${hash}:${force}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const job = (async () => {
    const outDir = join(distRoot, hash);
    if (!force && (await exists(join(outDir, HASH_FILE)))) return { outDir, rebuilt: false };
    const tmpDir = join(distRoot, `tmp-${hash}-${process.pid}-${randomBytes(4).toString('hex')}`);
    await viteBuild(tmpDir);
    await writeFile(join(tmpDir, HASH_FILE), `${hash}\n`);
    if (force) await rm(outDir, { recursive: true, force: true });
    try {
      await rename(tmpDir, outDir);
    } catch {
      // Another process renamed the same build into place first: theirs is identical.
      await rm(tmpDir, { recursive: true, force: true });
    }
    await pruneOldBuilds(hash);
    return { outDir, rebuilt: true };
  })();
  inFlight.set(key, job);
  try {
    return await job;
  } finally {
    inFlight.delete(key);
  }
}

/** Removes builds of older sources (not temp folders: another process may be writing one). */
async function pruneOldBuilds(/** @type {string} */ keep) {
  for (const name of await readdir(distRoot)) {
    if (name !== keep && /^[0-9a-f]{16}$/.test(name))
      await rm(join(distRoot, name), { recursive: true, force: true });
  }
}
