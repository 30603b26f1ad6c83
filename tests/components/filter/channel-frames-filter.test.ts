// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ChannelDetails from '~/components/details/channel-details.vue';
import type { Channel, Frame } from '~/core/model';

const frames: Frame[] = ['{"op":"hello"}', 'ping', '{"type":"pong"}', 'ping', '{"op":"order","id":1}'].map(
  (data, i) => ({
    seq: i + 1,
    time: 1000 + i,
    direction: i === 0 ? 'send' : 'receive',
    opcode: 1,
    data,
    size: data.length,
    truncated: false,
  }),
);
const channel: Channel = {
  id: 'ws1',
  source: 'cdp',
  transport: 'websocket',
  url: 'ws://api.test/ws',
  createdTime: 1000,
  firstSeq: 1,
  state: 'open',
  frames,
  framesIn: 4,
  framesOut: 1,
  lastActivity: 1004,
};
const rowTexts = (wrapper: ReturnType<typeof mount>) =>
  wrapper
    .findAll('[data-testid="frame-row"], [data-testid="heartbeat-row"]')
    .map((r) => r.text().replace(/\s+/g, ' '));

describe('ChannelDetails frames filter', () => {
  it('collapses heartbeats into one row that Enter expands and collapses', async () => {
    const wrapper = mount(ChannelDetails, { props: { channel, origin: 1000, selectedFrameSeq: null } });
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(2);
    const run = wrapper.get('[data-testid="heartbeat-row"]');
    expect(run.text()).toContain('3 heartbeats');
    expect(run.attributes('aria-expanded')).toBe('false');
    await run.trigger('keydown', { key: 'Enter' });
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(5);
    expect(wrapper.get('[data-testid="heartbeat-row"]').attributes('aria-expanded')).toBe('true');
    await wrapper.get('[data-testid="heartbeat-row"]').trigger('click');
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(2);
  });

  it('filters by direction and text, counts what shows, and says what to do when nothing does', async () => {
    const wrapper = mount(ChannelDetails, { props: { channel, origin: 1000, selectedFrameSeq: null } });
    await wrapper.get('[data-testid="frames-direction"]').setValue('send');
    expect(rowTexts(wrapper)).toHaveLength(1);
    expect(rowTexts(wrapper)[0]).toContain('hello');
    expect(wrapper.get('[data-testid="frames-count"]').text()).toBe('1 of 5 frames');
    await wrapper.get('[data-testid="frames-direction"]').setValue('all');
    await wrapper.get('[data-testid="frames-text"]').setValue('/"id":\\d/');
    expect(rowTexts(wrapper).map((t) => t.includes('order'))).toEqual([true]);
    await wrapper.get('[data-testid="frames-text"]').setValue('nothing like this');
    expect(wrapper.get('[data-testid="frames-empty"]').text()).toContain('Clear the text');
    await wrapper.get('[data-testid="frames-text"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(2);
  });

  it('shows every frame when heartbeat collapsing is off', async () => {
    const wrapper = mount(ChannelDetails, { props: { channel, origin: 1000, selectedFrameSeq: null } });
    await wrapper.get('[data-testid="frames-collapse"]').setValue(false);
    expect(wrapper.find('[data-testid="heartbeat-row"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(5);
  });
});
