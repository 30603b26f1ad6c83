// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ContextMenu from '~/components/context-menu/context-menu.vue';
import { rowMenuItems } from '~/components/context-menu/row-menu-items';
import TimelineList from '~/components/timeline/timeline-list.vue';
import { timelineRowSource } from '~/components/timeline/timeline-rows';
import { seedRecording } from '../fixtures';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('rowMenuItems', () => {
  it('offers copies, replay and refresh marking for a request, redacted copies first', () => {
    const items = rowMenuItems({ type: 'request', canAct: true });
    expect(items.map((i) => i?.label ?? '—')).toEqual([
      'Copy URL',
      'Copy URL (with secrets)',
      'Copy as fetch',
      'Copy as fetch (with secrets)',
      'Copy as cURL',
      'Copy as cURL (with secrets)',
      '—',
      'Replay…',
      'Mark as token refresh',
    ]);
    expect(rowMenuItems({ type: 'request', canAct: false, isRefresh: true }).slice(-2)).toEqual([
      { action: 'replay', label: 'Replay…', disabled: true },
      { action: 'unmark-refresh', label: 'Not a token refresh' },
    ]);
  });

  it('offers to switch a channel off, or back on', () => {
    expect(rowMenuItems({ type: 'channel', canAct: true }).at(-1)).toMatchObject({ action: 'channel-off' });
    expect(rowMenuItems({ type: 'channel', canAct: true, channelOff: true }).at(-1)).toMatchObject({
      action: 'channel-on',
    });
  });
});

describe('ContextMenu', () => {
  function mountMenu() {
    return mount(ContextMenu, {
      props: { items: rowMenuItems({ type: 'request', canAct: false }), x: 10, y: 10, label: 'Row actions' },
      attachTo: document.body,
    });
  }

  it('is a labelled menu that focuses its first item and moves with the arrow keys, skipping disabled items', async () => {
    const wrapper = mountMenu();
    await flush();
    expect(wrapper.get('[role="menu"]').attributes('aria-label')).toBe('Row actions');
    expect(document.activeElement?.getAttribute('data-action')).toBe('copy-url');
    await wrapper.get('[role="menu"]').trigger('keydown', { key: 'End' });
    // Replay is disabled (cannot act), so End lands on the refresh item.
    expect(document.activeElement?.getAttribute('data-action')).toBe('mark-refresh');
    await wrapper.get('[role="menu"]').trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-action')).toBe('copy-url');
    await wrapper.get('[role="menu"]').trigger('keydown', { key: 'ArrowUp' });
    expect(document.activeElement?.getAttribute('data-action')).toBe('mark-refresh');
    wrapper.unmount();
  });

  it('emits the picked action, and closes on Escape', async () => {
    const wrapper = mountMenu();
    await flush();
    await wrapper.get('[data-action="copy-curl"]').trigger('click');
    expect(wrapper.emitted('pick')).toEqual([['copy-curl']]);
    await wrapper.get('[role="menu"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('close')).toHaveLength(1);
    wrapper.unmount();
  });
});

describe('TimelineList context menu', () => {
  it('asks for the menu on right click and on Shift+F10 / the menu key for the selected row', async () => {
    const rec = seedRecording();
    const rows = timelineRowSource(rec.timeline, rec);
    const wrapper = mount(TimelineList, {
      props: { rows, selectedKey: 'request:r2', emptyMessage: 'nothing' },
    });
    const row = wrapper.get('[data-id="doc1"]');
    await row.trigger('contextmenu', { clientX: 40, clientY: 50 });
    expect(wrapper.emitted('menu')?.[0]).toEqual([expect.objectContaining({ id: 'doc1' }), 40, 50]);
    await wrapper.get('[role="listbox"]').trigger('keydown', { key: 'F10', shiftKey: true });
    await wrapper.get('[role="listbox"]').trigger('keydown', { key: 'ContextMenu' });
    const menus = wrapper.emitted('menu') as Array<[{ id: string }, number, number]>;
    expect(menus.slice(1).map(([r]) => r.id)).toEqual(['r2', 'r2']);
  });
});
