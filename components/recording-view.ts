/**
 * The read-only slice of `core/reducer`'s `Recording` that views use. Views take this shape
 * rather than the class so that component tests can hand in plain objects.
 */
import type { Channel, Exception, HttpRequest, TimelineItem } from '~/core/model';

export interface RecordingView {
  readonly requests: ReadonlyMap<string, HttpRequest>;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly exceptions: ReadonlyMap<string, Exception>;
  readonly timeline: readonly TimelineItem[];
}
