import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateOnceLoaded, launchFirefox, type FirefoxSession } from './harness';

describe('the add-on in Firefox ESR', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('installs and renders its popup and sidebar pages', async () => {
    for (const path of ['popup.html', 'sidepanel.html']) {
      const page = await firefox.browser.newPage();
      // moz-extension navigations never resolve over BiDi: start one and wait for the app instead.
      void page.goto(firefox.extensionBase + path).catch(() => undefined);
      const text = await evaluateOnceLoaded(
        page,
        (selector) => {
          const app = document.querySelector(selector);
          if (!app) throw new Error('not yet');
          return app.textContent;
        },
        '#app h1, #app [role="main"], #app main',
      );
      expect(text).toBeTruthy();
      await page.close();
    }
  });
});
