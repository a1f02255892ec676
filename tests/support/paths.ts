/** Where the project and its builds are, for the browser tests, the demo and the benchmarks. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT_DIR = path.join(PROJECT_ROOT, '.output');
/** The Chrome build (`npm run build`). */
export const EXTENSION_DIR = path.join(OUTPUT_DIR, 'chrome-mv3');
/** The Firefox build (`npm run build:firefox`). */
export const FIREFOX_EXTENSION_DIR = path.join(OUTPUT_DIR, 'firefox-mv2');
