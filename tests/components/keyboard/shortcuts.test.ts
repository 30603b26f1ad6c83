// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import FindingsList from '~/components/findings/findings-list.vue';
import TimelineFilter from '~/components/timeline/timeline-filter.vue';
import { shortcutOf, usePanelShortcuts, type PanelShortcut } from '~/composables/keyboard';
import { findFindings } from '~/core/rules';
import { seedRecording } from '../fixtures';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('maps DevTools-like shortcuts with Ctrl or Cmd', () => {
    expect(shortcutOf(key('e', { ctrlKey: true }))).toBe('record');
    expect(shortcutOf(key('E', { metaKey: true }))).toBe('record');
    expect(shortcutOf(key('l', { ctrlKey: true }))).toBe('clear');
    expect(shortcutOf(key('f', { metaKey: true }))).toBe('filter');
    expect(shortcutOf(key('F8'))).toBe('next-finding');
    expect(shortcutOf(key('F8', { shiftKey: true }))).toBe('previous-finding');
  });

  it('leaves other keys and modifier combinations to the browser', () => {
    expect(shortcutOf(key('e'))).toBeNull();
    expect(shortcutOf(key('f', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(key('l', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key('F8', { ctrlKey: true }))).toBeNull();
  });
});

describe('usePanelShortcuts', () => {
  it('calls the handler and keeps the key from the browser, unless the handler declines', () => {
    const calls: PanelShortcut[] = [];
    const handlers = {
      record: () => void calls.push('record'),
      clear: () => (calls.push('clear'), false),
      filter: vi.fn(),
      'next-finding': vi.fn(),
      'previous-finding': vi.fn(),
    };
    const wrapper = mount(defineComponent({ setup: () => (usePanelShortcuts(handlers), () => h('div')) }));
    const record = new KeyboardEvent('keydown', { key: 'e', ctrlKey: true, cancelable: true });
    window.dispatchEvent(record);
    const clear = new KeyboardEvent('keydown', { key: 'l', ctrlKey: true, cancelable: true });
    window.dispatchEvent(clear);
    expect(calls).toEqual(['record', 'clear']);
    expect(record.defaultPrevented).toBe(true);
    expect(clear.defaultPrevented).toBe(false);
    wrapper.unmount();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', ctrlKey: true }));
    expect(calls).toHaveLength(2);
  });
});

describe('FindingsList keyboard', () => {
  it('moves focus between findings with the arrow keys, Home and End', async () => {
    const findings = findFindings(seedRecording());
    const wrapper = mount(FindingsList, { props: { findings, expandedKey: null }, attachTo: document.body });
    const summaries = wrapper.findAll('.finding-summary');
    (summaries[0].element as HTMLElement).focus();
    await summaries[0].trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement).toBe(summaries[1].element);
    await summaries[1].trigger('keydown', { key: 'End' });
    expect(document.activeElement).toBe(summaries.at(-1)?.element);
    await summaries[1].trigger('keydown', { key: 'Home' });
    expect(document.activeElement).toBe(summaries[0].element);
    wrapper.unmount();
  });
});

describe('TimelineFilter problems', () => {
  it('says which terms it ignored, and focus() selects the box', async () => {
    const wrapper = mount(TimelineFilter, {
      props: { modelValue: 'status-code:abc method:POST', shown: 1, total: 5 },
      attachTo: document.body,
    });
    expect(wrapper.get('[data-testid="filter-problems"]').text()).toBe(
      'Ignored: status-code:abc — expected a status like 404 or 4xx',
    );
    (wrapper.vm as unknown as { focus(): void }).focus();
    expect(document.activeElement).toBe(wrapper.get('input').element);
    await wrapper.setProps({ modelValue: 'method:POST' });
    expect(wrapper.find('[data-testid="filter-problems"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
