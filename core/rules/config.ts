/**
 * Per-site configuration of the diagnosis rules. Patterns are stored as regular-expression
 * sources (strings) so they survive `storage` and export; they are compiled case-insensitive.
 */
import type { StackFrame } from '../events';
import { messagesFor, type Locale, type Messages } from '../i18n';
import type { OriginalFrame } from '../model';

export interface RuleConfig {
  /** Messages that mean "code ran before the auth context existed" (regex sources, case-insensitive). */
  authContextPatterns: string[];
  /** URLs whose successful response means auth is ready: login, token, session (regex sources). */
  authEndpointPatterns?: string[];
  /** URLs of token-refresh requests (regex sources). */
  refreshEndpointPatterns?: string[];
  /** Script or source names of real-time code: a WebSocket/SSE service (regex sources). */
  realtimeModulePatterns?: string[];
  /**
   * Console-line prefixes that mean the app is echoing an unhandled rejection or uncaught error
   * from its own handler (`Unhandled promise rejection: <err>`): the same throw, not a new one.
   */
  rejectionEchoPatterns?: string[];
  /** `realtime/reconnect-storm`: this many connections of one channel within `windowMs`. */
  reconnectStorm?: { connections: number; windowMs: number };
}

/** A `RuleConfig` with every optional part filled from the defaults. */
export type ResolvedRuleConfig = Required<RuleConfig>;

/** Covers the seed's `Auth context not provided` and the usual phrasings of the same bug. */
export const DEFAULT_RULE_CONFIG: ResolvedRuleConfig = {
  authContextPatterns: [
    String.raw`auth(?:entication)?[ _-]?context (?:was |is )?not provided`,
    String.raw`use\w*auth\w* must be used (?:with)?in(?:side)? (?:an? |the )?\w*auth\w*provider`,
    String.raw`no auth(?:entication)?[ _-]?context`,
    String.raw`auth(?:entication)?[ _-]?context (?:is )?(?:missing|undefined|null|not (?:found|available|initiali[sz]ed|ready))`,
  ],
  authEndpointPatterns: [
    String.raw`/(?:auth|login|signin|sign-in|oauth2?|session|sessions|token|tokens|jwt)(?:/|$|\?|\.)`,
    String.raw`/connect/token\b`,
  ],
  refreshEndpointPatterns: [String.raw`refresh`, String.raw`/oauth2?/token\b`, String.raw`/renew(?:/|$|\?)`],
  realtimeModulePatterns: [
    String.raw`socket|realtime|real-time|eventsource|\bsse\b|pusher|cable|signalr|centrifug|ably|channel`,
  ],
  rejectionEchoPatterns: [String.raw`unhandled|uncaught|rejection|global error|window\.onerror`],
  reconnectStorm: { connections: 4, windowMs: 10_000 },
};

/** Fills the optional parts of a per-site config from the defaults. */
export function resolveRuleConfig(config: RuleConfig): ResolvedRuleConfig {
  const d = DEFAULT_RULE_CONFIG;
  return {
    authContextPatterns: config.authContextPatterns,
    authEndpointPatterns: config.authEndpointPatterns ?? d.authEndpointPatterns,
    refreshEndpointPatterns: config.refreshEndpointPatterns ?? d.refreshEndpointPatterns,
    realtimeModulePatterns: config.realtimeModulePatterns ?? d.realtimeModulePatterns,
    rejectionEchoPatterns: config.rejectionEchoPatterns ?? d.rejectionEchoPatterns,
    reconnectStorm: config.reconnectStorm ?? d.reconnectStorm,
  };
}

/** What every rule gets besides the recording: the per-site config, compiled once per run. */
export interface RuleContext {
  config: ResolvedRuleConfig;
  authContextPatterns: RegExp[];
  authEndpoints: RegExp[];
  refreshEndpoints: RegExp[];
  realtimeModules: RegExp[];
  rejectionEchoes: RegExp[];
  /** The original of a minified frame, when the page's source map has been loaded. */
  originalFrame: (frame: StackFrame) => OriginalFrame | undefined;
  /** The language findings are written in. */
  locale: Locale;
  /** Its catalog: every title, explanation, fix, fact and evidence label comes from here. */
  msg: Messages;
}

/** Compiles a config into a rule context; invalid patterns are skipped (see `compilePatterns`). */
export function ruleContextOf(
  config: RuleConfig,
  originalFrame: RuleContext['originalFrame'] = () => undefined,
  locale: Locale = 'en',
): RuleContext {
  const resolved = resolveRuleConfig(config);
  const compile = (sources: string[]) => compilePatterns(sources).patterns;
  return {
    config: resolved,
    authContextPatterns: compile(resolved.authContextPatterns),
    authEndpoints: compile(resolved.authEndpointPatterns),
    refreshEndpoints: compile(resolved.refreshEndpointPatterns),
    realtimeModules: compile(resolved.realtimeModulePatterns),
    rejectionEchoes: compile(resolved.rejectionEchoPatterns),
    originalFrame,
    locale,
    msg: messagesFor(locale),
  };
}

/**
 * Compiles pattern sources case-insensitively. An invalid or empty pattern is left out and
 * described in `errors` (for the settings view, in `locale`); this never throws, because
 * patterns are typed by users and read back from storage.
 */
export function compilePatterns(
  sources: string[],
  locale: Locale = 'en',
): { patterns: RegExp[]; errors: string[] } {
  const m = messagesFor(locale).rulesAuth.patterns;
  const patterns: RegExp[] = [];
  const errors: string[] = [];
  for (const source of sources) {
    if (typeof source !== 'string' || source.trim() === '') {
      // An empty pattern would match every message and flag every exception.
      errors.push(m.empty({ pattern: String(JSON.stringify(source)) }));
      continue;
    }
    try {
      patterns.push(new RegExp(source, 'i'));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      // The reason is the JavaScript engine's own text: shown as it is, inside the sentence.
      errors.push(m.invalid({ pattern: JSON.stringify(source), reason }));
    }
  }
  return { patterns, errors };
}
