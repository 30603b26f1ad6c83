import { describe, expect, it } from 'vitest';
import { parseBridgeMessage, parsePanelMessage } from '../../recorder/messages';

describe('recorder message guards', () => {
  it('accepts each panel command and nothing else', () => {
    expect(parsePanelMessage({ type: 'subscribe', tabId: 3 })).toEqual({ type: 'subscribe', tabId: 3 });
    expect(parsePanelMessage({ type: 'start', tabId: 3, reload: true })).toEqual({ type: 'start', tabId: 3, reload: true });
    expect(parsePanelMessage({ type: 'start', tabId: 3, reload: 'yes' })).toEqual({ type: 'start', tabId: 3, reload: false });
    expect(parsePanelMessage({ type: 'stop', tabId: 3 })).toEqual({ type: 'stop', tabId: 3 });
    expect(parsePanelMessage({ type: 'clear', tabId: 3, extra: 1 })).toEqual({ type: 'clear', tabId: 3 });
    expect(parsePanelMessage({ type: 'replay', tabId: 3 })).toBeUndefined();
    expect(parsePanelMessage({ type: 'stop', tabId: -1 })).toBeUndefined();
    expect(parsePanelMessage({ type: 'stop', tabId: '3' })).toBeUndefined();
    expect(parsePanelMessage(null)).toBeUndefined();
  });

  it('accepts the bridge envelope and refuses other shapes', () => {
    expect(parseBridgeMessage({ type: 'events', events: [], overflow: 0 })).toEqual({ type: 'events', events: [], overflow: 0 });
    expect(parseBridgeMessage({ type: 'rejected', count: 2, reason: 'x' })).toEqual({ type: 'rejected', count: 2, reason: 'x' });
    expect(parseBridgeMessage({ type: 'events', events: 'x', overflow: 0 })).toBeUndefined();
    expect(parseBridgeMessage({ type: 'start', tabId: 1 })).toBeUndefined();
    expect(parseBridgeMessage('events')).toBeUndefined();
  });
});
