// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ChannelDetails from '~/components/details/channel-details.vue';
import ExceptionDetails from '~/components/details/exception-details.vue';
import RequestDetails from '~/components/details/request-details.vue';
import { T0, XSS } from '../stores/fixtures/seed-events';
import { seedRecording } from './fixtures';

const rec = seedRecording();

function rowValue(wrapper: ReturnType<typeof mount>, table: string, name: string): string | undefined {
  const row = wrapper
    .get(`table[aria-label="${table}"]`)
    .findAll('tr')
    .find((tr) => tr.find('th').exists() && tr.get('th').text() === name);
  return row?.get('td').text();
}

describe('RequestDetails', () => {
  const request = rec.requests.get('r2')!;
  const preflight = rec.requests.get(request.preflightId!)!;

  it('shows the CORS verdict in General', () => {
    const wrapper = mount(RequestDetails, { props: { request, preflight } });
    expect(rowValue(wrapper, 'General', 'CORS error')).toBe('HeaderDisallowedByPreflightResponse');
    expect(rowValue(wrapper, 'General', 'Failed parameter')).toBe('authorization');
    expect(rowValue(wrapper, 'General', 'Source')).toBe('CDP');
    expect(rowValue(wrapper, 'Request headers', 'Authorization')).toBe('Token abc');
    expect(wrapper.text()).toContain('{"refresh":"xyz"}');
  });

  it('shows the preflight exchange: what was asked and what the server allowed', () => {
    const wrapper = mount(RequestDetails, { props: { request, preflight } });
    const section = wrapper.get('[data-testid="preflight-section"]');
    expect(section.text()).toContain('OPTIONS http://127.0.0.1:8000/api/auth/token/refresh/');
    expect(rowValue(wrapper, 'Preflight request headers', 'access-control-request-headers')).toBe(
      'authorization,content-type',
    );
    expect(rowValue(wrapper, 'Preflight response headers', 'access-control-allow-headers')).toBe(
      'content-type',
    );
  });

  it('has no preflight section for a request without one', () => {
    const wrapper = mount(RequestDetails, { props: { request: rec.requests.get('doc1')! } });
    expect(wrapper.find('[data-testid="preflight-section"]').exists()).toBe(false);
    expect(rowValue(wrapper, 'General', 'Status')).toBe('200 OK');
  });
});

describe('ChannelDetails', () => {
  const channel = rec.channels.get('ws1')!;

  it('lists the frames with direction, size and a text preview', () => {
    const wrapper = mount(ChannelDetails, { props: { channel, origin: T0, selectedFrameSeq: null } });
    expect(rowValue(wrapper, 'Channel', 'Close code')).toBe('1006');
    expect(rowValue(wrapper, 'Channel', 'Frames sent')).toBe('1');
    const frames = wrapper.findAll('[data-testid="frame-row"]');
    expect(frames).toHaveLength(2);
    expect(frames[0].get('[role="img"]').attributes('aria-label')).toBe('sent');
    expect(frames[1].get('[role="img"]').attributes('aria-label')).toBe('received');
    expect(frames[0].text()).toContain('+1.310 s');
    expect(frames[0].text()).toContain('41 B');
    expect(frames[0].text()).toContain('"channel":"dashboard"');
  });

  it('asks to select a frame on click and shows the selected one in full, as text', async () => {
    const wrapper = mount(ChannelDetails, { props: { channel, origin: T0, selectedFrameSeq: null } });
    await wrapper.findAll('[data-testid="frame-row"]')[1].trigger('click');
    const seq = channel.frames[1].seq;
    expect(wrapper.emitted('selectFrame')).toEqual([[seq]]);
    await wrapper.setProps({ selectedFrameSeq: seq });
    expect(wrapper.get('[data-testid="frame-data"]').text()).toBe(XSS);
    expect(wrapper.find('img').exists()).toBe(false);
  });
});

describe('ExceptionDetails', () => {
  it('shows the surface and the stack, frame by frame', () => {
    const exception = [...rec.exceptions.values()][0];
    const wrapper = mount(ExceptionDetails, { props: { exception } });
    expect(rowValue(wrapper, 'Exception', 'Surface')).toBe('unhandled rejection');
    expect(rowValue(wrapper, 'Exception', 'Handled later')).toBe('no');
    expect(rowValue(wrapper, 'Exception', 'Script')).toBe(
      'http://127.0.0.1:5173/assets/websocketService-BKJDZuHi.js:1:826',
    );
    const frames = wrapper.findAll('[data-testid="stack-frame"]').map((f) => f.text());
    expect(frames).toEqual([
      'new X — http://127.0.0.1:5173/assets/websocketService-BKJDZuHi.js:1:826',
      'useWebSocket — http://127.0.0.1:5173/assets/websocketService-BKJDZuHi.js:1:3219',
    ]);
  });
});
