/**
 * The items of a timeline row's context menu, by what the row is: a request can be copied,
 * replayed and marked as a refresh; a channel can be copied and switched off. `null` between
 * groups draws a separator.
 */
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

/** The menu for `subject`, in display order; `null` is a separator. */
export function rowMenuItems(subject: RowMenuSubject): Array<RowMenuItem | null> {
  const copyUrl: Array<RowMenuItem | null> = [
    { action: 'copy-url', label: 'Copy URL' },
    { action: 'copy-url-secrets', label: 'Copy URL (with secrets)' },
  ];
  if (subject.type === 'channel')
    return [
      ...copyUrl,
      null,
      subject.channelOff
        ? { action: 'channel-on', label: 'Turn this channel back on', disabled: !subject.canAct }
        : { action: 'channel-off', label: 'Turn this channel off', disabled: !subject.canAct },
    ];
  return [
    ...copyUrl,
    { action: 'copy-fetch', label: 'Copy as fetch' },
    { action: 'copy-fetch-secrets', label: 'Copy as fetch (with secrets)' },
    { action: 'copy-curl', label: 'Copy as cURL' },
    { action: 'copy-curl-secrets', label: 'Copy as cURL (with secrets)' },
    null,
    { action: 'replay', label: 'Replay…', disabled: !subject.canAct },
    subject.isRefresh
      ? { action: 'unmark-refresh', label: 'Not a token refresh' }
      : { action: 'mark-refresh', label: 'Mark as token refresh' },
  ];
}
