import { createHash } from 'node:crypto';
import { after } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium, closed when the test file ends. Call it at the top level of a test file. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  after(() => browser.close());
  return browser;
}

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh context (no cookies) with JavaScript on or off. */
export function newContext(
  browser: Browser,
  options: { javaScript: boolean; viewport?: { width: number; height: number } },
): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScript,
    viewport: options.viewport ?? DESKTOP,
    locale: 'nb-NO',
  });
}

/**
 * Runs axe (WCAG 2.1 A/AA rules) and returns the violations, summarised for a readable assertion message.
 * axe is a script, so for a page in a JavaScript-off context it checks the very same HTML (same URL,
 * same CSS) on a scratch page where only axe runs: the app's own script is blocked there.
 */
export async function axeViolations(
  page: Page,
  options: { javaScript: boolean } = { javaScript: true },
): Promise<string[]> {
  const html = await page.content();
  // axe's answer is a function of the document, its CSS and the viewport: a document this file has checked already
  // (the same page reached with JavaScript on and off, or twice in a flow) is not checked again.
  const key = createHash('sha256')
    .update(JSON.stringify(page.viewportSize()))
    .update(page.url())
    .update(html.replace(/ nonce="[^"]*"/g, '').replace(/(name="(?:_csrf|csrf)"[^>]*value=")[^"]*"/g, '$1"'))
    .digest('hex');
  const known = checked.get(key);
  if (known) return known;
  const violations = await axeFor(page, html, options);
  checked.set(key, violations);
  return violations;
}

const checked = new Map<string, string[]>();

async function axeFor(page: Page, html: string, options: { javaScript: boolean }): Promise<string[]> {
  if (options.javaScript) return runAxe(page);
  const url = page.url().split('#')[0]!;
  const viewport = page.viewportSize() ?? DESKTOP;
  const browser = page.context().browser()!;
  // One check at a time on the scratch page (tests in a file run one by one, but nothing breaks if they don't).
  const check = scratchTurn.then(async () => {
    const copy = await scratchPage(browser);
    await copy.setViewportSize(viewport);
    scratchDocuments.set(url, html);
    try {
      await copy.goto(url);
      return await runAxe(copy);
    } finally {
      scratchDocuments.delete(url);
    }
  });
  scratchTurn = check.catch(() => undefined);
  return check;
}

let scratchTurn: Promise<unknown> = Promise.resolve();

/**
 * One page per browser where axe checks the HTML of JavaScript-off pages: the document is served from memory, the app's
 * scripts are blocked, CSS and images come from the server (and stay cached). Made once: a context per check cost more
 * than the check.
 */
const scratchPages = new WeakMap<Browser, Promise<Page>>();
const scratchDocuments = new Map<string, string>();

function scratchPage(browser: Browser): Promise<Page> {
  let made = scratchPages.get(browser);
  if (!made) {
    made = (async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const copy = await context.newPage();
      await copy.route('**/*', (route) => {
        const url = route.request().url();
        const html = scratchDocuments.get(url);
        if (html !== undefined)
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        return url.endsWith('.js') ? route.abort() : route.continue();
      });
      return copy;
    })();
    scratchPages.set(browser, made);
  }
  return made;
}

async function runAxe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Both ways a user may come: with JavaScript (htmx) and without. */
export const JS_MODES = [
  { name: 'JavaScript on', javaScript: true },
  { name: 'JavaScript off', javaScript: false },
] as const;

/** Logs in through the built-in test IdP as a person: chooser (/foresatt/ or /Ansatt eller elev/), then the user's button. */
export async function logInAs(page: Page, baseUrl: string, chooser: RegExp, userName: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await page
    .getByRole('link', { name: chooser })
    .or(page.getByRole('button', { name: chooser }))
    .click();
  await page.getByRole('button', { name: new RegExp(`^${userName} —`) }).click();
  await page.waitForURL(new RegExp(`^${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
  // G2: a guardian who has not decided on the general consent sees it first; these flows choose "Ikke nå".
  if (new URL(page.url()).pathname === '/consent/general') {
    await page.getByRole('button', { name: 'Ikke nå' }).click();
    await page.waitForURL(`${baseUrl}/home`);
  }
}

/**
 * Logs in through the built-in test IdP by a typed identity (a fødselsnummer on ID-porten, a Feide name on Feide):
 * for a person who is not in the test IdP's list, e.g. one the school office has just added.
 */
export async function logInTyped(
  page: Page,
  baseUrl: string,
  chooser: RegExp,
  fieldLabel: string,
  identity: string,
): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await page
    .getByRole('link', { name: chooser })
    .or(page.getByRole('button', { name: chooser }))
    .click();
  await page.getByLabel(fieldLabel).fill(identity);
  await page.getByLabel(fieldLabel).press('Enter');
  await page.waitForURL(new RegExp(`^${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
  if (new URL(page.url()).pathname === '/consent/general') {
    await page.getByRole('button', { name: 'Ikke nå' }).click();
    await page.waitForURL(`${baseUrl}/home`);
  }
}
