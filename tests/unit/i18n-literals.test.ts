/**
 * No user-facing text in the product bypasses the catalogue. The rule, checked on the syntax
 * tree of every source file under components/, entrypoints/ and lib/:
 * - JSX text (between tags) has no letters: words come from `i18n.t(…)`;
 * - a string given as a JSX child (`{'…'}`, a template, either branch of `?:` or `&&`) has no
 *   letters;
 * - the attributes people read or hear (aria-label, aria-description, aria-placeholder,
 *   aria-roledescription, aria-valuetext, title, placeholder, alt, label) take no string
 *   with letters;
 * - no other string reads like a sentence (a capitalized word, then more words), unless it is a
 *   diagnostic, a developer's error, a failure's technical detail, or in NOT_USER_TEXT with why;
 * - every `i18n.t('key', …)` names a key of the English catalogue.
 * Text without letters (…, ·, :, digits, emoji) is not a word to translate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Where user-facing text can be: every source file of the product. */
const SOURCE_DIRS = ['components', 'entrypoints', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Sentences outside the catalogue that are not the extension's words to people, each with why.
 * Everything else that reads like a sentence must come from `i18n.t`, `word` or `wordWith`.
 */
const NOT_USER_TEXT: Readonly<Record<string, string>> = {
  'Reaction button state:': "LinkedIn's own English label, read to find its control",
  'Not a single emoji': 'a forged message refused; no form sends one',
  'The conversation does not match the message': 'a forged message refused; no form sends one',
};

/**
 * Calls whose string arguments are diagnostics, a WebSocket close reason (for the server), or
 * already the catalogue's.
 */
const NOT_WORDS_CALLS = /^(console\.\w+|log|abandonSocket|\w+\??\.close|i18n\.t|word|wordWith)$/;
/** A literal that reads like a sentence: a capitalized word, then more words. */
const SENTENCE = /^\s*\p{Lu}[\p{Ll}’']*[\s,]+\S*\p{L}/u;

const root = `${path.resolve('.')}/`;
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const LETTER = /\p{L}/u;

/** The string literals an expression can evaluate to, as written (through ?:, &&, ||, ??, ()). */
function literals(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node))
    return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) return [...literals(node.left), ...literals(node.right)];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node))
    return [node.head, ...node.templateSpans.map((s) => s.literal)];
  return [];
}

function textOf(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
    return node.text;
  return node.getText();
}

/**
 * Where a literal is not words for people: an import, a diagnostic or catalogue call, a
 * developer's `new Error(…)` (an invariant broken, not a failure people meet: those are notices
 * with words), a service failure's technical `detail` (kept in the history as the record), or a
 * JSX attribute (the read ones are checked on their own).
 */
function notWords(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
    if (ts.isJsxAttribute(parent)) return true;
    if (ts.isCallExpression(parent) && NOT_WORDS_CALLS.test(parent.expression.getText()))
      return true;
    if (ts.isNewExpression(parent) && parent.expression.getText() === 'Error') return true;
    if (ts.isPropertyAssignment(parent) && parent.name.getText() === 'detail') return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

function untranslated(file: string, source: string): { problems: string[]; keys: string[] } {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const problems: string[] = [];
  const keys: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
    problems.push(`${file}:${line + 1} ${what}: ${JSON.stringify(textOf(node).trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, 'JSX text');
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of literals(node.expression))
        if (LETTER.test(textOf(literal))) report(literal, 'string child');
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const value = ts.isStringLiteral(init)
        ? [init]
        : ts.isJsxExpression(init) && init.expression
          ? literals(init.expression)
          : [];
      for (const literal of value)
        if (LETTER.test(textOf(literal))) report(literal, node.name.getText());
    }
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node)) &&
      SENTENCE.test(node.text) &&
      !(node.text.trim() in NOT_USER_TEXT) &&
      !notWords(node)
    )
      report(node, 'sentence');
    if (
      ts.isCallExpression(node) &&
      node.expression.getText() === 'i18n.t' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      keys.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return { problems, keys };
}

describe('user-facing text in the product', () => {
  it('the rule catches text, attributes and string children, and lets i18n.t through', () => {
    const { problems, keys } = untranslated(
      'x.tsx',
      `const a = <p title="Hello" aria-label={i18n.t('k1')}>Hi {ok ? 'Yes' : i18n.t('k2')} … {n}</p>;
       const b = <input placeholder={\`Type \${x}\`} className="p-1" />;`,
    );
    expect(problems).toEqual([
      'x.tsx:1 title: "Hello"',
      'x.tsx:1 JSX text: "Hi"',
      'x.tsx:1 string child: "Yes"',
      'x.tsx:2 placeholder: "Type"',
    ]);
    expect(keys).toEqual(['k1', 'k2']);
  });

  it('the sentence rule catches a sentence, and lets diagnostics, errors and the catalogue through', () => {
    const { problems } = untranslated(
      'x.ts',
      `const a = { message: 'Keep at least one emoji.', code: 'too-fast', css: 'p-1 text-sm' };
       log('The socket closed'); word('key.one'); i18n.t('key.two');
       throw new Error(\`No upgrade step from \${v}\`);
       const b = \`At most \${n} emoji\`; const c = { detail: 'LinkedIn refused it.' };`,
    );
    expect(problems).toEqual([
      'x.ts:1 sentence: "Keep at least one emoji."',
      'x.ts:4 sentence: "At most"',
    ]);
  });

  it.each(SOURCE_DIRS.flatMap(sourceFiles))('%s has none outside the catalogue', async (file) => {
    const en = new Set(
      (await parseMessagesFile(`${root}locales/en.yml`)).map((message) => message.key.join('.')),
    );
    const { problems, keys } = untranslated(file, readFileSync(`${root}${file}`, 'utf8'));
    expect(problems).toEqual([]);
    expect(keys.filter((key) => !en.has(key))).toEqual([]);
  });
});
