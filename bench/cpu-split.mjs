// Where the CPU goes: CPU time per Chromium process (from /proc, Linux only) while a workload
// runs, so a slowdown can be pinned on the process that pays for it — the browser process
// (IPC routing, chrome.debugger), the page's renderer, the extension's renderer (recorder,
// panel), the network service.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** CPU ms per process of the browser whose command line names `profileDir`, by process kind. */
export function cpuByProcess(profileDir) {
  if (!existsSync('/proc/self/stat')) return undefined;
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // Chromium rewrites its children's command lines into one space-separated string.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      procs.set(pid, { ppid: stat[1], cmd, ms: (Number(stat[11]) + Number(stat[12])) * 10 });
    } catch {
      // The process ended while we read it.
    }
  }
  const root = [...procs].find(([, p]) => p.cmd.includes(profileDir) && !p.cmd.includes('--type='))?.[0];
  const out = {};
  const walk = (pid) => {
    const { cmd, ms } = procs.get(pid);
    const type = /--type=(\S+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=(\S+)/.exec(cmd)?.[1];
    let kind = type === 'utility' && sub?.includes('Network') ? 'network service' : type;
    if (type === 'renderer')
      kind = cmd.includes('--extension-process') ? 'extension renderer' : 'page renderer';
    if (type === 'browser') kind = 'browser process';
    out[kind] = (out[kind] ?? 0) + ms;
    for (const [child, p] of procs) if (p.ppid === pid) walk(child);
  };
  if (root) walk(root);
  return out;
}

/** CPU ms each process kind spent while `fn` ran (and `settleMs` after it). */
export async function cpuDuring(profileDir, fn, settleMs = 2000) {
  const before = cpuByProcess(profileDir);
  const result = await fn();
  await new Promise((r) => setTimeout(r, settleMs));
  const after = cpuByProcess(profileDir);
  if (!before || !after) return { result, cpu: undefined };
  const cpu = {};
  for (const k of Object.keys(after)) cpu[k] = after[k] - (before[k] ?? 0);
  return { result, cpu };
}
