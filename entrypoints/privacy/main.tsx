import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { MarkdownText } from '@/components/MarkdownText';
import policy from '@/PRIVACY.md?raw';

// The privacy policy, bundled from the repository's PRIVACY.md so the two cannot differ; the
// options page links here.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main className="mx-auto max-w-2xl p-6">
      <MarkdownText source={policy} />
    </main>,
  );
}
