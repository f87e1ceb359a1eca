import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const manifest = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

describe('store packages and manifests', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])('should ask only for the permissions it needs (%s)', (dir) => {
    const m = manifest(dir);
    expect(m.version).toBe(pkg.version);
    expect([...(m.permissions as string[])].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|"tabs"|unsafe-eval|unsafe-inline/);
    const [cs] = m.content_scripts as { matches: string[] }[];
    expect(cs!.matches).toEqual(['http://*/*', 'https://*/*']);
  });

  it('should declare Firefox settings: gecko id, no data collection, minimum version', () => {
    const settings = manifest('firefox-mv3').browser_specific_settings as Record<string, Record<string, unknown>>;
    const gecko = settings.gecko!;
    expect(gecko.id).toBe('health-glossary@example.org');
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // Debian's Firefox ESR (140) must install it: every Firefox test runs there.
    expect(gecko.strict_min_version).toBe('140.0');
    expect(settings.gecko_android?.strict_min_version).toBe('142.0');
  });

  it('should make the Chrome zip, the Firefox zip and the sources zip with one version', () => {
    for (const f of readdirSync('.output')) if (f.endsWith('.zip')) rmSync(`.output/${f}`);
    execFileSync('npm', ['run', 'zip'], { stdio: 'pipe' });
    const zips = readdirSync('.output')
      .filter((f) => f.endsWith('.zip'))
      .sort();
    expect(zips).toEqual([
      `${pkg.name}-${pkg.version}-chrome-mv3.zip`,
      `${pkg.name}-${pkg.version}-firefox-mv3.zip`,
      `${pkg.name}-${pkg.version}-sources.zip`,
    ]);
    const listing = execFileSync('python3', ['-m', 'zipfile', '-l', `.output/${pkg.name}-${pkg.version}-sources.zip`], {
      encoding: 'utf8',
    });
    expect(listing).toContain('glossary/matcher.ts');
    expect(listing).not.toContain('node_modules/');
    expect(existsSync('.output/firefox-mv3/manifest.json')).toBe(true);
  }, 120_000);
});
