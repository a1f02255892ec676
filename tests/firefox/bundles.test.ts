/**
 * The built bundles of both browsers hold no Function constructor (zod runs jitless, and the
 * build takes the constructor's name out of its code: build/zod-without-eval.ts), and every
 * entrypoint whose bundle holds zod sets jitless before anything else.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FUNCTION_CONSTRUCTOR } from '../../build/zod-without-eval';
import { PROJECT_ROOT } from '../support/paths';

async function scripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe.each(['chrome-mv3', 'firefox-mv2'])('%s build', (build) => {
  const dir = path.join(PROJECT_ROOT, '.output', build);

  test('no bundle names the Function constructor', async () => {
    expect(existsSync(path.join(dir, 'manifest.json')), `build ${build} first`).toBe(true);
    const files = await scripts(dir);
    expect(files.length).toBeGreaterThan(3);
    const offenders: string[] = [];
    let zodBundles = 0;
    for (const file of files) {
      const code = await readFile(file, 'utf8');
      if (FUNCTION_CONSTRUCTOR.test(code)) offenders.push(path.relative(dir, file));
      // zod's global config object: present wherever zod is bundled.
      if (code.includes('jitless')) zodBundles++;
    }
    expect(offenders).toEqual([]);
    // The check looked at bundles that hold zod (background, and the popup/options chunk).
    expect(zodBundles).toBeGreaterThanOrEqual(2);
  });
});

test('the pattern finds the spellings minifiers and zod use', () => {
  for (const code of ['return Function(``)', 'let e=Function;new e(...t)', 'new Function("a")']) {
    expect(FUNCTION_CONSTRUCTOR.test(code), code).toBe(true);
  }
  for (const code of ['isAsyncFunction(e)', 'a.Function(x)', 'class $ZodFunction{}']) {
    expect(FUNCTION_CONSTRUCTOR.test(code), code).toBe(false);
  }
});

test('every entrypoint whose bundle holds zod makes it jitless first', async () => {
  for (const entry of ['background.ts', 'popup/main.tsx', 'options/main.tsx']) {
    const source = await readFile(path.join(PROJECT_ROOT, 'entrypoints', entry), 'utf8');
    const firstImport = source.match(/^import .*$/m)?.[0];
    expect(firstImport, entry).toBe("import '@/lib/zod-jitless';");
  }
});
