/**
 * No user-facing text in the converted files bypasses the catalogue. The rule, checked on the
 * syntax tree of each file in CONVERTED:
 * - JSX text (between tags) has no letters: words come from `i18n.t(…)`;
 * - a string given as a JSX child (`{'…'}`, a template, either branch of `?:` or `&&`) has no
 *   letters;
 * - the attributes people read or hear (aria-label, aria-description, aria-placeholder,
 *   aria-roledescription, aria-valuetext, title, placeholder, alt, label) take no string
 *   with letters;
 * - every `i18n.t('key', …)` names a key of the English catalogue.
 * Text without letters (…, ·, :, digits, emoji) is not a word to translate.
 * A file joins CONVERTED once all of its text goes through the catalogue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CONVERTED = [
  'entrypoints/options/main.tsx',
  'components/ShortcutList.tsx',
  'components/PostControlsSwitch.tsx',
  'components/HistorySettings.tsx',
  'components/ConnectionForm.tsx',
  'components/QuickSetEditor.tsx',
  // The popup: its frame (tabs, header, connection details); the tabs' contents are not yet.
  'entrypoints/popup/main.tsx',
  'components/PopupApp.tsx',
  'components/StatusPanel.tsx',
  'components/popup/Tabs.tsx',
  'components/popup/HistoryTab.tsx',
  'components/popup/RemoveKey.tsx',
  // The popup's Accounts tab.
  'components/popup/format.ts',
  'components/popup/linkedin-format.ts',
  'components/popup/ui.ts',
  'components/popup/AccountsTab.tsx',
  'components/popup/AccountList.tsx',
  'components/popup/AddKeyForm.tsx',
  'components/popup/KeyCard.tsx',
  'components/popup/KeyName.tsx',
  'components/popup/BudgetLine.tsx',
  'components/popup/RealtimeStatus.tsx',
  'components/popup/LinkedInSection.tsx',
  'components/popup/LinkedInConnection.tsx',
  'components/popup/LinkedInActors.tsx',
  'components/popup/LinkedInConnectForms.tsx',
  // The history view and the privacy page.
  'lib/history/words.ts',
  'components/history/format.ts',
  'components/history/HistoryLineRow.tsx',
  'components/history/HistoryList.tsx',
  'components/history/HistoryFilters.tsx',
  'components/history/HistoryChart.tsx',
  'components/history/HistoryView.tsx',
  'components/history/HistoryPage.tsx',
  'entrypoints/history/main.tsx',
  'entrypoints/privacy/main.tsx',
  'entrypoints/privacy/policy.ts',
  // What the extension shows on LinkedIn.
  'components/reactbar/ContentUi.tsx',
  'components/reactbar/MessageBar.tsx',
  'components/reactbar/NoticeBubble.tsx',
  'components/reactbar/ReactionRow.tsx',
  'components/emoji/EmojiPicker.tsx',
  'lib/emoji/groups.ts',
  'lib/emoji/data.ts',
  // The background's notices and failures (their German: i18n-notices.test.ts).
  'lib/engine/notices.ts',
  'lib/services/connectsafely/backend.ts',
  'lib/services/linkedin/words.ts',
  'lib/background/linkedin-connect.ts',
  'lib/background/linkedin-vault.ts',
  'lib/background/vault.ts',
  'lib/background/main.ts',
];

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

describe('user-facing text in the converted files', () => {
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

  it.each(CONVERTED)('%s has none outside the catalogue', async (file) => {
    const en = new Set(
      (await parseMessagesFile(`${root}locales/en.yml`)).map((message) => message.key.join('.')),
    );
    const { problems, keys } = untranslated(file, readFileSync(`${root}${file}`, 'utf8'));
    expect(problems).toEqual([]);
    expect(keys.filter((key) => !en.has(key))).toEqual([]);
  });
});
