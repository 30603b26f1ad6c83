/**
 * The items of a timeline row's context menu, by what the row is: a request can be copied,
 * replayed and marked as a refresh; a channel can be copied and switched off. `null` between
 * groups draws a separator.
 */
import { messagesFor, type Locale } from '~/core/i18n';

export type RowMenuAction =
  | 'copy-url'
  | 'copy-url-secrets'
  | 'copy-fetch'
  | 'copy-fetch-secrets'
  | 'copy-curl'
  | 'copy-curl-secrets'
  | 'replay'
  | 'mark-refresh'
  | 'unmark-refresh'
  | 'channel-off'
  | 'channel-on';

export interface RowMenuItem {
  action: RowMenuAction;
  label: string;
  disabled?: boolean;
}

export interface RowMenuSubject {
  type: 'request' | 'channel';
  /** A request recognised or marked as a token refresh. */
  isRefresh?: boolean;
  /** A channel already switched off. */
  channelOff?: boolean;
  /** False while nothing can be sent to the page (not connected, or a file is shown). */
  canAct: boolean;
}

/** The menu for `subject`, in display order, labelled in `locale`; `null` is a separator. */
export function rowMenuItems(subject: RowMenuSubject, locale: Locale = 'en'): Array<RowMenuItem | null> {
  const t = messagesFor(locale).menu.items;
  const copyUrl: Array<RowMenuItem | null> = [
    { action: 'copy-url', label: t.copyUrl },
    { action: 'copy-url-secrets', label: t.copyUrlSecrets },
  ];
  if (subject.type === 'channel')
    return [
      ...copyUrl,
      null,
      subject.channelOff
        ? { action: 'channel-on', label: t.channelOn, disabled: !subject.canAct }
        : { action: 'channel-off', label: t.channelOff, disabled: !subject.canAct },
    ];
  return [
    ...copyUrl,
    { action: 'copy-fetch', label: t.copyFetch },
    { action: 'copy-fetch-secrets', label: t.copyFetchSecrets },
    { action: 'copy-curl', label: t.copyCurl },
    { action: 'copy-curl-secrets', label: t.copyCurlSecrets },
    null,
    { action: 'replay', label: t.replay, disabled: !subject.canAct },
    subject.isRefresh
      ? { action: 'unmark-refresh', label: t.unmarkRefresh }
      : { action: 'mark-refresh', label: t.markRefresh },
  ];
}
