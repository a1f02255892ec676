import '@/components/styles.css';
import { i18n } from '#i18n';
import { HistoryPage } from '@/components/history/HistoryPage';
import { mountPage } from '@/components/query-client';

// The page's language is the catalogue's the browser chose (index.html says English).
document.documentElement.lang = i18n.t('lang');
document.title = i18n.t('history.pageTitle');

mountPage(<HistoryPage />);
