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
import { copyText } from './clipboard';

export interface MenuRow {
  type: string;
  id: string;
}

const COPIES: Partial<Record<RowMenuAction, [string, (r: HttpRequest) => string]>> = {
  'copy-url': ['URL', (r) => copyUrl(r)],
  'copy-url-secrets': ['URL with secrets', (r) => copyUrl(r, { withSecrets: true })],
  'copy-fetch': ['fetch call', (r) => copyAsFetch(r)],
  'copy-fetch-secrets': ['fetch call with secrets', (r) => copyAsFetch(r, { withSecrets: true })],
  'copy-curl': ['cURL command', (r) => copyAsCurl(r)],
  'copy-curl-secrets': ['cURL command with secrets', (r) => copyAsCurl(r, { withSecrets: true })],
};

/**
 * @param options.readOnly True while a file is shown: nothing can be sent to a page.
 * @param options.openReplay Opens the replay flow for the (now selected) request.
 */
export function useRowContextMenu(options: { readOnly: () => boolean; openReplay: () => void }) {
  const store = useRecordingStore();
  const toggles = useTogglesStore();
  const open = ref<{ row: MenuRow; x: number; y: number } | null>(null);
  /** What the last item did, for a polite live region ("Copied the cURL command"). */
  const notice = ref('');

  const request = () =>
    open.value?.row.type === 'request' ? store.recording.requests.get(open.value.row.id) : undefined;
  const channel = () =>
    open.value?.row.type === 'channel' ? store.recording.channels.get(open.value.row.id) : undefined;

  const items = computed(() => {
    void store.version;
    const canAct = store.canAct && !options.readOnly();
    const r = request();
    if (r) return rowMenuItems({ type: 'request', isRefresh: toggles.isRefresh(r), canAct });
    const c = channel();
    if (c)
      return rowMenuItems({ type: 'channel', channelOff: isBlocked(c.url, toggles.policy.blocked), canAct });
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
        notice.value = `Copied the ${copy[0]}.`;
      } else if (action === 'replay' && r) options.openReplay();
      else if ((action === 'mark-refresh' || action === 'unmark-refresh') && r)
        await toggles.markRefresh(r, action === 'mark-refresh');
      else if ((action === 'channel-off' || action === 'channel-on') && c)
        toggles.setChannelOff(channelPattern(c.url), action === 'channel-off');
    } catch (err) {
      notice.value = `Could not do that: ${String(err)}`;
    }
  }

  return { open, items, notice, show, pick, close: () => (open.value = null) };
}
