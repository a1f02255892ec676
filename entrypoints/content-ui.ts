/**
 * The bars' UI (React, the bars, the emoji picker, the stylesheet), loaded by the LinkedIn content
 * script when the first bar is wanted, by a dynamic import() of this file's build.
 *
 * WXT builds content scripts as one classic script and inlines any import() in it, so the UI is an
 * entrypoint of its own. wxt.config.ts builds it as an ES module and lists it in
 * web_accessible_resources with a per-session URL (use_dynamic_url: pages cannot probe for it).
 * The module's default export is what `main` returns (WXT's unlisted-script wrapper).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountContentUi } from '@/components/reactbar/ContentUi';
import { setDarkTheme } from '@/components/reactbar/styles';
import type { ContentUiModule } from '@/lib/content/ui-loader';

export default defineUnlistedScript((): ContentUiModule => ({ mountContentUi, setDarkTheme }));
