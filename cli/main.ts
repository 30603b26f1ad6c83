/**
 * `handshake analyze <files…> [--json]`, `handshake redact <in> -o <out>` and `handshake report
 * <in> -o <out.html>`: support triage on top of core/ (the same import, reducer, rules and
 * redaction as the panel). Results go to stdout, progress to stderr. Everything derived from
 * the file goes through the export's redaction first: support people paste this output into
 * tickets. Everything is written in English or Russian: `--lang en|ru`, else the terminal's
 * language (`LC_ALL`, `LC_MESSAGES`, `LANG`). `--json` keeps its keys in English; the texts in
 * it (findings, warnings, reasons) are in that language.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { exportHarBytes, HarImportError, harNoticeText, importHar, type HarImportResult } from '../core/har';
import { asLocale, messagesFor, terminalLocale, type Locale, type Messages } from '../core/i18n';
import type { Finding } from '../core/model';
import { describeRemoval, Redactor } from '../core/redact';
import { Recording } from '../core/reducer';
import { formatFindings } from '../core/report';
import { primedRedactor, redactFindings, reportHtml, skipReasons } from '../core/report-html';
import { findFindings } from '../core/rules';
import { gzipCompressor, readChunks, writeChunks } from './files';

function progress(text: string): void {
  process.stderr.write(`› ${text}\n`);
}

async function load(path: string, locale: Locale): Promise<HarImportResult> {
  const m = messagesFor(locale).cli.progress;
  const size = statSync(path).size;
  let lastShown = 0;
  let bytesRead = 0;
  const chunks = await readChunks(
    path,
    (read) => {
      bytesRead = read;
      // Large files only, at most every 10 %: progress must not drown the output.
      if (size > 8 * 1024 * 1024 && read - lastShown > size / 10) {
        lastShown = read;
        progress(m.read({ file: path, percent: Math.round((read / size) * 100) }));
      }
    },
    { locale },
  );
  // Streamed entry by entry: the total is estimated from the share of the file read so far.
  let entriesShown = 0;
  const result = await importHar(chunks, {
    locale,
    fractionRead: () => (size > 0 ? bytesRead / size : 0),
    onProgress: ({ entriesDone, entriesTotal }) => {
      if (entriesTotal >= 5000 && entriesDone - entriesShown >= 5000 && entriesDone < entriesTotal) {
        entriesShown = entriesDone;
        progress(m.entries({ file: path, done: entriesDone, total: entriesTotal }));
      }
    },
  });
  return result;
}

/** The import's words about the file, redacted: warnings (the skipped count aside) and skipped entries. */
function importWords(result: HarImportResult, r: Redactor, locale: Locale) {
  const warnings = result.notices.flatMap((n) =>
    n.code === 'skipped' ? [] : [r.text(harNoticeText(n, locale))],
  );
  const skipped = result.skipped.map((s) => ({ ...s, reason: r.text(s.reason) }));
  const total = result.notices.find((n) => n.code === 'skipped')?.total;
  return { warnings, skipped, total, creator: r.text(result.creator.name) };
}

/** Progress lines for what the import assumed or left out (the first few skipped entries). */
function reportImport(path: string, words: ReturnType<typeof importWords>, locale: Locale): void {
  const m = messagesFor(locale).cli.progress;
  for (const w of words.warnings) progress(`${path}: ${w}`);
  for (const s of words.skipped.slice(0, 5))
    progress(m.skipped({ file: path, index: s.index, reason: s.reason }));
}

/** V8's JSON errors quote the file around the fault (`..."T12"}, tru]" is not valid JSON`). */
const QUOTED_SOURCE = /,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?\s+is not valid JSON\s*$/;

/**
 * An error in words: ours in `locale`, anything else as it says itself. The parser's quote of
 * a damaged file goes: it can hold a piece of a secret, and this text is pasted into tickets.
 */
function errorText(error: unknown, locale: Locale): string {
  if (error instanceof HarImportError) {
    const why = error.params.why;
    if (error.code === 'invalidJson' && why !== undefined && QUOTED_SOURCE.test(why))
      return HarImportError.of('invalidJson', { why: why.replace(QUOTED_SOURCE, '') }, locale).message;
    return error.localized(locale);
  }
  return error instanceof Error ? error.message : String(error);
}

