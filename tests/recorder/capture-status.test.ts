// @vitest-environment happy-dom
/**
 * The capture status says when page event times were clamped into the recording's window
 * (`recorder/page-intake.ts`), apart from what was dropped: the events are kept, their times moved.
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

  it('says nothing of clamping when no time was clamped', () => {
    const wrapper = mount(CaptureStatus, { props: { ...base, clamped: 0 } });
    expect(wrapper.find('[data-testid="clamped-count"]').exists()).toBe(false);
  });
});
