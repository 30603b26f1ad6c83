/**
 * Captures unhandled rejections (`Unhandled promise rejection: Error: Auth context not
 * provided`), their later handling, and uncaught errors. Listeners only: the probe never calls
 * `preventDefault`, so the console and the page behave exactly as without it.
 */
import type { ExceptionEvent } from '../core/events';
import type { ProbeContext } from './context';
import { errorText, textPreview } from './preview';

/** What the probe can say about a thrown value without running page code beyond getters. */
interface Described {
  message: string;
  errorName?: string;
  stackText?: string;
}

/**
 * Listens on `ctx.n.win` for `unhandledrejection`, `rejectionhandled` and `error`.
 * @param ctx The probe context of this install.
 * @returns Removes the listeners.
 */
export function captureErrors(ctx: ProbeContext): () => void {
  const { n } = ctx;
  const win = n.win;
  const rejectionIds = n.weakMap<object, string>();
  const rejectionProto = win.PromiseRejectionEvent?.prototype;
  const rejectionPromise = n.getter(rejectionProto, 'promise');
  const rejectionReason = n.getter(rejectionProto, 'reason');
  const errorProto = win.ErrorEvent?.prototype;
  const errorMessage = n.getter(errorProto, 'message');
  const errorFilename = n.getter(errorProto, 'filename');
  const errorLine = n.getter(errorProto, 'lineno');
  const errorColumn = n.getter(errorProto, 'colno');
  const errorValue = n.getter(errorProto, 'error');
  const eventTarget = n.getter(win.Event?.prototype, 'target');

  function describe(value: unknown): Described | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as { name?: unknown; message?: unknown; stack?: unknown };
    const name = record.name;
    if (typeof name !== 'string' || typeof record.message !== 'string') return undefined;
    const stack = record.stack;
    return {
      message: errorText(n, value),
      errorName: name,
      ...(typeof stack === 'string' ? { stackText: textPreview(n, stack).data } : {}),
    };
  }

  /** Short text for a non-Error reason: the string itself, or the kind of value. */
  function shortText(value: unknown): string {
    if (typeof value === 'object' && value !== null) return n.isArray(value) ? 'Array' : 'Object';
    if (typeof value === 'function') return 'function';
    return textPreview(n, n.text(value as string)).data;
  }

  function onRejection(event: Event): void {
    try {
      const reason = rejectionReason(event);
      const promise = rejectionPromise(event) as object;
      const exceptionId = ctx.nextId('page:x');
      if (typeof promise === 'object' && promise !== null) rejectionIds.set(promise, exceptionId);
      const described = describe(reason) ?? { message: shortText(reason) };
      const report: ExceptionEvent & { time: number } = {
        kind: 'exception',
        time: n.now(),
        surface: 'unhandledrejection',
        ...described,
        exceptionId,
      };
      ctx.emit(report);
    } catch {
      // Never throw inside the page's event dispatch.
    }
  }

  function onHandled(event: Event): void {
    try {
      const promise = rejectionPromise(event);
      const exceptionId =
        typeof promise === 'object' && promise !== null ? rejectionIds.get(promise) : undefined;
      if (exceptionId !== undefined) ctx.emit({ kind: 'exception.handled', time: n.now(), exceptionId });
    } catch {
      // Same.
    }
  }

  function onError(event: Event): void {
    try {
      // Resource-load errors (img, script) target the element, not the window.
      if (eventTarget(event) !== win) return;
      const described = describe(errorValue(event));
      const filename = errorFilename(event);
      const line = errorLine(event);
      const column = errorColumn(event);
      const message = errorMessage(event);
      ctx.emit({
        kind: 'exception',
        time: n.now(),
        surface: 'error',
        message: described
          ? described.message
          : textPreview(n, typeof message === 'string' ? message : '').data,
        ...(described?.errorName !== undefined ? { errorName: described.errorName } : {}),
        ...(described?.stackText !== undefined ? { stackText: described.stackText } : {}),
        ...(typeof filename === 'string' && filename !== '' ? { url: textPreview(n, filename).data } : {}),
        ...(typeof line === 'number' && line > 0 ? { line } : {}),
        ...(typeof column === 'number' && column > 0 ? { column } : {}),
        exceptionId: ctx.nextId('page:x'),
      });
    } catch {
      // Same.
    }
  }

  n.listen(win, 'unhandledrejection', onRejection);
  n.listen(win, 'rejectionhandled', onHandled);
  n.listen(win, 'error', onError);
  return () => {
    n.unlisten(win, 'unhandledrejection', onRejection);
    n.unlisten(win, 'rejectionhandled', onHandled);
    n.unlisten(win, 'error', onError);
  };
}
