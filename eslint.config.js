// ESLint flat config. Besides style and correctness it holds the architecture and the security
// rules of docs/architecture.md ("How the layers are held"); each rule has a test in tests/lint/.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import wxtAutoImports from './.wxt/eslint-auto-imports.mjs';

/** Anything that talks to the browser's extension APIs or to Vue. */
const EXTENSION_AND_UI = [
  { name: 'wxt/browser', message: 'core/ and probe/ must not use extension APIs.' },
  {
    name: 'webextension-polyfill',
    message: "Import `browser` from 'wxt/browser' (and not in core/ or probe/).",
  },
  { name: 'vue', message: 'core/ and probe/ stay free of Vue.' },
  { name: 'pinia', message: 'core/ and probe/ stay free of Pinia.' },
];
const EXTENSION_PATTERNS = [
  { group: ['wxt', 'wxt/*', '#imports', '@vue/*'], message: 'core/ and probe/ must not use WXT or Vue.' },
  {
    group: ['recorder', 'bridge', 'stores', 'components', 'composables', 'entrypoints'].flatMap((dir) => [
      `**/${dir}`,
      `**/${dir}/**`,
    ]),
    message: 'This layer must not import the extension contexts or the panel.',
  },
];
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'indexedDB',
  'chrome',
  'browser',
].map((name) => ({ name, message: `core/ is pure TypeScript: no \`${name}\`. Pass what you need in.` }));

/** Security rules that hold everywhere (captured data is never HTML and never code). */
const SECURITY_SYNTAX = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Never assign HTML: captured strings are text. Use textContent or a Vue text binding.',
  },
  {
    selector:
      "CallExpression[callee.property.name='insertAdjacentHTML'], CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'Never write HTML: captured strings are text.',
  },
  {
    selector: "MemberExpression[object.property.name='inspectedWindow'][property.name='eval']",
    message: 'inspectedWindow.eval runs code in the page: not allowed (PRODUCT.md, trust).',
  },
  {
    selector:
      'CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type=/^(Literal|TemplateLiteral|BinaryExpression)$/]',
    message: 'A string passed to a timer is evaluated: pass a function.',
  },
];

/**
 * No array spread into call arguments (`Math.min(...xs)`, `out.push(...xs)`, `new Set(...)`
 * aside): every argument goes on the stack, and V8 throws "Maximum call stack size exceeded"
 * somewhere past ~100,000 items. Real HAR files have that many entries and frames (issue 13).
 */
const NO_ARGUMENT_SPREAD = [
  {
    selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
    message:
      'No spread into call arguments: a large array overflows the stack (Math.min(...xs) throws past ~100k items). Loop instead (a for loop, reduce, or push one at a time).',
  },
];

/** `chrome.debugger` / `declarativeNetRequest` each live in one module only. */
const SINGLE_OWNER = [
  {
    object: 'chrome',
    property: 'debugger',
    message: 'Only recorder/cdp-session.ts touches chrome.debugger.',
  },
  {
    object: 'chrome',
    property: 'declarativeNetRequest',
    message: 'Only recorder/network-block.ts touches declarativeNetRequest.',
  },
  {
    object: 'browser',
    property: 'declarativeNetRequest',
    message: 'Only recorder/network-block.ts touches declarativeNetRequest.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'demo/.dist/**',
      'test-results/**',
      'playwright-report/**',
      'recordings/**',
      'tests/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  comments.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...wxtAutoImports.globals },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...SECURITY_SYNTAX],
      'no-restricted-properties': ['error', ...SINGLE_OWNER],
      'vue/no-v-html': 'error',
      'vue/no-v-text-v-html-on-component': 'error',
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // Node-side code: scripts, the demo servers, configs and tests (which also evaluate
    // functions inside the extension's service worker, hence `chrome`).
    files: ['scripts/**', 'bench/**', 'cli/*.mjs', 'demo/*.mjs', '*.config.*', 'tests/**'],
    languageOptions: { globals: { ...globals.node, chrome: 'readonly' } },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use nothing.
    files: ['tests/browser/support/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The probe wraps arbitrary native functions: `Function` is the honest type there.
    files: ['probe/**', 'tests/probe/**'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    // Shipped code handles files of any size (tests and scripts may spread their small arrays).
    files: [
      '{core,components,composables,stores,recorder,cli,bridge,probe,devtools,entrypoints}/**/*.{ts,vue,mjs}',
    ],
    rules: { 'no-restricted-syntax': ['error', ...SECURITY_SYNTAX, ...NO_ARGUMENT_SPREAD] },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: EXTENSION_AND_UI, patterns: EXTENSION_PATTERNS }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    // The probe runs in the page: the page can read and forge all of it.
    files: ['probe/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...EXTENSION_AND_UI,
            { name: 'valibot', message: 'Validation happens in the bridge, not in the page.' },
          ],
          patterns: EXTENSION_PATTERNS,
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'The probe runs in the page world: no extension APIs.' },
        { name: 'browser', message: 'The probe runs in the page world: no extension APIs.' },
      ],
    },
  },
  {
    // The devtools page feeds the recorder over its own port: it talks to no other context's code.
    files: ['devtools/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['recorder', 'bridge', 'probe', 'stores', 'components', 'composables'].flatMap((dir) => [
                `**/${dir}`,
                `**/${dir}/**`,
              ]),
              message: 'The devtools page imports core/ only; it reaches the recorder through its port.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components take props and emit; transports are reached through stores and composables.
    files: ['components/**'],
    rules: {
      // Type-only imports are allowed: they carry no runtime dependency on the transport.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'wxt/browser',
              message: 'Components do not talk to the extension: go through a store.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: [
                '**/composables/recorder-port*',
                '**/recorder',
                '**/recorder/**',
                '**/bridge',
                '**/bridge/**',
                '**/probe',
                '**/probe/**',
              ],
              message: 'Components do not import transports: go through stores/ or composables/.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Components do not talk to the extension: go through a store.' },
        { name: 'browser', message: 'Components do not talk to the extension: go through a store.' },
      ],
    },
  },
  {
    files: ['recorder/cdp-session.ts'],
    rules: {
      'no-restricted-properties': ['error', ...SINGLE_OWNER.filter((r) => r.property !== 'debugger')],
    },
  },
  {
    files: ['recorder/network-block.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...SINGLE_OWNER.filter((r) => r.property !== 'declarativeNetRequest'),
      ],
    },
  },
  prettier,
);
