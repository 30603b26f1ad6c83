/** The seed recording reduced by the real reducer, for components that take model objects. */
import { Recording } from '~/core/reducer';
import { refreshEvents, snapshotEvents, socketEvents } from '../stores/fixtures/seed-events';

export function seedRecording(): Recording {
  const rec = new Recording();
  rec.apply([...snapshotEvents(), ...refreshEvents(), ...socketEvents()]);
  return rec;
}
