/**
 * The privacy page's text: PRIVACY.md, or its translation in the catalogue's language. Each
 * file's title is the catalogue's `privacy.title` (the page shows the catalogue's), every
 * translation in the repository is one the page can show, and a translation keeps the English
 * file's shape: the same sections, list items, `code`, bold and italic spans, in the same order,
 * so a change to PRIVACY.md that the translation lacks fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { privacyPolicy } from '@/entrypoints/privacy/policy';

const root = path.resolve('.');
const translations = readdirSync(root)
  .map((file) => file.match(/^PRIVACY\.([a-z]{2}(?:-[A-Z]{2})?)\.md$/)?.[1])
  .filter((lang): lang is string => Boolean(lang));

function read(lang: string): string {
  return readFileSync(path.join(root, lang === 'en' ? 'PRIVACY.md' : `PRIVACY.${lang}.md`), 'utf8');
}

async function catalogueTitle(lang: string): Promise<string> {
  const messages = await parseMessagesFile(path.join(root, 'locales', `${lang}.yml`));
  const title = messages.find((message) => message.key.join('.') === 'privacy.title');
  if (title?.type !== 'simple') throw new Error(`locales/${lang}.yml has no privacy.title`);
  return title.message;
}

/** The blocks as MarkdownText tells them apart, with what must not change in translation. */
function shape(markdown: string) {
  const blocks = markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      if (block.startsWith('## ')) return 'section';
      if (block.startsWith('# ')) return 'title';
      if (block.startsWith('- ')) return `list of ${block.split(/\n(?=- )/).length}`;
      return 'paragraph';
    });
  return {
    blocks,
    code: markdown.match(/`[^`]+`/g) ?? [],
    bold: (markdown.match(/\*\*[^*]+\*\*/g) ?? []).length,
    italic: (markdown.replace(/\*\*[^*]+\*\*/g, '').match(/\*[^*]+\*/g) ?? []).length,
  };
}

describe('the privacy policy', () => {
  it('has a German translation, and every translation is one the page shows', () => {
    expect(translations).toContain('de');
    for (const lang of translations) expect(privacyPolicy(lang).lang).toBe(lang);
  });

  it("shows the catalogue's language, else English", () => {
    expect(privacyPolicy('de')).toMatchObject({
      lang: 'de',
      title: 'Reactbar-Datenschutzerklärung',
    });
    expect(privacyPolicy('de').body).toContain('## Was gespeichert wird und wo');
    expect(privacyPolicy('fr')).toMatchObject({ lang: 'en', title: 'Reactbar privacy policy' });
    expect(privacyPolicy('en').body).toContain('## What is stored, and where');
  });

  it('leaves the title out of the body (the page shows the catalogue’s)', () => {
    for (const lang of ['en', ...translations]) {
      expect(privacyPolicy(lang).body.trimStart()).not.toMatch(/^#/);
      expect(privacyPolicy(lang).body.trim()).toBe(
        read(lang)
          .replace(/^# .+\n/, '')
          .trim(),
      );
    }
  });

  it.each(['en', ...translations])("%s: the file's title is the catalogue's", async (lang) => {
    expect(privacyPolicy(lang).title).toBe(await catalogueTitle(lang));
  });

  it.each(translations)('%s keeps the shape of PRIVACY.md', (lang) => {
    const english = shape(read('en'));
    expect(english.blocks.length).toBeGreaterThan(10);
    expect(shape(read(lang))).toEqual(english);
  });
});
