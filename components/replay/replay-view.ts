/**
 * What the replay panel shows for the selected request: the request, its replays with their
 * CORS verdicts, and the user's per-site choices (a replay's confirmation holds for the request's
 * origin and the page origin it is sent from). Null unless an actual request (not a
 * preflight) is selected. Derived from the stores by the panel (the only component reading them).
 */
import { computed } from 'vue';
import type { useRecordingStore } from '~/stores/recording';
import type { useTogglesStore } from '~/stores/toggles';
import { replayVerdict } from './replay-verdict';

export function useReplayView(
  store: ReturnType<typeof useRecordingStore>,
  toggles: ReturnType<typeof useTogglesStore>,
) {
  return computed(() => {
    void store.version;
    const selection = store.selection;
    if (selection?.type !== 'request') return null;
    const rec = store.recording;
    const request = rec.requests.get(selection.id);
    if (!request || request.preflightFor !== undefined) return null;
    const replays = [...rec.replays.values()]
      .filter((r) => r.sourceRequestId === request.id)
      .map((result) => ({ result: { ...result }, cors: replayVerdict(rec, result) }));
    return {
      request: { ...request },
      replays,
      isRefresh: toggles.isRefresh(request),
      confirmed: toggles.replayConfirmed(request.url, toggles.pageOriginFor(request)),
      newestAuthorization: toggles.newestAuthorization(request),
    };
  });
}
