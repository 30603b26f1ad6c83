/**
 * What every capture module of the probe gets: the captured natives, the mask that wraps page
 * built-ins invisibly, a way to report an event, and page-local ids.
 */
import type { ProbeEvent } from '../core/protocol';
import type { NativeMask } from './native-mask';
import type { Natives } from './natives';
import type { BinaryReader } from './preview';

export interface ProbeContext {
  readonly n: Natives;
  readonly mask: NativeMask;
  readonly binary: BinaryReader;
  /** Reports one event. Never throws into the page. */
  emit(event: ProbeEvent): void;
  /**
   * True while the browser's debugger records the tab: frames are reported by size and text
   * prefix only, the browser's copy carrying the payload (`BridgeRecordCommand.cdp`).
   */
  browserCarriesPayloads(): boolean;
  /** `<prefix><n>`, counting per prefix from 1: `page:1`, `page:ws:1`, `page:x1`. */
  nextId(prefix: string): string;
}

/**
 * Builds the context over an outbox-like sink.
 * @param n Natives captured at install time.
 * @param mask The native mask for this install.
 * @param binary Reader for binary payloads.
 * @param sink Receives every event (the outbox).
 * @param lean Whether the browser carries frame payloads now (the outbox knows); default never.
 */
export function createProbeContext(
  n: Natives,
  mask: NativeMask,
  binary: BinaryReader,
  sink: (event: ProbeEvent) => void,
  lean: () => boolean = () => false,
): ProbeContext {
  const counters = n.bare<Record<string, number>>();
  return {
    n,
    mask,
    binary,
    emit(event) {
      try {
        sink(event);
      } catch {
        // Reporting must never change what the page sees.
      }
    },
    browserCarriesPayloads: lean,
    nextId(prefix) {
      const next = (counters[prefix] ?? 0) + 1;
      counters[prefix] = next;
      return prefix + next;
    },
  };
}
