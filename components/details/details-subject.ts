/** What the details pane shows, already looked up in the recording by the container. */
import type { Channel, Exception, HttpRequest, TimelineItem } from '~/core/model';

export type DetailsSubject =
  | { type: 'request'; request: HttpRequest; preflight?: HttpRequest }
  | { type: 'channel'; channel: Channel }
  | { type: 'exception'; exception: Exception }
  | { type: 'other'; item: TimelineItem }
  | { type: 'missing'; id: string };
