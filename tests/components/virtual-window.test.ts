import { describe, expect, it } from 'vitest';
import { FALLBACK_VIEWPORT, scrollTopFor, visibleRange } from '~/components/timeline/virtual-window';

describe('visibleRange', () => {
  it('renders the rows in view plus a few either side, never past the ends', () => {
    expect(visibleRange(0, 210, 21, 1_000_000)).toEqual({ start: 0, end: 18 });
    expect(visibleRange(21 * 500, 210, 21, 1_000_000)).toEqual({ start: 492, end: 518 });
    expect(visibleRange(21 * 995, 210, 21, 1_000)).toEqual({ start: 987, end: 1_000 });
    expect(visibleRange(0, 210, 21, 0)).toEqual({ start: 0, end: 0 });
  });

  it('assumes a viewport when the scroller has no layout yet', () => {
    const { end } = visibleRange(0, 0, 20, 10_000);
    expect(end).toBe(FALLBACK_VIEWPORT / 20 + 8);
  });

  it('keeps a shrunken list in range after scrolling far down', () => {
    expect(visibleRange(21 * 900, 210, 21, 10)).toEqual({ start: 10, end: 10 });
  });
});

describe('scrollTopFor', () => {
  it('scrolls up or down only as far as needed to show a row', () => {
    expect(scrollTopFor(5, 0, 210, 21)).toBeUndefined();
    expect(scrollTopFor(20, 0, 210, 21)).toBe(21 * 21 - 210);
    expect(scrollTopFor(3, 21 * 10, 210, 21)).toBe(63);
    expect(scrollTopFor(9, 0, 210, 21, 22)).toBe(21 * 10 - 188);
  });
});
