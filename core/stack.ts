/**
 * Parses the stack text browsers print into frames. The probe and HAR imports only have the
 * text (`error.stack`), CDP gives structured frames; both end up as `StackFrame[]`.
 * Frames without a location (`at Array.map (<anonymous>)`, `(native)`) are skipped: they
 * cannot be linked to a script, and skipping them makes the first frame the page's own code.
 */
import type { StackFrame } from './events';

/** V8: `    at fn (url:line:col)`; the name may be `new X`, `async fn`, `Object.<anonymous>`. */
const V8_NAMED = /^\s*at\s+(.*?)\s+\((.*)\)\s*$/;
/** V8 anonymous: `    at url:line:col`. */
const V8_BARE = /^\s*at\s+(.*)$/;
/** `url:line:col` with a URL that may itself contain colons (scheme, port). */
const LOCATION = /^(.*):(\d+):(\d+)$/;
/** V8 eval frames: `eval at fn (url:line:col), <anonymous>:1:5`: keep where eval was called. */
const V8_EVAL = /^eval at .*?\((.*?:\d+:\d+)\)/;
/** Firefox and Safari: `fn@url:line:col`, `@url:line:col`, `async*fn@url:line:col`. */
const GECKO = /^\s*(.*?)@(.*:\d+:\d+)\s*$/;
/** Firefox eval: `url line 12 > eval` as the URL part: keep the script and line that ran eval. */
const GECKO_EVAL = /^(.*) line (\d+) > (?:eval|Function)/;

/**
 * Parses a stack trace printed by V8 (Chrome, Node) or by Firefox/Safari into frames,
 * top frame first. Lines that are not frames (the `Error: message` header) are ignored.
 */
export function parseStack(text: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of text.split(/\r?\n/)) {
    const frame = parseV8Line(line) ?? parseGeckoLine(line);
    if (frame) frames.push(frame);
  }
  return frames;
}

function parseV8Line(line: string): StackFrame | undefined {
  const named = V8_NAMED.exec(line);
  if (named) return frameAt(named[1], named[2]);
  const bare = V8_BARE.exec(line);
  if (bare) return frameAt('', bare[1].trim());
  return undefined;
}

function parseGeckoLine(line: string): StackFrame | undefined {
  const match = GECKO.exec(line);
  if (!match) return undefined;
  // Firefox marks async boundaries as `async*fn`; the name is what matters.
  const name = match[1].replace(/^async\*/, '');
  const location = LOCATION.exec(match[2]);
  if (!location) return undefined;
  const evalCall = GECKO_EVAL.exec(location[1]);
  if (evalCall) return { functionName: name, url: evalCall[1], line: Number(evalCall[2]), column: 1 };
  return toFrame(name, location);
}

/** Builds a frame from a V8 location, or nothing when it has no line and column. */
function frameAt(functionName: string, where: string): StackFrame | undefined {
  const evalCall = V8_EVAL.exec(where);
  const location = LOCATION.exec(evalCall ? evalCall[1] : where);
  return location ? toFrame(functionName, location) : undefined;
}

function toFrame(functionName: string, location: RegExpExecArray): StackFrame {
  return {
    functionName,
    url: location[1],
    line: Number(location[2]),
    column: Number(location[3]),
  };
}

/** `fn (url:line:col)`, or `url:line:col` for an anonymous frame: how findings name a frame. */
export function formatFrame(frame: StackFrame): string {
  const where = `${frame.url}:${frame.line}:${frame.column}`;
  return frame.functionName ? `${frame.functionName} (${where})` : where;
}

/** The file name of a frame's script: `websocketService-BKJDZuHi.js` from its URL. */
export function scriptName(url: string): string {
  const path = url.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name || url;
}
