import '@/components/styles.css';
import { HistoryPage } from '@/components/history/HistoryPage';
import { mountPage } from '@/components/query-client';

mountPage(<HistoryPage />);
