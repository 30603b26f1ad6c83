/**
 * Record -> export -> import gives the same model and the same findings, on real CDP
 * recordings of the demo (buggy: CORS + auth rejection; fixed: WebSocket frames both ways).
 */
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../core/events';
import { exportHar, importHarText } from '../../../core/har';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { replayCdp } from '../../fixtures/cdp/replay';

function model(events: readonly RecordedEvent[]) {
  const rec = new Recording();
  rec.apply(events);
  const byId = new Map([...rec.requests.values()].map((r) => [r.id, r]));
  return {
    requests: [...rec.requests.values()]
      .map((r) => ({
        id: r.id,
        url: r.url,
        method: r.method,
        resourceType: r.resourceType,
        requestHeaders: r.requestHeaders,
        wireHeaders: r.wireHeaders,
        postData: r.postData,
        status: r.status,
        responseHeaders: r.responseHeaders,
        state: r.state,
        failure: r.failure,
        preflightOf: r.preflightFor && byId.get(r.preflightFor)?.url,
        hasPreflight: r.preflightId !== undefined,
        initiatorStack: r.initiatorStack,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    channels: [...rec.channels.values()].map((c) => ({
      url: c.url,
      transport: c.transport,
      state: c.state,
      handshakeStatus: c.handshakeStatus,
      frames: c.frames.map((f) => ({ direction: f.direction, opcode: f.opcode, data: f.data, size: f.size })),
    })),
    exceptions: [...rec.exceptions.values()].map((x) => ({
      surface: x.surface,
      message: x.message,
      stack: x.stack,
      handledLater: x.handledLater,
    })),
    logs: rec.logs.map((l) => ({
      level: l.level,
      category: l.category,
      text: l.text,
      requestId: l.requestId,
    })),
    findings: findFindings(rec).map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      facts: f.facts,
      count: f.count,
      fix: f.fix,
    })),
  };
}

function roundTrip(events: RecordedEvent[], includeSecrets: boolean): RecordedEvent[] {
  const text = [...exportHar(events, { redaction: { includeSecrets } })].join('');
  const imported = importHarText(text);
  expect(imported.skipped).toEqual([]);
  expect(imported.events.every((e) => e.source === 'har')).toBe(true);
  return imported.events;
}

describe.each(['demo-buggy', 'demo-fixed'] as const)('round trip of the %s recording', (name) => {
  const events = replayCdp(name);

  it('rebuilds the same model and findings (secrets included on request)', () => {
    expect(model(roundTrip(events, true))).toEqual(model(events));
  });

  it('keeps the same findings after the default (redacted) export', () => {
    expect(model(roundTrip(events, false)).findings).toEqual(model(events).findings);
  });
});

describe('round trip of the buggy demo: the seed findings survive', () => {
  it('finds the CORS refusal of "authorization" and the auth-context rejection in the imported file', () => {
    const found = model(roundTrip(replayCdp('demo-buggy'), false)).findings.map((f) => f.ruleId);
    expect(found).toEqual(expect.arrayContaining(['cors/header-not-allowed', 'auth/context-missing']));
  });
});
