// @vitest-environment happy-dom
/**
 * The capture status says when page event times were clamped into the recording's window
 * (`recorder/page-intake.ts`), apart from what was dropped: the events are kept, their times moved;
 * and how many frames were kept without their payload beyond the memory bound.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CaptureStatus from '../../components/toolbar/capture-status.vue';

const base = { recording: true, connection: 'open', cdp: 'attached', rejected: 1, overflow: 2 } as const;

describe('capture status: clamped page times', () => {
  it('shows how many page times were clamped, apart from the dropped count', () => {
    const wrapper = mount(CaptureStatus, { props: { ...base, clamped: 4 } });
    const clamped = wrapper.get('[data-testid="clamped-count"]');
    expect(clamped.text()).toBe('Times clamped: 4');
    expect(clamped.attributes('title')).toMatch(/outside the recording's window: 4/);
    expect(wrapper.get('[data-testid="dropped-count"]').text()).toBe('Dropped: 3');
  });

  it('says nothing of clamping or payloads when none were', () => {
    const wrapper = mount(CaptureStatus, { props: { ...base, clamped: 0, payloads: 0 } });
    expect(wrapper.find('[data-testid="clamped-count"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="payloads-count"]').exists()).toBe(false);
  });

  it('shows frames kept without their payload beyond the memory bound', () => {
    const wrapper = mount(CaptureStatus, { props: { ...base, payloads: 12 } });
    const payloads = wrapper.get('[data-testid="payloads-count"]');
    expect(payloads.text()).toBe('Payloads not kept: 12');
    expect(payloads.attributes('title')).toMatch(/Keep everything/);
  });
});
