// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TimelineList from '~/components/timeline/timeline-list.vue';
import { buildTimelineRows } from '~/components/timeline/timeline-rows';
import { seedRecording } from './fixtures';

function mountTimeline(selectedKey: string | null = null) {
  const { rows, total } = buildTimelineRows(seedRecording(), 2000);
  return mount(TimelineList, { props: { rows, total, selectedKey, emptyMessage: 'nothing' } });
}

describe('TimelineList', () => {
  it('renders the rows in time order with badges, times and statuses', () => {
    const wrapper = mountTimeline();
    const rows = wrapper.findAll('[data-testid="timeline-row"]');
    expect(rows.map((r) => `${r.attributes('data-type')}:${r.attributes('data-id')}`)).toEqual([
      'page:p1',
      'request:doc1',
      'channel:ws1',
      'exception:x6',
      'request:r2',
    ]);
    expect(rows[1].text()).toContain('+0.005 s');
    expect(rows[1].find('.badge').text()).toBe('doc');
    expect(rows[2].find('.badge').text()).toBe('WS');
    expect(rows[2].text()).toContain('closed 1006');
    expect(rows[2].text()).toContain('↑1 ↓1');
    expect(rows[3].find('.badge').text()).toBe('rejection');
    expect(rows[3].text()).toContain('Error: Auth context not provided');
  });

  it('marks the refresh request with the preflight badge and a red CORS error', () => {
    const refresh = mountTimeline().find('[data-id="r2"]');
    expect(refresh.text()).toContain('POST');
    expect(refresh.find('.path').text()).toBe('/api/auth/token/refresh/');
    expect(refresh.find('.origin').text()).toBe('http://127.0.0.1:8000');
    expect(refresh.text()).toContain('preflight');
    const status = refresh.find('.status');
    expect(status.text()).toBe('CORS error');
    expect(status.classes()).toContain('tone-error');
  });

  it('moves the selection with the arrow keys and opens with Enter', async () => {
    const wrapper = mountTimeline('request:doc1');
    const list = wrapper.get('[role="listbox"]');
    expect(list.attributes('aria-label')).toBe('Timeline');
    expect(list.attributes('aria-activedescendant')).toBe('timeline-row-1');
    await list.trigger('keydown', { key: 'ArrowDown' });
    await list.trigger('keydown', { key: 'ArrowUp' });
    await list.trigger('keydown', { key: 'End' });
    await list.trigger('keydown', { key: 'Enter' });
    const selected = wrapper.emitted('select')?.map(([row]) => (row as { key: string }).key);
    expect(selected).toEqual(['channel:ws1', 'page:p1', 'request:r2']);
    expect(wrapper.emitted('open')?.[0][0]).toMatchObject({ key: 'request:doc1' });
  });

  it('says how many items are not rendered', () => {
    const { rows, total } = buildTimelineRows(seedRecording(), 2);
    const wrapper = mount(TimelineList, { props: { rows, total, selectedKey: null, emptyMessage: '' } });
    expect(wrapper.findAll('[data-testid="timeline-row"]')).toHaveLength(2);
    expect(wrapper.text()).toContain('3 more not shown');
  });

  it('shows the empty message when there are no rows', () => {
    const wrapper = mount(TimelineList, {
      props: { rows: [], total: 0, selectedKey: null, emptyMessage: 'Not recording.' },
    });
    expect(wrapper.get('[data-testid="empty-state"]').text()).toBe('Not recording.');
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false);
  });
});
