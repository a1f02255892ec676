/** The content script, and the files it may load, are for LinkedIn's own pages only. */
import { describe, expect, it } from 'vitest';
import contentScript from '@/entrypoints/linkedin.content/index';
import config from '@/wxt.config';

describe('where the content script runs', () => {
  it('matches www.linkedin.com only, not every linkedin.com host', () => {
    expect(contentScript.matches).toEqual(['https://www.linkedin.com/*']);
  });

  it('exposes its web-accessible files to www.linkedin.com only, at per-session URLs', async () => {
    for (const browser of ['chrome', 'firefox']) {
      const env = {
        browser,
        manifestVersion: 3 as const,
        mode: 'production',
        command: 'build' as const,
      };
      const manifest = await (typeof config.manifest === 'function'
        ? config.manifest(env)
        : config.manifest);
      const resources = manifest?.web_accessible_resources ?? [];
      expect(resources.length).toBeGreaterThan(0);
      for (const entry of resources) {
        expect(entry).toMatchObject({
          matches: ['https://www.linkedin.com/*'],
          use_dynamic_url: true,
        });
      }
    }
  });
});
