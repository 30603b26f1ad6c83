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

/** Per process kind, the median of several `cpuDuring(...).cpu` readings. */
export function medianCpu(readings) {
  const list = readings.filter(Boolean);
  if (list.length === 0) return undefined;
  const kinds = [...new Set(list.flatMap((c) => Object.keys(c)))];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  return Object.fromEntries(kinds.map((k) => [k, median(list.map((c) => c[k] ?? 0))]));
}

/**
 * The "CPU per process, each mode" section of docs/benchmarks.md: `byPage[page][mode]` holds the
 * CPU readings of that mode's measured runs (each from the run's start until the recorder had
 * stored it, so a recording's backlog is billed to it), shown as medians.
 */
export function cpuModesMarkdown(byPage) {
  const rows = Object.entries(byPage).flatMap(([page, modes]) =>
    Object.entries(modes).map(([mode, readings]) => ({ page, mode, cpu: medianCpu(readings) ?? {} })),
  );
  const kinds = [...new Set(rows.flatMap((r) => Object.keys(r.cpu)))]
    .filter((k) => rows.some((r) => r.cpu[k] > 0))
    .sort();
  const n0 = (x) => Math.round(x ?? 0).toLocaleString('en');
  const lines = [
    '## CPU per process, each mode (median CPU ms of the measured runs, until the recorder stored each)',
    '',
    `| page | mode | ${kinds.join(' | ')} | total |`,
    `|---|---|${kinds.map(() => '---|').join('')}---|`,
  ];
  for (const { page, mode, cpu } of rows) {
    const total = Object.values(cpu).reduce((a, b) => a + b, 0);
    lines.push(`| ${page} | ${mode} | ${kinds.map((k) => n0(cpu[k])).join(' | ')} | ${n0(total)} |`);
  }
  return lines.join('\n') + '\n';
}
