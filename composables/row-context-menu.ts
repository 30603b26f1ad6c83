/**
 * The timeline rows' context menu: which row it is open for, where, and what each item does.
 * Copies go through `core/copy-as.ts` (redacted unless "(with secrets)" was picked); replay,
 * mark as refresh and switching a channel off use the same store actions as their buttons.
 */
import { computed, ref } from 'vue';
import { copyAsCurl, copyAsFetch, copyUrl } from '~/core/copy-as';
import type { HttpRequest } from '~/core/model';
import { channelPattern, isBlocked } from '~/components/channels/channel-pattern';
import { rowMenuItems, type RowMenuAction } from '~/components/context-menu/row-menu-items';
import { useRecordingStore } from '~/stores/recording';
import { useTogglesStore } from '~/stores/toggles';
import { CopyRefusedError, copyText } from './clipboard';
import type { Messages } from '~/core/i18n';
import { locale, useMessages } from './i18n';

export interface MenuRow {
  type: string;
  id: string;
}

type CopiedKey = keyof Messages['menu']['copied'];

/** Each copy: the catalog key of what it announces, and the text it copies. */
const COPIES: Partial<Record<RowMenuAction, [CopiedKey, (r: HttpRequest) => string]>> = {
  'copy-url': ['url', (r) => copyUrl(r)],
  'copy-url-secrets': ['urlSecrets', (r) => copyUrl(r, { withSecrets: true })],
  'copy-fetch': ['fetch', (r) => copyAsFetch(r)],
  'copy-fetch-secrets': ['fetchSecrets', (r) => copyAsFetch(r, { withSecrets: true })],
  'copy-curl': ['curl', (r) => copyAsCurl(r)],
  'copy-curl-secrets': ['curlSecrets', (r) => copyAsCurl(r, { withSecrets: true })],
};

/** What the last item did, worded by `notice` in the panel's language. */
type Outcome = { kind: 'copied'; what: CopiedKey } | { kind: 'refused' } | { kind: 'failed'; error: string };

/**
 * @param options.readOnly True while a file is shown: nothing can be sent to a page.
 * @param options.openReplay Opens the replay flow for the (now selected) request.
 */
export function useRowContextMenu(options: { readOnly: () => boolean; openReplay: () => void }) {
  const store = useRecordingStore();
  const toggles = useTogglesStore();
  const open = ref<{ row: MenuRow; x: number; y: number } | null>(null);
  const m = useMessages();
  const outcome = ref<Outcome | null>(null);
  /** What the last item did, for a polite live region ("Copied the cURL command"). */
  const notice = computed(() => {
    const o = outcome.value;
    const t = m.value.menu;
    if (!o) return '';
    if (o.kind === 'copied') return t.copied[o.what];
    return t.failed({ error: o.kind === 'refused' ? t.copyRefused : o.error });
  });

  const request = () =>
    open.value?.row.type === 'request' ? store.recording.requests.get(open.value.row.id) : undefined;
  const channel = () =>
    open.value?.row.type === 'channel' ? store.recording.channels.get(open.value.row.id) : undefined;

  const items = computed(() => {
    void store.version;
    const canAct = store.canAct && !options.readOnly();
    const r = request();
    if (r) return rowMenuItems({ type: 'request', isRefresh: toggles.isRefresh(r), canAct }, locale.value);
    const c = channel();
    if (c)
      return rowMenuItems(
        { type: 'channel', channelOff: isBlocked(c.url, toggles.policy.blocked), canAct },
        locale.value,
      );
    return [];
  });

  /** Opens the menu for `row` at a point; the row becomes the selection, as in DevTools. */
  function show(row: MenuRow, x: number, y: number): void {
    if (row.type !== 'request' && row.type !== 'channel') return;
    store.select({ type: row.type, id: row.id });
    open.value = { row, x, y };
  }

  async function pick(action: RowMenuAction): Promise<void> {
    const r = request();
    const c = channel();
    open.value = null;
    const copy = COPIES[action];
    try {
      if (copy) {
        const text = r ? copy[1](r) : c ? copyUrl(c, { withSecrets: action === 'copy-url-secrets' }) : '';
        await copyText(text);
        outcome.value = { kind: 'copied', what: copy[0] };
      } else if (action === 'replay' && r) options.openReplay();
      else if ((action === 'mark-refresh' || action === 'unmark-refresh') && r)
        await toggles.markRefresh(r, action === 'mark-refresh');
      else if ((action === 'channel-off' || action === 'channel-on') && c)
        toggles.setChannelOff(channelPattern(c.url), action === 'channel-off');
    } catch (err) {
      outcome.value =
        err instanceof CopyRefusedError ? { kind: 'refused' } : { kind: 'failed', error: String(err) };
    }
  }

  return { open, items, notice, show, pick, close: () => (open.value = null) };
}
