/**
 * The privacy policy in the catalogue's language: PRIVACY.md (English) or its translation
 * PRIVACY.<lang>.md, English where there is none. All are bundled from the repository's own
 * files, so the page and the files cannot differ. Each file starts with its title (`# …`), the
 * catalogue's `privacy.title` in that language (tests/unit/privacy-policy.test.ts); the page
 * shows the catalogue's title and the rest of the file.
 */
import english from '@/PRIVACY.md?raw';

const translations = import.meta.glob<string>('../../PRIVACY.*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** English, and each translation by its language ("de" from PRIVACY.de.md). */
const POLICIES: ReadonlyMap<string, string> = new Map([
  ['en', english],
  ...Object.entries(translations).flatMap(([file, text]) => {
    const lang = file.match(/PRIVACY\.([\w-]+)\.md$/)?.[1];
    return lang ? [[lang, text] as const] : [];
  }),
]);

export interface PrivacyPolicy {
  /** The language the text is in ("en" when the catalogue's has no translation). */
  lang: string;
  /** The file's title line, without `# `. */
  title: string;
  /** The rest of the file, Markdown. */
  body: string;
}

export function privacyPolicy(catalogueLang: string): PrivacyPolicy {
  const lang = POLICIES.has(catalogueLang) ? catalogueLang : 'en';
  const source = (POLICIES.get(lang) ?? english).replace(/^\uFEFF/, '');
  const match = source.match(/^# (.+)\r?\n/);
  return match?.[1]
    ? { lang, title: match[1].trim(), body: source.slice(match[0].length) }
    : { lang, title: '', body: source };
}
