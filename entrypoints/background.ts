import { startRecorder } from '../recorder';

// Listeners must be registered synchronously so that a restarted worker gets the event that woke it.
export default defineBackground(() => {
  startRecorder();
});
