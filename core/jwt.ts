/**
 * Reads JSON Web Tokens locally, to tell whether one had expired when it was sent. Decoding
 * only: the signature is never verified and the token never leaves the browser (RFC 7519 §7.2
 * validation is the server's job; we only read the `exp` and `iat` claims it would check).
 */

/** The claims we read from a JWT payload (seconds since the epoch, as RFC 7519 §4.1 says). */
export interface JwtClaims {
  exp?: number;
  iat?: number;
  nbf?: number;
  sub?: string;
}

/** Three base64url segments; the header is a JSON object (`eyJ` = `{"`), so is the payload. */
const JWT = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;

/**
 * Decodes the payload of a compact JWT, or returns undefined when the string is not one.
 * Never verifies the signature, never throws.
 */
export function decodeJwt(token: string): JwtClaims | undefined {
  if (!JWT.test(token)) return undefined;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = payload + '='.repeat((4 - (payload.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (typeof claims !== 'object' || claims === null) return undefined;
    const c = claims as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return {
      exp: num(c.exp),
      iat: num(c.iat),
      nbf: num(c.nbf),
      sub: typeof c.sub === 'string' ? c.sub : undefined,
    };
  } catch {
    return undefined;
  }
}

/**
 * The JWT carried by an `Authorization` header value (`Bearer <jwt>`, `JWT <jwt>`,
 * `Token <jwt>`, or a bare token), if it is one.
 */
export function jwtOfAuthorization(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const token = value.trim().split(/\s+/).pop() ?? '';
  return JWT.test(token) ? token : undefined;
}
