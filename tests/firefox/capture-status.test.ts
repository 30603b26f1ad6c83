// @vitest-environment happy-dom
/**
 * In Firefox the recorder reports browser capture as `unavailable`: the toolbar must say what is
 * still captured, not only that something is missing.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CaptureStatus from '../../components/toolbar/capture-status.vue';

describe('capture status without chrome.debugger', () => {
  it('says browser capture is unavailable and what is recorded instead', () => {
    const wrapper = mount(CaptureStatus, {
      props: { recording: true, connection: 'open', cdp: 'unavailable', rejected: 0, overflow: 0 },
    });
    const text = wrapper.get('[data-testid="cdp-state"]');
    expect(text.text()).toBe(
      'Browser capture unavailable in this browser — page events and DevTools network entries only',
    );
    // Not an error: nothing broke, this browser simply has no debugger.
    expect(text.classes()).not.toContain('tone-error');
  });
});
