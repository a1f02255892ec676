/**
 * Zod without eval. By default zod 4 compiles a fast parser for object schemas with
 * `new Function` when the environment allows it; an extension page must not (Firefox's add-on
 * review rejects the Function constructor, and MV3's CSP forbids it anyway). Jitless zod parses
 * with its interpreter instead. Imported first by every entrypoint whose bundle holds zod
 * (background, popup, options), so it is set before any schema parses. The build
 * (`zodWithoutEval` in wxt.config.ts) also takes the constructor's name out of zod's code, so the
 * bundles hold no `Function(`: a test reads them.
 */
import { z } from 'zod';

z.config({ jitless: true });
