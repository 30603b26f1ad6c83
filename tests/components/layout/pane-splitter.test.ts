// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import PaneSplitter from '~/components/layout/pane-splitter.vue';
import { clampSize, usePaneSize } from '~/components/layout/pane-size';
import { nextTick } from 'vue';

function splitter(axis: 'x' | 'y', value = 50) {
  return mount(PaneSplitter, { props: { modelValue: value, axis, label: 'Resize', min: 20, max: 80 } });
}

describe('PaneSplitter', () => {
  it('is a focusable separator with its value and orientation', () => {
    const el = splitter('x').get('[role="separator"]');
    expect(el.attributes('tabindex')).toBe('0');
    expect(el.attributes('aria-valuenow')).toBe('50');
    expect(el.attributes('aria-valuemin')).toBe('20');
    expect(el.attributes('aria-valuemax')).toBe('80');
    expect(el.attributes('aria-orientation')).toBe('vertical');
    expect(el.attributes('aria-label')).toBe('Resize');
    expect(splitter('y').get('[role="separator"]').attributes('aria-orientation')).toBe('horizontal');
  });

  it('moves by 2% on arrow keys along its axis, 10% with Shift', async () => {
    const x = splitter('x');
    await x.trigger('keydown', { key: 'ArrowRight' });
    await x.trigger('keydown', { key: 'ArrowLeft', shiftKey: true });
    await x.trigger('keydown', { key: 'ArrowUp' });
    expect(x.emitted('update:modelValue')).toEqual([[52], [40]]);

    const y = splitter('y');
    await y.trigger('keydown', { key: 'ArrowDown' });
    await y.trigger('keydown', { key: 'ArrowLeft' });
    expect(y.emitted('update:modelValue')).toEqual([[52]]);
  });

  it('jumps to its bounds on Home and End and never leaves them', async () => {
    const at = splitter('x', 79);
    await at.trigger('keydown', { key: 'Home' });
    await at.trigger('keydown', { key: 'End' });
    await at.trigger('keydown', { key: 'ArrowRight', shiftKey: true });
    expect(at.emitted('update:modelValue')).toEqual([[20], [80], [80]]);
  });
});

describe('pane sizes', () => {
  it('clamps and rounds sizes', () => {
    expect(clampSize(5, { min: 10, max: 90 })).toBe(10);
    expect(clampSize(33.333, { min: 10, max: 90 })).toBe(33.3);
  });

  it('reads a stored size within bounds, ignores others, and writes changes', async () => {
    const data = new Map<string, string>([
      ['handshake.pane.a', '30'],
      ['handshake.pane.b', '999'],
    ]);
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    const a = usePaneSize('a', 50, { min: 10, max: 90 }, storage);
    const b = usePaneSize('b', 50, { min: 10, max: 90 }, storage);
    expect(a.value).toBe(30);
    expect(b.value).toBe(50);
    a.value = 42;
    await nextTick();
    expect(data.get('handshake.pane.a')).toBe('42');
  });
});
