/**
 * How stack lists learn the source-mapped original of a frame without a prop on every level:
 * the panel app provides the store's mapper, re-provided (a new object) whenever the model or
 * a loaded map changes, so lists re-render. Without a provider, frames show minified only.
 */
import type { ComputedRef, InjectionKey } from 'vue';
import type { StackFrame } from '~/core/events';
import type { OriginalFrame } from '~/core/model';

export interface OriginalFrames {
  originalFrame(frame: StackFrame): OriginalFrame | undefined;
}

export const ORIGINAL_FRAMES: InjectionKey<ComputedRef<OriginalFrames>> = Symbol('original-frames');
