/**
 * Reading CDP's values into ours: headers with lower-case names, text clipped to the preview
 * limit, 1-based stacks from CDP's 0-based call frames, and a remote object as one line.
 */
import type Protocol from 'devtools-protocol';
import type { Headers, StackFrame } from './events';
import { PAGE_LIMITS } from './protocol';

export function lowerHeaders(h: Record<string, unknown> | undefined): Headers {
  const out: Headers = {};
  if (!h) return out;
  for (const [name, value] of Object.entries(h)) out[name.toLowerCase()] = String(value);
  return out;
}

export function clip(s: string): { data: string; truncated: boolean } {
  return s.length > PAGE_LIMITS.previewChars
    ? { data: s.slice(0, PAGE_LIMITS.previewChars), truncated: true }
    : { data: s, truncated: false };
}

/** CDP call frames are 0-based; ours are 1-based like the browser's printed stacks. */
export function toStack(trace: Protocol.Runtime.StackTrace | undefined): StackFrame[] | undefined {
  if (!trace) return undefined;
  const frames: StackFrame[] = [];
  for (let t: Protocol.Runtime.StackTrace | undefined = trace; t; t = t.parent) {
    for (const f of t.callFrames) {
      frames.push({
        functionName: f.functionName,
        url: f.url,
        line: f.lineNumber + 1,
        column: f.columnNumber + 1,
      });
      if (frames.length >= PAGE_LIMITS.maxFrames) return frames;
    }
  }
  return frames;
}

/** `Error: Auth context not provided\n    at …` -> first line; other values -> their text. */
export function describe(obj: Protocol.Runtime.RemoteObject | undefined): string {
  if (!obj) return '';
  if (obj.type === 'string') return String(obj.value);
  if (obj.description !== undefined) return obj.description.split('\n')[0];
  if (obj.value !== undefined) return String(obj.value);
  return obj.type;
}
