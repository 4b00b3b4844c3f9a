// End-to-end test of the consent banner: the npm package vanilla-cookieconsent and the
// configuration `privacybeleid render --document banner` writes, loaded in a page in
// headless Chromium (Debian's /usr/bin/chromium, driven over the DevTools protocol by
// puppeteer-core). Run by scripts/test after `cargo test` built the binary:
//   node --test tests/browser/
// PRIVACYBELEID_BIN overrides the binary, CHROMIUM the browser.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = process.env.PRIVACYBELEID_BIN || join(root, "target", "debug", "privacybeleid");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const pkg = join(root, "node_modules", "vanilla-cookieconsent", "dist");

function render(args) {
  return execFileSync(bin, ["render", ...args], { encoding: "utf8" });
}

let dir, server, base, browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "privacybeleid-banner-"));
  writeFileSync(join(dir, "cookieconsent.umd.js"), readFileSync(join(pkg, "cookieconsent.umd.js")));
  writeFileSync(join(dir, "cookieconsent.css"), readFileSync(join(pkg, "cookieconsent.css")));
  // Cookies need http(s): a small server on the loopback address serves the pages.
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname.slice(1)) || "index.html";
    try {
      const body = readFileSync(join(dir, name.replace(/[^a-z0-9._-]/gi, "")));
      const type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
      res.writeHead(200, { "content-type": `${type}; charset=utf-8` });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // The package hides the banner from automated browsers (navigator.webdriver);
    // this flag makes the page see an ordinary browser, so the configuration is tested as is.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-blink-features=AutomationControlled"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/// A page as a shop would have it: the generated cookie statement (with its link that
/// reopens the settings), a marketing script blocked until consent, the package and the
/// generated banner file.
function page(name, bannerJs, lang) {
  const statement = render(["--preset", "shopify-klaviyo-meta", "--document", "cookies", "--format", "html", "--fragment", "--lang", lang]);
  writeFileSync(join(dir, `${name}.js`), bannerJs);
  writeFileSync(
    join(dir, `${name}.html`),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<link rel="stylesheet" href="cookieconsent.css"></head><body>
${statement}
<script type="text/plain" data-category="marketing" data-service="meta-pixel">window.pixelRan = true;</script>
<script src="cookieconsent.umd.js"></script>
<script src="${name}.js"></script>
</body></html>`,
  );
  return `${base}/${name}.html`;
}

// Each test in a fresh browser context: no cookie of an earlier test.
async function open(url) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(String(e)));
  await tab.goto(url, { waitUntil: "load" });
  await tab.waitForSelector("#cc-main .cm", { visible: true, timeout: 5000 });
  return { tab, errors };
}

// Clicks an element once it is visible. The modals fade in, so a click at the element's
// position could land before it is there; the DOM click goes to the element itself.
async function press(tab, selector) {
  await tab.waitForSelector(selector, { visible: true, timeout: 5000 });
  await tab.$eval(selector, (e) => e.click());
}

const visibleText = (tab, selector) =>
  tab.$$eval(selector, (els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent.trim()));

test("Dutch banner: categories and services of the answers, only necessary leaves marketing off", async () => {
  const config = JSON.parse(render(["--preset", "shopify-klaviyo-meta", "--document", "banner"]));
  const marketing = Object.keys(config.categories.marketing.services);
  assert.ok(marketing.includes("meta-pixel") && marketing.includes("google-ads"), `marketing services: ${marketing}`);
  assert.equal(config.categories.necessary.readOnly, true);

  const url = page("nl", render(["--preset", "shopify-klaviyo-meta", "--document", "banner", "--format", "js"]), "nl");
  const { tab, errors } = await open(url);

  const buttons = await visibleText(tab, "#cc-main .cm button");
  assert.ok(buttons.includes("Alles accepteren"), `buttons: ${buttons}`);
  assert.ok(buttons.includes("Alleen noodzakelijk"), `buttons: ${buttons}`);

  // The settings show every category with its services; necessary is on and cannot be switched.
  await press(tab, '#cc-main .cm button[data-role="show"]');
  await tab.waitForSelector("#cc-main .pm", { visible: true });
  const titles = await tab.$$eval("#cc-main .pm__section-title", (els) => els.map((e) => e.textContent.trim()));
  for (const t of ["Noodzakelijk", "Marketing"]) {
    assert.ok(titles.some((x) => x.startsWith(t)), `section ${t} in ${titles}`);
  }
  const services = await tab.$$eval("#cc-main .pm__service-title", (els) => els.map((e) => e.textContent.trim()));
  for (const key of marketing) {
    assert.ok(services.includes(config.categories.marketing.services[key].label), `service ${key} in ${services}`);
  }
  const necessary = await tab.$eval('#cc-main input.section__toggle[value="necessary"]', (e) => [e.checked, e.disabled]);
  assert.deepEqual(necessary, [true, true], "necessary: checked and read-only");
  const marketingToggle = await tab.$eval('#cc-main input.section__toggle[value="marketing"]', (e) => e.checked);
  assert.equal(marketingToggle, false, "marketing is off until the visitor switches it on");

  // "Only necessary".
  await press(tab, '#cc-main .pm button[data-role="necessary"]');
  const state = await tab.evaluate(() => ({
    marketing: window.CookieConsent.acceptedCategory("marketing"),
    necessary: window.CookieConsent.acceptedCategory("necessary"),
    cookie: document.cookie,
    pixel: window.pixelRan === true,
  }));
  assert.equal(state.marketing, false, "marketing not accepted after only necessary");
  assert.equal(state.necessary, true);
  assert.match(state.cookie, /cc_cookie=/, "the choice is stored in cc_cookie");
  assert.equal(state.pixel, false, "the marketing script did not run");

  // The statement's link reopens the settings; accepting all runs the marketing script.
  await press(tab, 'a[href="#cookie-instellingen"]');
  await tab.waitForSelector("#cc-main .pm", { visible: true });
  await press(tab, '#cc-main .pm button[data-role="all"]');
  await tab.waitForFunction(() => window.CookieConsent.acceptedCategory("marketing"), { timeout: 5000 }).catch(() => {});
  const after = await tab.evaluate(() => ({
    marketing: window.CookieConsent.acceptedCategory("marketing"),
    pixel: window.pixelRan === true,
  }));
  assert.deepEqual(after, { marketing: true, pixel: true });
  assert.deepEqual(errors, []);
  await tab.browserContext().close();
});

// A cookie name that a configured name or pattern matches: "^_ga_.+$" -> "_ga_x".
const sample = (c) => (c.regex ? c.name.replace(/^\^|\$$/g, "").replace(/\.\+/g, "x").replace(/\\(.)/g, "$1") : c.name);

test("withdrawing consent clears the service's first-party cookies", async () => {
  const config = JSON.parse(render(["--preset", "shopify-klaviyo-meta", "--document", "banner"]));
  const names = config.categories.marketing.autoClear.cookies.map(sample);
  // The Meta Pixel's and Google's first-party cookies, among them a pattern (_ga_<container-id>).
  for (const n of ["_fbp", "_gcl_au", "_ga_x"]) assert.ok(names.includes(n), `${n} in ${names}`);
  const url = page("withdraw", render(["--preset", "shopify-klaviyo-meta", "--document", "banner", "--format", "js"]), "nl");
  const { tab } = await open(url);
  await press(tab, '#cc-main .cm button[data-role="all"]');
  // As the marketing tools would after consent.
  await tab.evaluate((names) => {
    for (const n of names) document.cookie = `${n}=1; path=/`;
  }, names);
  const before = await tab.evaluate(() => document.cookie);
  for (const n of names) assert.ok(before.includes(`${n}=`), `${n} set`);
  await press(tab, 'a[href="#cookie-instellingen"]');
  await tab.waitForSelector("#cc-main .pm", { visible: true });
  await press(tab, '#cc-main input.section__toggle[value="marketing"]');
  await press(tab, '#cc-main .pm button[data-role="save"]');
  assert.equal(await tab.evaluate(() => window.CookieConsent.acceptedCategory("marketing")), false);
  const left = await tab.evaluate(() => document.cookie);
  for (const n of names) {
    assert.ok(!left.split("; ").some((c) => c.startsWith(`${n}=`)), `${n} cleared, left: ${left}`);
  }
  await tab.browserContext().close();
});

test("English banner with --lang en", async () => {
  const url = page("en", render(["--preset", "shopify-klaviyo-meta", "--document", "banner", "--format", "js", "--lang", "en"]), "en");
  const { tab, errors } = await open(url);
  const buttons = await visibleText(tab, "#cc-main .cm button");
  assert.ok(buttons.includes("Accept all") && buttons.includes("Necessary only"), `buttons: ${buttons}`);
  const text = await tab.$eval("#cc-main .cm", (e) => e.textContent);
  assert.doesNotMatch(text, /\b(wij|uw|gebruiken|toestemming)\b/i, "no Dutch in the English banner");
  // The English statement's link opens the English settings.
  await press(tab, 'a[href="#cookie-settings"]');
  await tab.waitForSelector("#cc-main .pm", { visible: true });
  const title = await tab.$eval("#cc-main .pm__title", (e) => e.textContent.trim());
  assert.equal(title, "Cookie settings");
  assert.deepEqual(errors, []);
  await tab.browserContext().close();
});
