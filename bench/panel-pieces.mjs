#!/usr/bin/env node
// The panel's load of a long recording, piece by piece, in Node (no browser): JSON.parse of the
// stored batches, the reducer, the rules. Says where the panel's own JavaScript time goes; the
// browser's share (IndexedDB, Vue, layout) is what bench/panel-only.mjs adds on top.
//   node bench/panel-pieces.mjs            1,000,000 events, 3 runs
//   BENCH_COUNT=100000 BENCH_RUNS=1        another size / number of runs
import { loadTs } from '../scripts/load-ts.mjs';
import { syntheticEvents } from './synthetic-events.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 250);
const PAGE = 50_000;

const { Recording } = await loadTs('core/reducer.ts');
const { findFindings } = await loadTs('core/rules/index.ts');

const events = syntheticEvents({ count: COUNT, framesPerRequest: 1 });
const batches = [];
for (let i = 0; i < events.length; i += BATCH) batches.push(JSON.stringify(events.slice(i, i + BATCH)));
events.length = 0;

const ms = (t) => Math.round(performance.now() - t);
for (let run = 0; run < RUNS; run++) {
  globalThis.gc?.();
  let t = performance.now();
  const parsed = [];
  for (const json of batches) for (const e of JSON.parse(json)) parsed.push(e);
  const parseMs = ms(t);
  t = performance.now();
  const rec = new Recording();
  for (let i = 0; i < parsed.length; i += PAGE) rec.apply(parsed.slice(i, i + PAGE));
  const reduceMs = ms(t);
  t = performance.now();
  const findings = findFindings(rec);
  const rulesMs = ms(t);
  process.stdout.write(
    JSON.stringify({ run, events: parsed.length, parseMs, reduceMs, rulesMs, findings: findings.length }) +
      '\n',
  );
}
