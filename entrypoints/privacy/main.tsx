import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { MarkdownText } from '@/components/MarkdownText';
import { privacyPolicy } from './policy';

// The privacy policy, bundled from the repository's PRIVACY.md (or its translation, in the
// catalogue's language) so the two cannot differ; the options page links here. The page's
// language and title are the catalogue's (index.html says English).
const lang = i18n.t('lang');
const policy = privacyPolicy(lang);
document.documentElement.lang = lang;
document.title = i18n.t('privacy.title');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main className="mx-auto max-w-2xl space-y-3 p-6">
      <h1 className="text-2xl font-bold">{i18n.t('privacy.title')}</h1>
      <div lang={policy.lang === lang ? undefined : policy.lang}>
        <MarkdownText source={policy.body} />
      </div>
    </main>,
  );
}
