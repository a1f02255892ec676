import '@/lib/zod-jitless';
import '@/components/styles.css';
import { i18n } from '#i18n';
import { PopupApp } from '@/components/PopupApp';
import { mountPage } from '@/components/query-client';

// The page's language is the catalogue's the browser chose (index.html says English).
document.documentElement.lang = i18n.t('lang');

mountPage(<PopupApp />);
