/** Where the system browsers are, and the flags that keep Chromium quiet on a machine with no network. */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

function systemBrowser(envVar: string, fallback: string, aptPackage: string): string {
  const path = process.env[envVar] || fallback;
  if (!existsSync(path)) {
    throw new Error(
      `${aptPackage} was not found at ${path}. Install it with \`apt-get install -y ${aptPackage}\` ` +
        `(as root) or set ${envVar} to its binary.`,
    );
  }
  return path;
}

export const chromiumPath = () => systemBrowser('CHROME_PATH', '/usr/bin/chromium', 'chromium');
export const firefoxPath = () => systemBrowser('FIREFOX_PATH', '/usr/bin/firefox-esr', 'firefox-esr');
