/*
 * Starts the consent banner vanilla-cookieconsent v3 with the configuration that
 * `privacybeleid render --document banner` wrote. Load the package first
 * (cookieconsent.umd.js and cookieconsent.css), then this file.
 *
 * - Cookie names written as {"name": "^_ga_.+$", "regex": true} become regular
 *   expressions, so the banner also clears cookies whose names vary.
 * - Every link to "#cookie-instellingen" or "#cookie-settings" (the cookie statement
 *   has one) opens the cookie settings again, so a visitor can change or withdraw consent.
 */
(function () {
  "use strict";

  function revive(list) {
    (list || []).forEach(function (c) {
      if (c && c.regex === true && typeof c.name === "string") {
        c.name = new RegExp(c.name);
        delete c.regex;
      }
    });
  }

  function start(config) {
    Object.keys(config.categories || {}).forEach(function (key) {
      var category = config.categories[key];
      if (category.autoClear) revive(category.autoClear.cookies);
      Object.keys(category.services || {}).forEach(function (name) {
        revive(category.services[name].cookies);
      });
    });
    document.addEventListener("click", function (event) {
      var link = event.target && event.target.closest
        ? event.target.closest('a[href="#cookie-instellingen"], a[href="#cookie-settings"]')
        : null;
      if (link) {
        event.preventDefault();
        window.CookieConsent.showPreferences();
      }
    });
    return window.CookieConsent.run(config);
  }

  window.privacybeleidBanner = { start: start };
})();
