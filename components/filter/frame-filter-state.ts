/**
 * The frames filter the panel shares with every channel's details (provided by the panel, as
 * it is kept per site): channel details read it and ask for changes through `set`.
 */
import type { InjectionKey, Ref } from 'vue';
import type { FrameFilter } from '~/core/filter/frames';

export interface FrameFilterState {
  filter: Readonly<Ref<FrameFilter>>;
  set: (change: Partial<FrameFilter>) => void;
}

export const FRAME_FILTER: InjectionKey<FrameFilterState> = Symbol('frame-filter');
