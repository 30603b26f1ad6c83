/**
 * Reading a file the user picked or dropped into events: `.har` or `.har.gz` (gunzipped with
 * `DecompressionStream`), streamed from disk, parsed by `core/har`'s importer, which yields to
 * the page between batches of entries so a huge file shows progress.
 */
import { HarImportError, importHar, type HarImportProgress, type HarImportResult } from '~/core/har';
import { limitInflated } from '~/core/har/inflate-limit';
import type { Locale } from '~/core/i18n';

/** Reads a byte stream chunk by chunk (async iteration of ReadableStream is not typed everywhere). */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Imports a HAR file (plain or gzip). Throws `HarImportError` with a message for the user. The
 * file is streamed from disk and read entry by entry: neither its whole text nor its whole parsed
 * tree is held. A `.gz` that expands past `maxInflatedBytes` (2 GiB) is refused.
 */
export async function readHarFile(
  file: Blob,
  onProgress?: (progress: HarImportProgress) => void,
  options: { locale?: Locale; maxInflatedBytes?: number } = {},
): Promise<HarImportResult> {
  let read = 0;
  // Counts the file's own bytes (compressed, for a .gz) for the progress estimate.
  const raw = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        read += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );
  const chunks = (await isGzip(file))
    ? limitInflated(
        chunksOf(raw.pipeThrough<Uint8Array>(new DecompressionStream('gzip'))),
        options.maxInflatedBytes,
        options.locale,
      )
    : chunksOf(raw);
  try {
    return await importHar(chunks, {
      locale: options.locale,
      fractionRead: () => (file.size > 0 ? read / file.size : 0),
      onProgress: async (p) => {
        onProgress?.(p);
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
  } catch (error) {
    if (error instanceof HarImportError) throw error;
    // A broken gzip stream or an unreadable file: say it in the same plain words.
    const why = error instanceof Error ? error.message : String(error);
    throw HarImportError.of('unreadable', { why }, options.locale);
  }
}
