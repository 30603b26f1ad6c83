/**
 * The limit on what a gzipped HAR may expand to. A few kilobytes of gzip can inflate to
 * gigabytes (a "decompression bomb"); the importer streams, but the events it makes stay in
 * memory, so a `.har.gz` is refused clearly once its decompressed bytes pass the limit, instead
 * of taking the panel or the CLI down. A real HAR this large is rare (Chrome's own export is
 * capped near V8's 512 MiB string limit); a user who trusts the file can gunzip it and import it.
 */
import type { Locale } from '../i18n';
import { HarImportError } from './import';

/** Decompressed bytes a `.har.gz` may expand to: 2 GiB. */
export const MAX_INFLATED_BYTES = 2 * 1024 ** 3;

/**
 * Passes decompressed chunks through, and throws `HarImportError` (`tooLarge`) as soon as more
 * than `maxBytes` came out.
 * @param inflated The decompressed bytes (node:zlib's gunzip, or `DecompressionStream`).
 * @param maxBytes The limit; `MAX_INFLATED_BYTES` unless a test lowers it.
 */
export async function* limitInflated(
  inflated: AsyncIterable<Uint8Array>,
  maxBytes: number = MAX_INFLATED_BYTES,
  locale: Locale = 'en',
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of inflated) {
    total += chunk.length;
    if (total > maxBytes)
      throw HarImportError.of('tooLarge', { limitMb: Math.round(maxBytes / 1024 ** 2) }, locale);
    yield chunk;
  }
}
