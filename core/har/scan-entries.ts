/**
 * Reads a HAR file's text piece by piece and hands out `log.entries` one entry at a time, so a
 * file of any size is never held whole, neither as text nor as one parsed tree. It tracks the
 * JSON structure only down to the entries list; each value there (an entry, or another field of
 * `log`) is cut out with a depth and string-aware scan and given to `JSON.parse`, which also
 * checks it. Measured on a 100,000-entry Chrome HAR (docs/benchmarks.md), this is several times
 * faster than a token-level streaming parser (@streamparser/json), because the native parser
 * does the real work.
 */

/** Why the text is not a HAR file; `import.ts` turns it into a `HarImportError`. */
export class HarScanError extends Error {
  constructor(
    readonly code: 'empty' | 'html' | 'notJson' | 'invalidJson' | 'noLog' | 'noEntries',
    readonly why = '',
  ) {
    super(why || code);
  }
}

type Container = 'root' | 'log' | 'entries';
type Expect = 'open' | 'keyOrClose' | 'key' | 'colon' | 'value' | 'valueOrClose' | 'commaOrClose' | 'done';
/** Where a cut-out value goes. */
type Sink = 'key' | 'entry' | 'logField' | 'rootField';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const ends = (c: number) => c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c);

/** One pass over a HAR file's text: `push` each piece, then `end`. */
export class HarEntryScanner {
  private readonly stack: Container[] = [];
  private expect: Expect = 'open';
  private key = '';
  /** Characters before the current piece, for error positions. */
  private offset = 0;
  private started = false;
  private readonly log: Record<string, unknown> = {};
  private logIsObject = false;
  private entriesIsList = false;
  private entries: unknown[] = [];

  // The value being cut out, possibly across pieces.
  private capturing = false;
  private sink: Sink = 'entry';
  private pieces: string[] = [];
  private start = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;

  /** Reads one piece of the text; returns the entries it completed, parsed, in file order. */
  push(text: string): unknown[] {
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      // Fiddler writes a UTF-8 byte order mark; JSON.parse refuses it.
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    const n = text.length;
    while (i < n) {
      if (this.capturing) {
        i = this.scan(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      i = this.structure(text, i, c);
    }
    if (this.capturing) {
      this.pieces.push(text.slice(this.start));
      this.start = 0;
    }
    this.offset += n;
    const done = this.entries;
    this.entries = [];
    return done;
  }

  /** The end of the text: the `log` object's other fields, or why this is not a HAR file. */
  end(): Record<string, unknown> {
    if (this.expect === 'open') throw new HarScanError('empty');
    if (this.expect !== 'done') throw new HarScanError('invalidJson', 'Unexpected end of JSON input');
    if (!this.logIsObject) throw new HarScanError('noLog');
    if (!this.entriesIsList) throw new HarScanError('noEntries');
    return this.log;
  }

  private fail(text: string, i: number): never {
    const shown = JSON.stringify(text[i]);
    throw new HarScanError('invalidJson', `Unexpected token ${shown} at position ${this.offset + i}`);
  }

  /** One structural character at `text[i]` (not inside a value being cut out). */
  private structure(text: string, i: number, c: number): number {
    const top = this.stack[this.stack.length - 1];
    switch (this.expect) {
      case 'open':
        if (c !== OPEN_BRACE) {
          // Other Unicode spaces before the content: still "empty" if nothing else follows.
          if (/\s/.test(text[i])) return i + 1;
          throw new HarScanError(c === 0x3c ? 'html' : 'notJson');
        }
        this.stack.push('root');
        this.expect = 'keyOrClose';
        return i + 1;
      case 'keyOrClose':
      case 'key':
        if (c === QUOTE) return this.begin(text, i, 'key');
        if (c === CLOSE_BRACE && this.expect === 'keyOrClose') return this.close(i);
        return this.fail(text, i);
      case 'colon':
        if (c !== COLON) this.fail(text, i);
        this.expect = 'value';
        return i + 1;
      case 'valueOrClose':
        if (c === CLOSE_BRACKET) return this.close(i);
        return this.value(text, i, c, top);
      case 'value':
        return this.value(text, i, c, top);
      case 'commaOrClose':
        if (c === COMMA) {
          this.expect = top === 'entries' ? 'value' : 'key';
          return i + 1;
        }
        if (c === (top === 'entries' ? CLOSE_BRACKET : CLOSE_BRACE)) return this.close(i);
        return this.fail(text, i);
      case 'done':
        return this.fail(text, i);
    }
  }

  private value(text: string, i: number, c: number, top: Container | undefined): number {
    if (top === 'root' && this.key === 'log' && c === OPEN_BRACE) {
      this.stack.push('log');
      this.logIsObject = true;
      this.expect = 'keyOrClose';
      return i + 1;
    }
    if (top === 'log' && this.key === 'entries' && c === OPEN_BRACKET) {
      this.stack.push('entries');
      this.entriesIsList = true;
      this.expect = 'valueOrClose';
      return i + 1;
    }
    if (c === COMMA || c === COLON || c === CLOSE_BRACE || c === CLOSE_BRACKET) this.fail(text, i);
    return this.begin(text, i, top === 'entries' ? 'entry' : top === 'log' ? 'logField' : 'rootField');
  }

  private close(i: number): number {
    this.stack.pop();
    this.expect = this.stack.length === 0 ? 'done' : 'commaOrClose';
    return i + 1;
  }

  /** Starts cutting out the value that begins at `text[i]`. */
  private begin(text: string, i: number, sink: Sink): number {
    const c = text.charCodeAt(i);
    this.capturing = true;
    this.sink = sink;
    this.pieces = [];
    this.start = i;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.primitive = c !== QUOTE && c !== OPEN_BRACE && c !== OPEN_BRACKET;
    return this.scan(text, i);
  }

  /** The hot loop: finds where the value being cut out ends; returns the index after it. */
  private scan(text: string, from: number): number {
    const n = text.length;
    let { depth, inString, escaped } = this;
    const primitive = this.primitive;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) return this.finish(text, i + 1);
        }
      } else if (primitive) {
        if (ends(c)) return this.finish(text, i);
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) return this.finish(text, i + 1);
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return n;
  }

  private finish(text: string, end: number): number {
    const tail = text.slice(this.start, end);
    const json = this.pieces.length === 0 ? tail : this.pieces.join('') + tail;
    this.pieces = [];
    this.capturing = false;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new HarScanError('invalidJson', error instanceof Error ? error.message : String(error));
    }
    if (this.sink === 'key') {
      this.key = value as string;
      this.expect = 'colon';
      return end;
    }
    if (this.sink === 'entry') this.entries.push(value);
    else if (this.sink === 'logField') this.log[this.key] = value;
    else if (this.key === 'log') this.logIsObject = false;
    this.expect = 'commaOrClose';
    return end;
  }
}
