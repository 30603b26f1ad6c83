/**
 * The library of saved recordings, in the extension's own IndexedDB (`handshake-library`):
 * one small row per recording (name, site, date, size) to list, and its events apart, loaded
 * only when opened or exported.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RecordedEvent } from '~/core/events';
import { useMessages } from '~/composables/i18n';

export interface SavedRecording {
  id: number;
  name: string;
  /** Host of the recorded page (`127.0.0.1:5173`), or `unknown`. */
  site: string;
  /** When it was saved (epoch ms). */
  savedAt: number;
  /** Size of its events as JSON (bytes, approximately). */
  size: number;
  eventCount: number;
}

const DB_NAME = 'handshake-library';
const META = 'recordings';
const EVENTS = 'events';

/** The site of a recording with no page load nor request (shown translated, kept as data). */
export const UNKNOWN_SITE = 'unknown';

/** The site a recording is of: its first page load, else its first request. */
export function recordingSite(events: readonly RecordedEvent[]): string {
  for (const e of events) {
    const url = e.kind === 'page.load' || e.kind === 'request.start' ? e.url : undefined;
    if (!url) continue;
    try {
      const host = new URL(url).host;
      if (host) return host;
    } catch {
      // not a URL: look further
    }
  }
  return UNKNOWN_SITE;
}

/** What the library was asked to do, naming its error message. */
type LibraryAction = 'read' | 'save' | 'rename' | 'delete' | 'open';

let dbPromise: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(META, { keyPath: 'id', autoIncrement: true });
      req.result.createObjectStore(EVENTS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return dbPromise;
}

async function run<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const tx = (await db()).transaction(stores, mode);
  const req = work(tx);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return req ? req.result : undefined;
}

export const useLibraryStore = defineStore('library', () => {
  const m = useMessages();
  const items = ref<SavedRecording[]>([]);
  /** What failed last and the browser's reason; worded in the panel's language by `error`. */
  const problem = ref<{ what: LibraryAction; reason: string } | null>(null);
  /** Why the last action failed, in plain words (re-worded when the language switches). */
  const error = computed(() =>
    problem.value ? m.value.files.libraryErrors[problem.value.what]({ error: problem.value.reason }) : null,
  );

  async function guarded<T>(what: LibraryAction, work: () => Promise<T>): Promise<T | undefined> {
    try {
      problem.value = null;
      return await work();
    } catch (err) {
      problem.value = { what, reason: err instanceof Error ? err.message : String(err) };
      return undefined;
    }
  }

  async function refresh(): Promise<void> {
    await guarded('read', async () => {
      const all =
        (await run<SavedRecording[]>([META], 'readonly', (tx) => tx.objectStore(META).getAll())) ?? [];
      items.value = all.sort((a, b) => b.savedAt - a.savedAt);
    });
  }

  async function save(name: string, events: readonly RecordedEvent[]): Promise<void> {
    await guarded('save', async () => {
      const size = new Blob([JSON.stringify(events)]).size;
      const meta = {
        name,
        site: recordingSite(events),
        savedAt: Date.now(),
        size,
        eventCount: events.length,
      };
      await run([META, EVENTS], 'readwrite', (tx) => {
        const add = tx.objectStore(META).add(meta);
        add.onsuccess = () => tx.objectStore(EVENTS).put([...events], add.result);
      });
    });
    await refresh();
  }

  async function rename(id: number, name: string): Promise<void> {
    const item = items.value.find((i) => i.id === id);
    if (!item || name.trim() === '') return;
    await guarded('rename', () =>
      run([META], 'readwrite', (tx) => void tx.objectStore(META).put({ ...item, name })),
    );
    await refresh();
  }

  async function remove(id: number): Promise<void> {
    await guarded('delete', () =>
      run([META, EVENTS], 'readwrite', (tx) => {
        tx.objectStore(META).delete(id);
        tx.objectStore(EVENTS).delete(id);
      }),
    );
    await refresh();
  }

  /** The events of a saved recording. */
  async function load(id: number): Promise<RecordedEvent[] | undefined> {
    return guarded('open', async () =>
      run<RecordedEvent[]>([EVENTS], 'readonly', (tx) => tx.objectStore(EVENTS).get(id)),
    );
  }

  return { items, error, refresh, save, rename, remove, load };
});
