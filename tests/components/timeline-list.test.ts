// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TimelineList from '~/components/timeline/timeline-list.vue';
import { timelineRowSource } from '~/components/timeline/timeline-rows';
import { Recording } from '~/core/reducer';
import type { RecordedEvent } from '~/core/events';
import { seedRecording } from './fixtures';

function mountTimeline(selectedKey: string | null = null) {
  const rec = seedRecording();
  const rows = timelineRowSource(rec.timeline, rec);
  return mount(TimelineList, { props: { rows, selectedKey, emptyMessage: 'nothing' } });
}

/** A recording of `n` browser-reported fetches, one timeline row each. */
function manyRequests(n: number): Recording {
  const events: RecordedEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push({
      kind: 'request.start',
      requestId: `q${i}`,
      url: `http://127.0.0.1:8000/api/items/${i}`,
      method: 'GET',
      headers: {},
      resourceType: 'fetch',
      seq: i + 1,
      time: 1_000 + i,
      source: 'cdp',
    });
  }
  const rec = new Recording();
  rec.apply(events);
  return rec;
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

  it('renders only the rows in view of a long list, and the rows scrolled to', async () => {
    const rec = manyRequests(10_000);
    const rows = timelineRowSource(rec.timeline, rec);
    const wrapper = mount(TimelineList, {
      props: { rows, selectedKey: null, emptyMessage: '' },
      attachTo: document.body,
    });
    const rendered = wrapper.findAll('[data-testid="timeline-row"]');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    expect(rendered[0].attributes('data-id')).toBe('q0');
    expect(rendered[0].attributes('aria-setsize')).toBe('10000');
    // The list keeps the height of all rows, so the scrollbar covers the whole recording.
    expect(wrapper.get('[role="listbox"]').attributes('style')).toContain(`height: ${10_000 * 21}px`);

    const scroller = wrapper.get('.timeline').element as HTMLElement;
    scroller.scrollTop = 5_000 * 21;
    scroller.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    await wrapper.vm.$nextTick();
    const ids = wrapper.findAll('[data-testid="timeline-row"]').map((r) => r.attributes('data-id'));
    expect(ids).toContain('q5000');
    expect(ids).not.toContain('q0');
    wrapper.unmount();
  });

  it('moves to the last of 10,000 rows with End, though it was never rendered', async () => {
    const rec = manyRequests(10_000);
    const wrapper = mount(TimelineList, {
      props: { rows: timelineRowSource(rec.timeline, rec), selectedKey: 'request:q0', emptyMessage: '' },
    });
    await wrapper.get('[role="listbox"]').trigger('keydown', { key: 'End' });
    expect(wrapper.emitted('select')?.[0][0]).toMatchObject({ key: 'request:q9999' });
  });

  it('shows the empty message when there are no rows', () => {
    const wrapper = mount(TimelineList, {
      props: {
        rows: timelineRowSource([], new Recording()),
        selectedKey: null,
        emptyMessage: 'Not recording.',
      },
    });
    expect(wrapper.get('[data-testid="empty-state"]').text()).toBe('Not recording.');
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false);
  });
});
