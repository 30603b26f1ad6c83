/**
 * `handshake analyze <files…> [--json]` and `handshake redact <in> -o <out>`: support triage on
 * top of core/ (the same import, reducer, rules and redaction as the panel). Results go to
 * stdout, progress and warnings to stderr.
 */
import { statSync } from 'node:fs';
import { exportHarBytes, HarImportError, importHar, type HarImportResult } from '../core/har';
import type { Finding } from '../core/model';
import { Recording } from '../core/reducer';
import { formatFinding } from '../core/report';
import { findFindings } from '../core/rules';
import { gzipCompressor, readChunks, writeChunks } from './files';

const USAGE = `Usage:
  handshake analyze <file.har…> [--json]   findings per file; exit code 1 when any is an error
  handshake redact <in.har> -o <out.har>   write a copy with secrets removed (default redaction)

Files may be gzipped (.har.gz). Exit codes: 0 fine, 1 error findings, 2 a file could not be read.`;

function progress(text: string): void {
  process.stderr.write(`› ${text}\n`);
}

async function load(path: string): Promise<HarImportResult> {
  const size = statSync(path).size;
  let lastShown = 0;
  const chunks = await readChunks(path, (read) => {
    // Large files only, at most every 10 %: progress must not drown the output.
    if (size > 8 * 1024 * 1024 && read - lastShown > size / 10) {
      lastShown = read;
      progress(`${path}: read ${Math.round((read / size) * 100)} %`);
    }
  });
  const result = await importHar(chunks, {
    onProgress: ({ entriesDone, entriesTotal }) => {
      if (entriesTotal >= 5000 && entriesDone % 5000 === 0)
        progress(`${path}: ${entriesDone}/${entriesTotal} entries`);
    },
  });
  for (const w of result.warnings) progress(`${path}: ${w}`);
  for (const s of result.skipped.slice(0, 5)) progress(`${path}: entry ${s.index} skipped: ${s.reason}`);
  return result;
}

async function analyze(files: string[], json: boolean): Promise<number> {
  let errors = false;
  let unreadable = false;
  const reports: object[] = [];
  for (const [i, path] of files.entries()) {
    if (files.length > 1) progress(`[${i + 1}/${files.length}] ${path}`);
    let result: HarImportResult;
    try {
      result = await load(path);
    } catch (error) {
      unreadable = true;
      const message =
        error instanceof HarImportError || error instanceof Error ? error.message : String(error);
      if (json) reports.push({ file: path, error: message });
      else process.stdout.write(`== ${path}\n✖ Cannot read: ${message}\n\n`);
      continue;
    }
    const rec = new Recording();
    rec.apply(result.events);
    const findings: Finding[] = findFindings(rec);
    errors ||= findings.some((f) => f.severity === 'error');
    if (json) {
      reports.push({
        file: path,
        creator: result.creator,
        skipped: result.skipped,
        warnings: result.warnings,
        requests: rec.requests.size,
        channels: rec.channels.size,
        exceptions: rec.exceptions.size,
        findings,
      });
    } else {
      const head = `${rec.requests.size} requests, ${rec.channels.size} channels, ${rec.exceptions.size} exceptions (from ${result.creator.name || 'unknown'}).`;
      const body = findings.length ? findings.map(formatFinding).join('\n\n') : 'No problems found.';
      process.stdout.write(`== ${path}\n${head}\n\n${body}\n\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return errors ? 1 : unreadable ? 2 : 0;
}

async function redact(input: string, output: string): Promise<number> {
  const result = await load(input);
  progress(`${input}: ${result.events.length} events; writing ${output}`);
  const bytes = exportHarBytes(result.events, {
    onManifest: (m) =>
      progress(
        `removed ${m.distinctSecrets} distinct secrets: ${m.fired.map((f) => `${f.rule} ×${f.count}`).join(', ') || 'none found'}`,
      ),
  });
  await writeChunks(output, output.endsWith('.gz') ? gzipCompressor(bytes) : bytes);
  return 0;
}

/** Runs one command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') {
      const files = rest.filter((a) => a !== '--json');
      if (files.length === 0) throw new UsageError('analyze needs at least one file.');
      return await analyze(files, rest.includes('--json'));
    }
    if (command === 'redact') {
      const o = rest.findIndex((a) => a === '-o' || a === '--output');
      const output = o >= 0 ? rest[o + 1] : undefined;
      const inputs = rest.filter((_, i) => i !== o && i !== o + 1);
      if (inputs.length !== 1 || !output)
        throw new UsageError('redact needs one input file and -o <output>.');
      return await redact(inputs[0], output);
    }
    process.stdout.write(`${USAGE}\n`);
    return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  } catch (error) {
    process.stderr.write(`handshake: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    return 2;
  }
}

class UsageError extends Error {}
