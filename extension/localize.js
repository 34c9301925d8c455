// Puts the extension's own words into its pages (options.html, blocked.html) from the message tables
// (_locales/<lang>/messages.json, chosen by the browser's UI language): an element's text from
// data-i18n, its aria-label from data-i18n-label, its title from data-i18n-title.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const msg = (key) => api.i18n.getMessage(key);
  document.documentElement.lang = api.i18n.getUILanguage();
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = msg(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", msg(el.dataset.i18nLabel));
  for (const el of document.querySelectorAll("[data-i18n-title]")) el.title = msg(el.dataset.i18nTitle);
})();
