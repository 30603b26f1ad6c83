import { describe, expect, it } from 'vitest';
import { isSecretHeader, isSecretJsonKey, isSecretParam, Redactor } from '~/core/redact';

describe('secret names by their words', () => {
  it('matches compounds and plurals', () => {
    for (const key of [
      'refresh_tokens',
      'secretAccessKey',
      'stripe_key',
      'auth_code',
      'apiKeys',
      'privateKeyPem',
      'passcode',
      'sid',
      'cookies',
    ])
      expect(isSecretJsonKey(key), key).toBe(true);
    for (const h of ['Ocp-Apim-Subscription-Key', 'X-Functions-Key', 'X-Client-Key', 'X-Refresh'])
      expect(isSecretHeader(h), h).toBe(true);
    expect(isSecretParam('auth[token]')).toBe(true);
    expect(isSecretParam('token[]')).toBe(true);
  });

  it('leaves harmless names alone', () => {
    for (const key of [
      'tokenizer',
      'author',
      'keyboard',
      'passive',
      'max_tokens',
      'token_type',
      'sortKey',
      'publicKey',
      'key',
      'code',
    ])
      expect(isSecretJsonKey(key), key).toBe(false);
    for (const h of [
      'Sec-WebSocket-Key',
      'Keep-Alive',
      'Access-Control-Allow-Credentials',
      'Idempotency-Key',
    ])
      expect(isSecretHeader(h), h).toBe(false);
  });
});

describe('deep JSON', () => {
  it('redacts JSON nested 100,000 levels deep without throwing', () => {
    const depth = 100_000;
    const body = `${'{"a":'.repeat(depth)}{"token":"deepSecret123"}${'}'.repeat(depth)}`;
    const out = new Redactor().body(body, 'application/json');
    expect(out).not.toContain('deepSecret123');
    expect(out.length).toBeGreaterThan(depth * 5);
  });
});
