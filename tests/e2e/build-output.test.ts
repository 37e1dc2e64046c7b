import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFirefoxBuild } from '../../scripts/lint-firefox';
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
    const chrome = manifest(CHROME_BUILD);
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.permissions.sort()).toEqual(['contextMenus', 'sidePanel', 'storage']);
    expect(chrome.side_panel.default_path).toBe('sidepanel.html');

    const firefox = manifest(FIREFOX_BUILD);
    expect(firefox.permissions.sort()).toEqual(['contextMenus', 'storage']);
    expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(firefox.browser_specific_settings.gecko.id).toBe('back-pain-lens@example.org');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
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