async function analyze(files: string[], json: boolean, locale: Locale): Promise<number> {
  const m = messagesFor(locale).cli;
  let errors = false;
  let unreadable = false;
  const reports: object[] = [];
  for (const [i, path] of files.entries()) {
    if (files.length > 1) progress(`[${i + 1}/${files.length}] ${path}`);
    let result: HarImportResult;
    try {
      result = await load(path, locale);
    } catch (error) {
      unreadable = true;
      const message = errorText(error, locale);
      if (json) reports.push({ file: path, error: message });
      else process.stdout.write(`== ${path}\n${m.cannotRead({ message })}\n\n`);
      continue;
    }
    const rec = new Recording();
    rec.apply(result.events);
    // The redactor meets the whole file first, as the export does: a token the findings quote
    // gets the placeholder it has in the headers it came from.
    const r = primedRedactor(rec);
    const findings: Finding[] = redactFindings(r, findFindings(rec, undefined, { locale }));
    const words = importWords(result, r, locale);
    reportImport(path, words, locale);
    errors ||= findings.some((f) => f.severity === 'error');
    if (json) {
      reports.push({
        file: path,
        creator: { name: words.creator, version: r.text(result.creator.version) },
        skipped: words.skipped,
        ...(words.total !== undefined ? { entries: words.total } : {}),
        warnings: words.warnings,
        requests: rec.requests.size,
        channels: rec.channels.size,
        exceptions: rec.exceptions.size,
        findings,
      });
    } else {
      const counts = {
        requests: rec.requests.size,
        channels: rec.channels.size,
        exceptions: rec.exceptions.size,
      };
      const lines = [
        words.creator && words.creator !== 'unknown'
          ? m.summary({ ...counts, creator: words.creator })
          : m.summaryUnknownCreator(counts),
      ];
      if (words.skipped.length > 0) {
        const total = words.total ?? words.skipped.length + rec.requests.size + rec.channels.size;
        lines.push(
          messagesFor(locale).report.skipped({
            skipped: words.skipped.length,
            total,
            reasons: skipReasons(words.skipped),
          }),
        );
      }
      for (const w of words.warnings) lines.push(w);
      const body = formatFindings(findings, locale, words.skipped.length);
      process.stdout.write(`== ${path}\n${lines.join('\n')}\n\n${body}\n\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return errors ? 1 : unreadable ? 2 : 0;
}

async function redact(input: string, output: string, locale: Locale): Promise<number> {
  const result = await load(input, locale);
  reportImport(input, importWords(result, new Redactor(), locale), locale);
  progress(messagesFor(locale).cli.progress.writing({ file: input, events: result.events.length, output }));
  const bytes = exportHarBytes(result.events, {
    locale,
    onManifest: (manifest) => progress(describeRemoval(manifest, locale)),
  });
  await writeChunks(output, output.endsWith('.gz') ? gzipCompressor(bytes) : bytes);
  return 0;
}

async function report(input: string, output: string, locale: Locale): Promise<number> {
  const result = await load(input, locale);
  const rec = new Recording();
  rec.apply(result.events);
  const findings = findFindings(rec, undefined, { locale });
  // Progress lines only (patterns, no walk): the report redacts the import's words itself.
  reportImport(input, importWords(result, new Redactor(), locale), locale);
  const total = result.notices.find((n) => n.code === 'skipped')?.total;
  const chunks = reportHtml({
    recording: rec,
    findings,
    file: {
      name: basename(input),
      creator: result.creator.name,
      skipped: result.skipped,
      warnings: result.notices.flatMap((n) => (n.code === 'skipped' ? [] : [harNoticeText(n, locale)])),
      ...(total !== undefined ? { total } : {}),
    },
    locale,
    writtenAt: Date.now(),
  });
  await writeChunks(
    output,
    (async function* () {
      yield* chunks;
    })(),
  );
  progress(messagesFor(locale).cli.progress.wrote({ output, findings: findings.length }));
  return 0;
}

class UsageError extends Error {}

/** `--lang xx` taken out of the arguments; the language it names, or the terminal's. */
function takeLang(
  args: string[],
  env: Readonly<Record<string, string | undefined>>,
): {
  rest: string[];
  locale: Locale;
  bad?: string;
} {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--lang') lang = args[++i] ?? '';
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (lang === undefined) return { rest, locale: terminalLocale(env) };
  const locale = asLocale(lang);
  return locale ? { rest, locale } : { rest, locale: terminalLocale(env), bad: lang };
}

/**
 * Runs one command; returns the exit code.
 * @param argv The arguments after `handshake`.
 * @param env Where the terminal's language is read (the process environment by default).
 */
export async function main(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const { rest: args, locale, bad } = takeLang(argv, env);
  const m: Messages['cli'] = messagesFor(locale).cli;
  const [command, ...rest] = args;
  try {
    if (bad !== undefined) throw new UsageError(m.errors.badLang({ value: bad }));
    if (command === 'analyze') {
      const files = rest.filter((a) => a !== '--json');
      if (files.length === 0) throw new UsageError(m.errors.analyzeNeedsFile);
      return await analyze(files, rest.includes('--json'), locale);
    }
    if (command === 'redact' || command === 'report') {
      const o = rest.findIndex((a) => a === '-o' || a === '--output');
      const output = o >= 0 ? rest[o + 1] : undefined;
      const inputs = rest.filter((_, i) => i !== o && i !== o + 1);
      if (command === 'redact') {
        if (inputs.length !== 1 || !output) throw new UsageError(m.errors.redactNeedsFiles);
        return await redact(inputs[0], output, locale);
      }
      if (inputs.length !== 1 || !output) throw new UsageError(m.errors.reportNeedsFiles);
      return await report(inputs[0], output, locale);
    }
    process.stdout.write(`${m.usage}\n`);
    return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  } catch (error) {
    const message = errorText(error, locale);
    process.stderr.write(`handshake: ${message}\n`);
    if (error instanceof UsageError) process.stderr.write(`${m.usage}\n`);
    return 2;
  }
}
