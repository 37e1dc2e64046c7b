export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: 'bpl-lookup',
      title: 'Look up “%s” in Back Pain Lens',
      contexts: ['selection'],
    });
  });
});
