import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { contentDataPlugin } from './content-data/vite-plugin';
import { PART_FILES } from './lib/page/parts';

/** The scripts that run in web pages: the content script and the parts it loads later. */
const IN_PAGES = ['content-script', ...Object.keys(PART_FILES)];

/** The pages the content script reads. */
const CONTENT_HOSTS = ['http://*/*', 'https://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    developmentIndicator: false,
  },
  // `npm run size` (scripts/size.ts) builds with source maps into a folder of its own.
  ...(process.env.BPL_SIZE_BUILD ? { outDir: process.env.BPL_SIZE_BUILD } : {}),
  vite: () => ({
    plugins: [preact(), contentDataPlugin()],
    build: { sourcemap: process.env.BPL_SIZE_BUILD !== undefined },
  }),
  hooks: {
    // In web pages the browser's own promise-based API is enough (Chrome's MV3 `chrome`, Firefox's
    // `browser`): the content script and its parts leave webextension-polyfill (2.8 kB gzip) out.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => IN_PAGES.includes(entrypoint.name))) return;
      config.resolve = { ...config.resolve, alias: { ...config.resolve?.alias, 'wxt/browser': '@wxt-dev/browser' } };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Back Pain Lens',
    description:
      'Spots back-pain terms and red flags on the pages you read and explains them with sources. Nothing leaves your browser.',
    default_locale: 'en',
    // `scripting` and the hosts the content script runs on: the background injects the parts of the
    // content script that load later into the frame that asks (lib/page/parts.ts). Both browsers
    // refuse that without host permissions; they are the content script's own hosts, so the
    // install prompt says nothing new ("Read and change all your data on all websites").
    permissions: ['storage', 'contextMenus', 'scripting', ...(browser === 'firefox' ? CONTENT_HOSTS : [])],
    ...(browser === 'firefox' ? {} : { host_permissions: CONTENT_HOSTS }),
    // An unlisted script, declared here: see entrypoints/content-script.ts. Same-origin frames are
    // scanned too; lib/page leaves cross-origin ones alone at once. No web-accessible resources:
    // a page could fetch one to learn that the extension is installed.
    content_scripts: [
      {
        matches: CONTENT_HOSTS,
        js: ['content-script.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      },
    ],
    action: { default_title: 'Back Pain Lens' },
    // lib/background/commands.ts; Chrome allows four suggested keys in all, and on Linux keeps
    // Alt+Shift+N and Alt+Shift+P for itself.
    commands: {
      'lookup-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Look up the selected text in Back Pain Lens',
      },
      'next-red-flag': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next red flag on the page and open its card',
      },
      'previous-red-flag': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous red flag on the page and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'back-pain-lens@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', 'docs/**', '.ci/**', '.output/**', 'coverage/**'],
  },
});
