import assert from 'node:assert/strict';

/** A browser without JavaScript: a cookie jar (name + path aware) and manual redirects. */
export class Browser {
  private cookies = new Map<string, { name: string; value: string; path: string }>();

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers();
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
