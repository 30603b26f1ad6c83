// Files: export and import of 100,000 events with redaction (core/har + core/redact, the code
// the panel and the CLI run), and a 1 GB export streamed to disk through the export generator.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTs } from '../scripts/load-ts.mjs';
import { syntheticEvents } from './synthetic-events.mjs';

const { exportHar, importHarText } = await loadTs('core/har/index.ts');

/** Streams the export to `file`, honouring backpressure; resolves to bytes written. */
async function exportToFile(events, file) {
  const out = createWriteStream(file);
  let bytes = 0;
  for (const chunk of exportHar(events)) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** One repetition of the 100k export / import; returns timings and checks. */
export async function measureFiles100k() {
  const events = syntheticEvents({ count: 100_000 });
  const t0 = performance.now();
  let text = '';
  for (const chunk of exportHar(events)) text += chunk;
  const exportMs = performance.now() - t0;
  const t1 = performance.now();
  const imported = importHarText(text);
  const importMs = performance.now() - t1;
  return {
    exportMs,
    importMs,
    bytes: Buffer.byteLength(text),
    // Redaction really ran: no token survives, and the import read the file back whole.
    secretsLeft: (text.match(/c2lnbmF0dXJlLW5vdC1yZWFs/g) ?? []).length,
    importedEvents: imported.events.length,
  };
}

/** The 1 GB export: ~1,000,000 frames of 1 KB, streamed to a temporary file. */
export async function measureGigabyteExport() {
  const dir = mkdtempSync(join(tmpdir(), 'hs-bench-1g-'));
  const file = join(dir, 'big.har');
  try {
    const events = syntheticEvents({ count: 1_050_000, framesPerRequest: 50, frameSize: 1024 });
    const t0 = performance.now();
    const bytes = await exportToFile(events, file);
    const ms = performance.now() - t0;
    return {
      ms,
      bytes,
      onDisk: statSync(file).size,
      events: events.length,
      peakRssMiB: process.memoryUsage().rss / 2 ** 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
