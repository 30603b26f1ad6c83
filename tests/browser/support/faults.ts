/**
 * Helpers for the fault suite (`tests/browser/faults/`): terminating the extension's service
 * worker, peeking at the panel's event log, and exporting the recording through the UI.
 */
import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import type { PanelPage } from './panel-page';

/** One event of the panel's log, as the fault specs read it (small kinds only). */
export interface ShownEvent {
  seq: number;
  kind: string;
  time: number;
  source: string;
  requestId?: string;
  url?: string;
  from?: number;
  to?: number;
  reason?: string;
  cdp?: string;
  rejected?: number;
  overflow?: number;
}

/** What the panel's log holds, summarised inside the panel (a flood's log is too big to copy). */
export interface PanelLog {
  /** Events in the log. */
  count: number;
  /** Whether seqs strictly grow through the whole log. */
  seqsGrow: boolean;
  /** The log's events of the kinds asked for. */
  picked: ShownEvent[];
  /** The counters of frames `{"n":<counter>}` after `afterSeq`. */
  counters: number[];
  /** The same frames as `[counter, source, time]`. */
  frames: Array<[number, string, number]>;
}

/**
 * The panel's event log, read from its recording store and summarised there. A test-only peek:
 * Vue keeps the app on its mount element and Pinia its stores by id, in production builds too.
 * `counters` lists the stamped frames after `afterSeq` (`Infinity`: none, to keep polls cheap).
 */
export function panelLog(
  panel: Page,
  { kinds = [] as readonly string[], afterSeq = Infinity } = {},
): Promise<PanelLog> {
  return panel.evaluate(
    ({ kinds, afterSeq }) => {
      type Event = ShownEvent & { data?: unknown };
      type Store = { events(): Event[] };
      const root = document.querySelector('#app') as
        | (Element & {
            __vue_app__?: { config: { globalProperties: { $pinia: { _s: Map<string, Store> } } } };
          })
        | null;
      const events = root?.__vue_app__?.config.globalProperties.$pinia._s.get('recording')?.events() ?? [];
      const out: PanelLog = { count: events.length, seqsGrow: true, picked: [], counters: [], frames: [] };
      const after = afterSeq ?? Infinity;
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        if (i > 0 && e.seq <= events[i - 1].seq) out.seqsGrow = false;
        if (kinds.includes(e.kind)) {
          const { data: _data, ...small } = e;
          out.picked.push(small as ShownEvent);
        }
        if (e.seq > after && e.kind === 'channel.frame' && typeof e.data === 'string') {
          const m = /^\{"n":(\d+)\}$/.exec(e.data);
          if (m) {
            out.counters.push(Number(m[1]));
            out.frames.push([Number(m[1]), e.source, e.time]);
          }
        }
      }
      return out;
    },
    // Infinity does not survive serialisation: null stands for "none".
    { kinds: [...kinds], afterSeq: Number.isFinite(afterSeq) ? afterSeq : null },
  );
}

/**
 * Terminates the extension's service worker the way Chrome's "stop" does (its target closed
 * over CDP), through a CDP session of any page in the context. Resolves once the target is gone.
 */
export async function killServiceWorker(
  context: BrowserContext,
  via: Page,
  extensionId: string,
): Promise<void> {
  const cdp = await context.newCDPSession(via);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    expect(worker, 'the extension service worker target').toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A HAR as the fault specs read it (only the fields they check). */
export interface ExportedHar {
  log: {
    entries: Array<{
      request: { url: string };
      _webSocketMessages?: Array<{ type: string; data: string; time: number }>;
    }>;
    _captureGaps: Array<{ from: number; to: number; reason: string; time: number }>;
    _capture: { cdp: string; cdpReason?: string; rejected: number; overflow: number };
  };
}

/** Exports the live recording through the panel's dialog ("Export redacted") and parses it. */
export async function exportRecording(
  panel: PanelPage,
  testInfo: TestInfo,
  name: string,
): Promise<ExportedHar> {
  await panel.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = panel.page.getByRole('dialog', { name: 'Export recording' });
  const downloading = panel.page.waitForEvent('download', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Export redacted' }).click();
  const download = await downloading;
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8')) as ExportedHar;
}
