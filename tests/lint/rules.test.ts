/**
 * Each architectural and security lint rule fires: every file in fixtures/ is a small violation,
 * linted as if it sat at the path its `lint-as:` line names, and must be rejected by the rule(s)
 * its `expect:` line names. (The fixtures folder itself is ignored by `npm run lint`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, 'fixtures');
const eslint = new ESLint({ cwd: process.cwd() });

const fixtures = readdirSync(dir).map((name) => {
  const text = readFileSync(join(dir, name), 'utf8');
  const lintAs = /lint-as:\s*(\S+)/.exec(text)?.[1];
  const expected = /expect:\s*([^\n>]+?)\s*(?:-->)?\s*$/m.exec(text)?.[1].split(/,\s*/);
  if (!lintAs || !expected) throw new Error(`${name}: needs "lint-as:" and "expect:" lines`);
  return { name, text, lintAs, expected };
});

describe('lint rules that hold the layers and the security rules', () => {
  it('has a fixture for every rule we rely on', () => {
    const covered = new Set(fixtures.flatMap((f) => f.expected));
    for (const rule of [
      'no-restricted-imports',
      'no-restricted-globals',
      'no-restricted-properties',
      '@typescript-eslint/no-restricted-imports',
      'vue/no-v-html',
      'no-eval',
      'no-new-func',
      'no-implied-eval',
      'no-restricted-syntax',
      '@typescript-eslint/no-explicit-any',
      '@eslint-community/eslint-comments/require-description',
    ]) {
      expect(covered, rule).toContain(rule);
    }
  });

  it.each(fixtures)('$name is rejected as $lintAs', async ({ text, lintAs, expected }) => {
    const [result] = await eslint.lintText(text, { filePath: lintAs });
    const fired = result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
    for (const rule of expected)
      expect(fired, `${lintAs}: ${JSON.stringify(result.messages)}`).toContain(rule);
  });

  it('rejects every spread into call arguments in shipped code, and allows spreads into arrays and objects', async () => {
    const text = readFileSync(join(dir, 'spread-into-call.ts'), 'utf8');
    const [result] = await eslint.lintText(text, { filePath: 'core/har/spread-into-call.ts' });
    const spreads = result.messages.filter((m) => m.message.startsWith('No spread into call arguments'));
    expect(spreads.map((m) => m.line)).toEqual([4, 6]);
    const [literals] = await eslint.lintText(
      'export const join = (a: number[], b: number[]) => ({ all: [...a, ...b], n: { ...{ a } } });\n',
      { filePath: 'components/story/ok.ts' },
    );
    expect(literals.messages).toEqual([]);
  });

  it('accepts the same code where it is allowed (the owner module, type-only imports)', async () => {
    const [session] = await eslint.lintText(
      "export const attach = (tabId: number) => chrome.debugger.attach({ tabId }, '1.3');\n",
      { filePath: 'recorder/cdp-session.ts' },
    );
    expect(session.messages).toEqual([]);
    const [typeOnly] = await eslint.lintText(
      "import type { LinkState } from '../composables/recorder-port';\nexport const s: LinkState = 'open';\n",
      { filePath: 'components/ok.ts' },
    );
    expect(typeOnly.messages).toEqual([]);
  });
});
