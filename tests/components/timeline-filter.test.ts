// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TimelineFilter from '~/components/timeline/timeline-filter.vue';

describe('TimelineFilter', () => {
  it('is a labelled search box that reports what was typed', async () => {
    const wrapper = mount(TimelineFilter, { props: { modelValue: '', shown: 5, total: 5 } });
    const input = wrapper.get('input[type="search"]');
    expect(input.attributes('aria-label')).toBe('Filter the timeline');
    expect(wrapper.find('[data-testid="filter-count"]').exists()).toBe(false);
    await input.setValue('refresh');
    expect(wrapper.emitted('update:modelValue')?.[0]).toEqual(['refresh']);
  });

  it('says how many rows match while filtering, and Escape clears it', async () => {
    const wrapper = mount(TimelineFilter, { props: { modelValue: 'post', shown: 3, total: 100_000 } });
    expect(wrapper.get('[data-testid="filter-count"]').text()).toBe('3 of 100000');
    await wrapper.get('input').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['']);
  });
});
