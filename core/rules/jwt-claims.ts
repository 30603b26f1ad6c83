/**
 * JWT claims per token string, decoded once (`core/jwt.ts`) and kept in a bounded map: a
 * recording's requests carry the same few tokens over and over, and findings are derived again
 * after every change, so decoding per request cost seconds at 1,000,000 events. The claims are
 * frozen, as every rule reading them shares one object.
 */
import { decodeJwt, type JwtClaims } from '../jwt';

/** Distinct tokens kept; the oldest is forgotten first (a token refreshed every minute fills this in 17 h). */
export const MAX_CACHED_TOKENS = 1024;

/** `null`: decoded and found not to be a JWT. */
const cache = new Map<string, Readonly<JwtClaims> | null>();

/** The claims of `token`, or undefined when it is not a JWT (as `decodeJwt`, decoded once per token). */
export function claimsOf(token: string): Readonly<JwtClaims> | undefined {
  let claims = cache.get(token);
  if (claims === undefined) {
    const decoded = decodeJwt(token);
    claims = decoded ? Object.freeze(decoded) : null;
    if (cache.size >= MAX_CACHED_TOKENS) cache.delete(cache.keys().next().value as string);
    cache.set(token, claims);
  }
  return claims ?? undefined;
}
