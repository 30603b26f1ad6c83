/**
 * Coalesces many calls into one run per animation frame. The recorder can stream hundreds of
 * event batches a second; re-rendering the panel for each would drop frames, so the store
 * applies every batch to the model at once and lets the view catch up once per frame.
 */

export type FrameScheduler = (callback: () => void) => void;

/** requestAnimationFrame where there is one (panel, happy-dom), else a 16 ms timer. */
export const animationFrame: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
};

export interface FrameThrottle {
  /** Asks for a run on the next frame; calls before that frame share the run. */
  request(): void;
  /** Runs now if a run is pending (tests, and before a user action reads the view). */
  flush(): void;
}

/**
 * Wraps `run` so that it runs at most once per frame of `schedule`.
 * Note: hidden DevTools panels get no animation frames, so the view updates when shown.
 */
export function createFrameThrottle(run: () => void, schedule: FrameScheduler): FrameThrottle {
  let pending = false;
  let generation = 0;
  const flush = (): void => {
    if (!pending) return;
    pending = false;
    generation += 1;
    run();
  };
  return {
    request() {
      if (pending) return;
      pending = true;
      const scheduledFor = generation;
      schedule(() => {
        // A flush() in between already ran this update.
        if (scheduledFor === generation) flush();
      });
    },
    flush,
  };
}
