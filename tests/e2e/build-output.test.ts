import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFirefoxBuild } from '../../scripts/lint-firefox';
import { contentScriptSizes, START_GZIP_BUDGET } from '../../scripts/size';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

describe('the builds', () => {
  it('declare the fewest permissions and the Firefox data-collection promise', () => {
    // The hosts are the content script's own: the background injects its later parts there.
    const chrome = manifest(CHROME_BUILD);
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.permissions.sort()).toEqual(['contextMenus', 'scripting', 'sidePanel', 'storage']);
    expect(chrome.host_permissions).toEqual(chrome.content_scripts[0].matches);
    expect(chrome.side_panel.default_path).toBe('sidepanel.html');

    const firefox = manifest(FIREFOX_BUILD);
    expect(firefox.permissions.sort()).toEqual(['contextMenus', 'http://*/*', 'https://*/*', 'scripting', 'storage']);
    expect(firefox.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(firefox.browser_specific_settings.gecko.id).toBe('back-pain-lens@example.org');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it(`start a content script of at most ${START_GZIP_BUDGET / 1000} kB gzip in every tab, its later parts apart`, () => {
    for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
      const { start, parts } = contentScriptSizes(dir);
      expect(start.gzip, `${dir}/${start.file}`).toBeLessThanOrEqual(START_GZIP_BUDGET);
      // Each part is its own file, and none of it is in the start bundle.
      for (const part of Object.values(parts)) expect(part.gzip, part.file).toBeGreaterThan(0);
      expect(manifest(dir).content_scripts.flatMap((script: { js: string[] }) => script.js)).toEqual([start.file]);
      expect(manifest(dir).web_accessible_resources).toBeUndefined();
    }
  });

  it('ship no remote code and no eval', () => {
    for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
      for (const file of files(dir)) {
        if (!/\.(js|html)$/.test(file)) continue;
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/i);
        expect(text, file).not.toMatch(/\beval\(|new Function\(/);
        expect(text, file).not.toMatch(/importScripts\(["']https?:/);
      }
    }
  });

  it('pass web-ext lint with no error and no warning from our code', async () => {
    const report = await lintFirefoxBuild();
    expect(report.errors).toEqual([]);
    expect(report.ownWarnings).toEqual([]);
  }, 120_000);

  it('zip for both stores, the Firefox sources without tests or fixtures', () => {
    execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { stdio: 'pipe' });
    const zip = readdirSync('.output').find((name) => name.endsWith('-sources.zip'));
    expect(zip).toBeDefined();
    const listing = execFileSync('unzip', ['-Z1', join('.output', zip!)], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package.json');
    expect(listing.some((path) => path.startsWith('content-data/'))).toBe(true);
    expect(listing.filter((path) => /^(tests|docs|\.ci)\//.test(path))).toEqual([]);
  }, 120_000);
});
