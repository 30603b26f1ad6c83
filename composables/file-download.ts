/**
 * Saving an export as a file. The chunks become one `Blob` (the browser keeps its parts, never
 * one giant string), downloaded through an object URL and an `<a download>`: no `downloads`
 * permission, and it works the same in DevTools and in an extension page.
 */
import { exportHarBytes, type HarExportOptions } from '~/core/har';
import type { RecordedEvent } from '~/core/events';

export type ExportFormat = 'har' | 'har.gz';

/** Lets the page paint (progress) between chunks of a long export. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The export as a Blob: HAR text, or gzip through `CompressionStream`. */
export async function exportBlob(
  events: readonly RecordedEvent[],
  format: ExportFormat,
  options: HarExportOptions = {},
): Promise<Blob> {
  const parts: BlobPart[] = [];
  let n = 0;
  for await (const bytes of exportHarBytes(events, options)) {
    parts.push(bytes as Uint8Array<ArrayBuffer>);
    if (++n % 100 === 0) await nextTask();
  }
  const har = new Blob(parts, { type: 'application/json' });
  if (format === 'har') return har;
  const gz = har.stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(gz).blob();
}

/** Offers `blob` as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL can go once the click's task is done.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `handshake-127.0.0.1-2025-01-18T09-03.har`: the site and the time, safe as a file name. */
export function exportFileName(site: string, time: number, format: ExportFormat): string {
  const stamp = new Date(time).toISOString().slice(0, 16).replace(/:/g, '-');
  const safe = site.replace(/[^a-z0-9.-]+/gi, '_') || 'recording';
  return `handshake-${safe}-${stamp}.${format}`;
}
