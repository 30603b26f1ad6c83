/**
 * `realtime/reconnect-storm`: one channel reconnected N times within M seconds (per-site
 * config `reconnectStorm`): a reconnect loop without back-off, usually on a close the
 * client cannot fix by retrying (an auth close code, a refused upgrade).
 */
import type { Channel, Finding } from '../model';
import type { Recording } from '../reducer';
import { relativeTime } from './auth-timing';
import type { RuleContext } from './config';

export const RECONNECT_STORM_RULE_ID = 'realtime/reconnect-storm';

/** The densest run of connections within `windowMs`, by creation time. */
function densest(channels: Channel[], windowMs: number): Channel[] {
  let best: Channel[] = [];
  let start = 0;
  for (let end = 0; end < channels.length; end++) {
    while (channels[end].createdTime - channels[start].createdTime > windowMs) start++;
    if (end - start + 1 > best.length) best = channels.slice(start, end + 1);
  }
  return best;
}

/** One finding per endpoint (transport + URL without query) that reconnected too often. */
export function findReconnectStorm(rec: Recording, ctx: RuleContext): Finding[] {
  const { connections, windowMs } = ctx.config.reconnectStorm;
  const m = ctx.msg.rulesRealtime.reconnectStorm;
  const states = ctx.msg.rulesAuth.state;
  const byEndpoint = new Map<string, Channel[]>();
  for (const c of rec.channels.values()) {
    const key = `${c.transport} ${c.url.split(/[?#]/)[0]}`;
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), c]);
  }
  const findings: Finding[] = [];
  for (const [endpoint, all] of byEndpoint) {
    all.sort((a, b) => a.createdTime - b.createdTime);
    const storm = densest(all, windowMs);
    if (storm.length < Math.max(2, connections)) continue;
    const codes = new Map<string, number>();
    for (const c of storm) {
      const code =
        c.closeCode !== undefined ? String(c.closeCode) : c.state === 'closed' ? m.noCode : states[c.state];
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    const codeList = [...codes].map(([code, n]) => `${code} ×${n}`).join(', ');
    // One decimal, in the locale's own notation (`0.1` / `0,1`), as toFixed(1) would round it.
    const seconds = new Intl.NumberFormat(ctx.locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      useGrouping: false,
    }).format((storm[storm.length - 1].createdTime - storm[0].createdTime) / 1000);
    const url = endpoint.split(' ')[1];
    findings.push({
      ruleId: RECONNECT_STORM_RULE_ID,
      key: `${RECONNECT_STORM_RULE_ID}:${endpoint}`,
      severity: 'warning',
      title: m.title({ url, count: storm.length, seconds }),
      explanation: m.explanation({
        count: storm.length,
        url,
        seconds,
        time: relativeTime(rec, storm[0].createdTime, ctx.locale),
        codes: codeList,
      }),
      fix: m.fix,
      fixSnippets: [],
      facts: [
        {
          label: m.facts.connections,
          value: m.connections({
            count: storm.length,
            seconds,
            threshold: connections,
            window: windowMs / 1000,
          }),
        },
        { label: m.facts.codes, value: codeList },
      ],
      evidence: storm.map((c) => ({
        type: 'channel' as const,
        id: c.id,
        label: `${relativeTime(rec, c.createdTime, ctx.locale)} ${c.url.split('?')[0]} → ${c.closeCode ?? states[c.state]}`,
      })),
      count: storm.length,
      firstTime: storm[0].createdTime,
      basis: storm[0].source === 'page' || storm[0].source === 'har' ? storm[0].source : 'cdp',
    });
  }
  return findings;
}
