// @vitest-environment happy-dom
/** Filters are kept per site in extension storage (WXT's fake browser here). */
import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_HEARTBEAT_PATTERNS, frameFilterFromStored } from '~/core/filter/frames';
import { useSavedFilters } from '~/composables/saved-filter';
import { loadSiteFilters, saveSiteFilters } from '~/composables/site-settings';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await nextTick();
  await new Promise((r) => setTimeout(r, 0));
}

function mountFilters(site: string | null, initial = '') {
  const siteRef = ref<string | null>(site);
  const query = ref(initial);
  let state!: ReturnType<typeof useSavedFilters>;
  mount(defineComponent({ setup: () => ((state = useSavedFilters(siteRef, query)), () => h('div')) }));
  return { siteRef, query, state: () => state };
}

describe('per-site filters', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a malformed stored frames filter as the defaults', () => {
    expect(frameFilterFromStored({ direction: 'sideways', text: 3, heartbeatPatterns: 'x' })).toEqual({
      direction: 'all',
      text: '',
      collapseHeartbeats: true,
      heartbeatPatterns: DEFAULT_HEARTBEAT_PATTERNS,
    });
  });

  it('restores the site’s filters and saves edits for that site only', async () => {
    await saveSiteFilters('http://a.test', {
      timeline: 'method:POST',
      frames: { direction: 'send', text: 'order', collapseHeartbeats: false, heartbeatPatterns: ['tick'] },
    });
    const { siteRef, query, state } = mountFilters('http://a.test');
    await settle();
    expect(query.value).toBe('method:POST');
    expect(state().filter.value).toMatchObject({ direction: 'send', heartbeatPatterns: ['tick'] });

    vi.useFakeTimers();
    try {
      query.value = 'is:failed';
      state().set({ direction: 'receive' });
      await nextTick();
      await vi.advanceTimersByTimeAsync(1000);
    } finally {
      vi.useRealTimers();
    }
    expect(await loadSiteFilters('http://a.test')).toMatchObject({
      timeline: 'is:failed',
      frames: { direction: 'receive' },
    });

    query.value = '';
    siteRef.value = 'http://b.test';
    await settle();
    expect(query.value).toBe('');
    expect(state().filter.value.direction).toBe('all');
    expect((await loadSiteFilters('http://a.test')).timeline).toBe('is:failed');
  });
});
