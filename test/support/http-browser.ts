import assert from 'node:assert/strict';

/** A browser without JavaScript: a cookie jar (name + path aware) and manual redirects. */
export class Browser {
  private cookies = new Map<string, { name: string; value: string; path: string }>();

  /** Headers sent with every request (e.g. a user-agent: this browser's identity). */
  constructor(private readonly defaultHeaders: Record<string, string> = {}) {}

  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers({ ...this.defaultHeaders, ...init.headers });
    const cookie = [...this.cookies.values()]
      .filter(
        (c) =>
          target.pathname === c.path ||
          target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) ||
          c.path === '/',
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      headers.set('origin', target.origin); // a form on the same site, as a browser says it
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) this.store(line, target);
    return res;
  }

  /** Drops the cookies whose name matches (e.g. an IdP's own session cookies: that session has ended). */
  forgetCookies(match: (name: string) => boolean): void {
    for (const [key, cookie] of this.cookies) if (match(cookie.name)) this.cookies.delete(key);
  }

  /** The cookies a request to `url` would carry. */
  cookieHeader(url: string | URL): string {
    const target = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => c.path === '/' || target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(line: string, from: URL): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const pathAttr = attributes.find((a) => a.toLowerCase().startsWith('path='));
    const path = pathAttr ? pathAttr.slice(5) : from.pathname.replace(/\/[^/]*$/, '') || '/';
    const expired = attributes.some((a) => /^expires=.*1970/i.test(a)) || value === '';
    const key = `${name}|${path}`;
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }

  /** Follows redirects until a page (non-3xx) or a URL for which `stop` is true. */
  async follow(start: Response, from: URL, stop: (url: URL) => boolean): Promise<{ url: URL; res?: Response }> {
    let res = start;
    let url = from;
    for (let hops = 0; hops < 10; hops++) {
      if (res.status < 300 || res.status >= 400) return { url, res };
      url = new URL(res.headers.get('location')!, url);
      if (stop(url)) return { url };
      res = await this.request(url);
    }
    throw new Error('too many redirects');
  }
}

/** Goes from the app's login start (`/login/<provider>…`) to the IdP's login page. */
export async function openIdpLoginPage(browser: Browser, start: URL) {
  const { url, res } = await browser.follow(await browser.request(start), start, () => false);
  assert.equal(res?.status, 200);
  const html = await res!.text();
  return { url, html, action: new URL(formAction(html, /\/login$/), url) };
}

/** Picks a user on the IdP page and follows the redirects up to (not into) the app's callback. */
export async function chooseUser(browser: Browser, page: { action: URL }, form: Record<string, string>) {
  const { url } = await browser.follow(await browser.request(page.action, { form }), page.action, (u) =>
    u.pathname.includes('/callback'),
  );
  assert.match(url.pathname, /\/login\/(idporten|feide)\/callback$/);
  return url;
}

export function formAction(html: string, pattern: RegExp): string {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]!);
  const action = actions.find((a) => pattern.test(a));
  assert.ok(action, `form with action ${pattern} in page`);
  return action;
}

export function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}
