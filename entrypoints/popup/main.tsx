import '@/lib/zod-jitless';
import '@/components/styles.css';
import { PopupApp } from '@/components/PopupApp';
import { mountPage } from '@/components/query-client';

mountPage(<PopupApp />);
