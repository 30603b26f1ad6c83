// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import FramesTable from '~/components/details/frames-table.vue';
import type { Frame } from '~/core/model';

const frames: Frame[] = Array.from({ length: 10_000 }, (_, i) => ({
  seq: i + 1,
  time: 1_000 + i,
  direction: i % 2 === 0 ? 'send' : 'receive',
  opcode: 1,
  data: `frame ${i}`,
  size: 7,
  truncated: false,
}));

describe('FramesTable', () => {
  it('renders only the frames in view of 10,000 and keeps the full height', () => {
    const wrapper = mount(FramesTable, {
      props: { frames, count: frames.length, origin: 1_000, selectedFrameSeq: null },
    });
    const rows = wrapper.findAll('[data-testid="frame-row"]');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0].text()).toContain('frame 0');
    expect(wrapper.get('table').attributes('aria-rowcount')).toBe('10001');
    const spacer = wrapper.findAll('tbody tr[aria-hidden="true"]').at(-1);
    expect(spacer?.attributes('style')).toContain(`height: ${(10_000 - rows.length) * 21}px`);
  });

  it('selects the next frame with ArrowDown, also past the rendered rows', async () => {
    const wrapper = mount(FramesTable, {
      props: { frames, count: frames.length, origin: 1_000, selectedFrameSeq: null },
      attachTo: document.body,
    });
    const rows = wrapper.findAll('[data-testid="frame-row"]');
    const last = rows.at(-1)!;
    const index = Number(last.attributes('data-index'));
    await last.trigger('keydown', { key: 'ArrowDown' });
    expect(wrapper.emitted('selectFrame')).toEqual([[frames[index + 1].seq]]);
    await rows[0].trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('selectFrame')?.[1]).toEqual([frames[0].seq]);
    wrapper.unmount();
  });

  it('shows frames appended in place once the count says so', async () => {
    const live = frames.slice(0, 2);
    const wrapper = mount(FramesTable, {
      props: { frames: live, count: 2, origin: 1_000, selectedFrameSeq: null },
    });
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(2);
    live.push(frames[2]);
    await wrapper.setProps({ count: 3 });
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(3);
  });
});
