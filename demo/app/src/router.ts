/** A tiny router with lazy routes, standing in for vue-router in the seed app. */
import type { AppLayout } from './components/AppLayout';

export interface RouteModule {
  mount(outlet: HTMLElement, layout: AppLayout): void;
}

export interface Route {
  path: string;
  load: () => Promise<RouteModule>;
}

export interface Router {
  push(path: string): Promise<void>;
  onError(handler: (err: unknown) => void): void;
}

/** Creates a router that loads a route's module on first navigation and reports load errors. */
export function createRouter(routes: Route[], outlet: HTMLElement, layout: AppLayout): Router {
  const errorHandlers: Array<(err: unknown) => void> = [];
  return {
    async push(path) {
      const route = routes.find((candidate) => candidate.path === path);
      if (!route) return;
      try {
        (await route.load()).mount(outlet, layout);
      } catch (err) {
        // vue-router hands lazy-load failures to onError handlers instead of rejecting.
        for (const handler of errorHandlers) handler(err);
      }
    },
    onError(handler) {
      errorHandlers.push(handler);
    },
  };
}
