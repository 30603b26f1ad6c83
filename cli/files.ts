/**
 * Reading and writing recording files for the command line: streamed from disk, gunzipped when
 * they are `.gz` (or start with gzip's magic bytes), so many and large files stay cheap.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import process from 'node:process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Compressor } from '../core/har';
import { limitInflated } from '../core/har/inflate-limit';
import type { Locale } from '../core/i18n';

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * The file's bytes as a stream of chunks, decompressed when gzipped; `onBytes` reports how many
 * bytes of the file were read (compressed, for a `.gz`). Memory stays bounded: the importer pulls
 * chunk by chunk. A `.gz` that expands past `maxInflatedBytes` is refused (`limitInflated`).
 */
export async function readChunks(
  path: string,
  onBytes?: (read: number) => void,
  options: { maxInflatedBytes?: number; locale?: Locale } = {},
): Promise<AsyncIterable<Uint8Array>> {
  const gzip = await isGzip(path);
  async function* counted(): AsyncGenerator<Uint8Array> {
    let read = 0;
    // Counted as the importer pulls them: a 'data' listener would start the flow and lose chunks.
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      read += chunk.length;
      onBytes?.(read);
      yield chunk;
    }
  }
  if (!gzip) return counted();
  const inflated = Readable.from(counted()).pipe(createGunzip()) as AsyncIterable<Uint8Array>;
  return limitInflated(inflated, options.maxInflatedBytes, options.locale);
}

/** node:zlib as the exporter's compressor seam (the browser passes CompressionStream). */
export const gzipCompressor: Compressor = (chunks) => Readable.from(chunks).pipe(createGzip());

/**
 * Writes a stream of chunks to `path` with backpressure, through a temporary file beside it that
 * is renamed only once everything is written: a failure half-way (a redaction error, a full
 * disk) leaves no partial file under the asked name, and an earlier file there stays as it was.
 */
export async function writeChunks(path: string, chunks: AsyncIterable<Uint8Array | string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temporary));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
