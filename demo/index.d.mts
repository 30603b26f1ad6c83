/** The two variants of the seed incident: `buggy` reproduces it, `fixed` is the repaired app. */
export type DemoVariant = 'buggy' | 'fixed';

export interface DemoServers {
  /** e.g. `http://127.0.0.1:41234`: serves the built app (no-store). */
  appOrigin: string;
  /** e.g. `http://127.0.0.1:41235`: `/api`, `/fixed/api`, `/ws/widgets/`, `/sse/notifications/`; `POST /__demo/cors` switches `/api` CORS at runtime (tests). */
  apiOrigin: string;
  /** Page URL of a variant (default `buggy`). */
  url(variant?: DemoVariant): string;
  /** Stops both servers, terminating WebSocket clients and their push timers. */
  close(): Promise<void>;
}

export interface StartDemoOptions {
  host?: string;
  appPort?: number;
  apiPort?: number;
  /** Log every request to stdout. */
  log?: boolean;
}

/** Builds the app if its sources changed and starts both origins (port 0 = free port). */
export function startDemo(options?: StartDemoOptions): Promise<DemoServers>;

/** Builds demo/app into demo/.dist/<source-hash>/ unless that build already exists. */
export function buildDemoApp(options?: { force?: boolean }): Promise<{ outDir: string; rebuilt: boolean }>;
