// Page-side workloads, run inside the page with page.evaluate. Each returns what the page itself
// saw: wall time (ms), main-thread blocking (ms) and, for sockets, frames per second.

/** `count` fetches of a tiny JSON endpoint, `concurrency` at a time. */
export async function fetchHeavy({ count, concurrency }) {
  const blocking0 = window.__blocking;
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await fetch(`/ping?i=${i}`).then((r) => r.text());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Let the long-task observer deliver entries of the last task.
  await new Promise((r) => setTimeout(r, 50));
  return { wallMs: performance.now() - start, blockingMs: window.__blocking - blocking0 };
}

/** Receives `count` frames of `size` bytes from the flooding server. */
export async function socketFlood({ count, size }) {
  const blocking0 = window.__blocking;
  const start = performance.now();
  await new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${location.host}/flood?n=${count}&size=${size}`);
    let got = 0;
    ws.onmessage = () => {
      if (++got === count) {
        ws.close();
        resolve();
      }
    };
    ws.onerror = () => reject(new Error('socket error'));
  });
  const wallMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 50));
  return { wallMs, blockingMs: window.__blocking - blocking0, framesPerSecond: (count / wallMs) * 1000 };
}

/**
 * Receives `count` frames at `rate` frames/s (0: unpaced) on a socket tagged `tag`, so the
 * recording's copy of this channel can be found by URL. Also reports the longest main-thread
 * task, to show whether the page froze.
 */
export async function socketAtRate({ count, size, rate, tag }) {
  const blocking0 = window.__blocking;
  const start = performance.now();
  let got = 0;
  await new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${location.host}/flood?n=${count}&size=${size}&rate=${rate}&tag=${tag}`);
    ws.onmessage = () => {
      if (++got === count) {
        ws.close();
        resolve();
      }
    };
    ws.onerror = () => reject(new Error('socket error'));
  });
  const wallMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 50));
  return {
    received: got,
    wallMs,
    blockingMs: window.__blocking - blocking0,
    framesPerSecond: (count / wallMs) * 1000,
  };
}
