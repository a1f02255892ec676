/**
 * Build plugin: zod without the Function constructor (see zodWithoutEval).
 */
import type { Plugin } from 'vite';

/** The Function constructor, as minified code or zod's sources spell a use of it. */
export const FUNCTION_CONSTRUCTOR = /(?<![\w$.])Function\s*(?:\(|;|,|\))|new\s+Function\b/;

/**
 * Zod without eval in the bundles. lib/zod-jitless.ts sets `z.config({ jitless: true })`, so zod
 * never compiles a parser at run time, but its code still names the Function constructor (the
 * probe `new F("")` in util.js, `Doc.compile` and the schema compiler), and Firefox's add-on
 * linter flags every bundle that does. Each `const F = Function;` becomes a constructor that
 * throws, which jitless zod never calls; the build fails if zod's sources no longer hold the
 * line (a zod upgrade to look at) or if any chunk still names the constructor.
 */
export function zodWithoutEval(): Plugin {
  const use = /const F = Function;/g;
  let replaced = 0;
  return {
    name: 'reactbar:zod-without-eval',
    enforce: 'pre',
    buildStart() {
      replaced = 0;
    },
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(id) || !use.test(code)) return null;
      use.lastIndex = 0;
      replaced += code.match(use)?.length ?? 0;
      return {
        code: code.replace(
          use,
          'const F = function () { throw new EvalError("Reactbar runs zod jitless"); };',
        ),
        map: null,
      };
    },
    generateBundle(_options, bundle) {
      const zodBundled = Object.values(bundle).some(
        (chunk) =>
          chunk.type === 'chunk' && Object.keys(chunk.modules).some((id) => id.includes('/zod/')),
      );
      if (zodBundled && replaced === 0) {
        this.error('zod no longer holds "const F = Function;": look at zodWithoutEval');
      }
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && FUNCTION_CONSTRUCTOR.test(chunk.code)) {
          this.error(`${chunk.fileName} names the Function constructor`);
        }
      }
    },
  };
}
