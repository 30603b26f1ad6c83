/**
 * No UI string left untranslated: every component's template text and user-facing attributes,
 * and every sentence-like string literal in the components' scripts, must come from the
 * catalogs. A text passes when each Latin word in it is a term that reads the same in both
 * languages (HAR, WebSocket, CORS…) — Russian UIs keep those in Latin script too. Components,
 * composables, stores and the panel's entry points are scanned; a string that is data or a
 * developer message is marked `// i18n: not UI (why)` on its line or the line above.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'vue/compiler-sfc';

const ROOT = join(__dirname, '..', '..');
const DIRS = ['components', 'composables', 'stores', 'entrypoints/panel', 'entrypoints/devtools'];

/** Words that stay in Latin script in the Russian UI: names of protocols, formats, tools. */
const TERMS = new Set(
  (
    'HAR HTTP HTTPS URL URLs CORS WebSocket WebSockets WS SSE EventSource CDP JSON JWT cURL curl fetch XHR ' +
    'Handshake DevTools Chrome Chromium Firefox Ctrl Cmd Shift Alt Esc Escape Enter F8 F10 Tab ms KB MB GB B ' +
    'Origin Access-Control-Allow-Origin Access-Control-Allow-Headers Access-Control-Allow-Methods ' +
    'Access-Control-Allow-Credentials OPTIONS GET POST PUT PATCH DELETE ID IDs gzip regex ok OK'
  ).split(' '),
);
/** Attributes whose value a user reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'placeholder',
  'alt',
  'label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
]);

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(vue|ts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** True when `text` has a Latin word that is not a shared term. */
export function looksUntranslated(text: string): boolean {
  const words = text.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? [];
  return words.some((w) => !TERMS.has(w) && !TERMS.has(w.replace(/-$/, '')) && w.length > 1);
}

interface TemplateNode {
  type: number;
  content?: unknown;
  children?: TemplateNode[];
  props?: Array<{ type: number; name: string; value?: { content: string } }>;
  loc: { start: { line: number } };
}

function templateProblems(node: TemplateNode, out: string[]): void {
  // 2: text. 1: element, whose static attributes are props of type 6.
  if (node.type === 2 && typeof node.content === 'string' && looksUntranslated(node.content)) {
    out.push(`line ${node.loc.start.line}: text "${node.content.trim().slice(0, 60)}"`);
  }
  for (const prop of node.props ?? []) {
    if (
      prop.type === 6 &&
      TEXT_ATTRIBUTES.has(prop.name) &&
      prop.value &&
      looksUntranslated(prop.value.content)
    ) {
      out.push(`line ${node.loc.start.line}: ${prop.name}="${prop.value.content.slice(0, 60)}"`);
    }
  }
  for (const child of node.children ?? []) templateProblems(child, out);
}

/** A string that reads like a sentence or a label: a capital, then words, with spaces. */
const SENTENCE = /^[A-Z][a-z']*(?:[ ,:;…—–-]+[A-Za-z0-9'’()…]+){1,}[.:…!?]?$/;

function scriptProblems(code: string, fileName: string, lineOffset: number, out: string[]): void {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      // Developer-facing output is not UI.
      if (/^console\./.test(callee)) return;
    }
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) {
      text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' x ');
    }
    if (text !== undefined && SENTENCE.test(text.trim()) && looksUntranslated(text)) {
      const at = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      // A string that is data or a developer message, not UI, says so: `// i18n: not UI (why)`.
      const lines = source.text.split('\n');
      const marked = [lines[at], lines[at - 1]].some((l) => l?.includes('i18n: not UI'));
      if (!marked) out.push(`line ${at + 1 + lineOffset}: '${text.slice(0, 60)}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function problemsOf(file: string): string[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  if (file.endsWith('.vue')) {
    const { descriptor } = parse(code, { filename: file });
    if (descriptor.template?.ast) templateProblems(descriptor.template.ast as unknown as TemplateNode, out);
    for (const block of [descriptor.script, descriptor.scriptSetup]) {
      if (block) scriptProblems(block.content, file, block.loc.start.line - 1, out);
    }
  } else {
    scriptProblems(code, file, 0, out);
  }
  return out;
}

describe('UI strings come from the catalogs', () => {
  it('flags English text and lets shared terms through', () => {
    expect(looksUntranslated('Record and reload')).toBe(true);
    expect(looksUntranslated('Записать HAR')).toBe(false);
    expect(looksUntranslated('WebSocket · SSE')).toBe(false);
  });

  for (const file of DIRS.flatMap(files)) {
    it(relative(ROOT, join(ROOT, file)), () => {
      expect(problemsOf(file)).toEqual([]);
    });
  }
});
