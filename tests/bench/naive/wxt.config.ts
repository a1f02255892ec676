/**
 * The benchmark's "naive" extension: the obvious WXT pattern (one `createShadowRootUi`, one
 * stylesheet copy and one React root per target) around the SAME scanner and bar component.
 * Built with `wxt build tests/bench/naive` into `tests/bench/naive/.output/chrome-mv3`.
 */
import { defineConfig } from 'wxt';

export default defineConfig({
  // The bar's words come from the catalogue, as in the product (locales/ under srcDir).
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // WXT points `@/` at srcDir: the project root, so `@/lib/…` and `@/components/…` (and the
  // imports inside them) are the product's own files. Entry points and output stay here.
  srcDir: '../../..',
  entrypointsDir: 'tests/bench/naive/entrypoints',
  outDir: '.output',
  publicDir: 'public',
  manifest: {
    name: 'Reactbar naive (benchmark)',
    version: '0.0.0',
    default_locale: 'en',
    // `@/lib/quick-set` (the default quick set) brings in WXT's storage module, which asks for it.
    permissions: ['storage'],
    description: 'One shadow-root UI and one React root per message: the baseline to beat.',
  },
});
