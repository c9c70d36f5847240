/**
 * The test IdP's own interaction routes (login page, login submit, cancel) and the page hooks
 * oidc-provider calls (logout, logged out, error). Replaces oidc-provider's devInteractions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import {
  ACR_HIGH,
  ACR_SUBSTANTIAL,
  ErrorPage,
  LoggedOutPage,
  LoginPage,
  LogoutPage,
  type IdpKind,
  type LoginPageProps,
} from './login-page.tsx';

export interface InteractionUser {
  id: string;
  name: string;
  role: string;
}

/** What the interaction code needs to know about one of the two mounted providers. */
export interface IdpRuntime {
  kind: IdpKind;
  /** Path prefix, e.g. '/idporten'. */
  mount: string;
  issuer: string;
  provider: Provider;
  listUsers(): Promise<InteractionUser[]>;
  findUser(id: string): Promise<InteractionUser | null>;
  /** Front-channel logout URI per client_id (clients without one are absent). */
  frontchannelLogoutUris: Map<string, string>;
  /** Origins a form on our pages may end up at after redirects (CSP form-action applies to redirects). */
  formActionOrigins: string[];
}

/** `GET <frontchannel_logout_uri>?iss=<issuer>&sid=<sid>`, exactly as ID-porten loads it in an iframe. */
export function frontchannelLogoutUrl(uri: string, issuer: string, sid: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}iss=${encodeURIComponent(issuer)}&sid=${encodeURIComponent(sid)}`;
}

export function pageCsp(options: { formAction?: string[]; frameSrc?: string[] } = {}): string {
  const formAction = ["'self'", ...(options.formAction ?? [])].join(' ');
  const frameSrc = options.frameSrc?.length ? options.frameSrc.join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `frame-src ${frameSrc}`,
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function sendPage(res: ServerResponse, status: number, html: string, csp: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'Content-Security-Policy': csp });
  res.end(html);
}

const MAX_FORM_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function requestedAcr(params: Record<string, unknown>): string {
  const values = typeof params.acr_values === 'string' ? params.acr_values.split(' ') : [];
  return values.includes(ACR_HIGH) && !values.includes(ACR_SUBSTANTIAL) ? ACR_HIGH : ACR_SUBSTANTIAL;
}

/**
 * Handles `<mount>/interaction/<uid>` (GET: login page), `…/<uid>/login` and `…/<uid>/abort` (POST).
 * `subPath` is the part after `<mount>/interaction/`, without the query string.
 */
export async function handleInteraction(
  rt: IdpRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  subPath: string,
): Promise<void> {
  const csp = pageCsp({ formAction: rt.formActionOrigins });
  const [uid, action, ...extra] = subPath.split('/');
  const route =
    extra.length > 0 || !uid
      ? undefined
      : req.method === 'GET' && action === undefined
        ? 'page'
        : req.method === 'POST' && (action === 'login' || action === 'abort')
          ? action
          : undefined;
  if (!route) {
    sendPage(res, 404, await ErrorPage({ kind: rt.kind, message: 'Siden finnes ikke.' }), csp);
    return;
  }
  // The interaction cookie is SameSite=Lax; also refuse cross-site form posts outright.
  const site = req.headers['sec-fetch-site'];
  if (req.method === 'POST' && site !== undefined && site !== 'same-origin' && site !== 'none') {
    sendPage(res, 403, await ErrorPage({ kind: rt.kind, message: 'Forespørselen kom fra et annet nettsted.' }), csp);
    return;
  }

  const details = await rt.provider.interactionDetails(req, res).catch(() => undefined);
  if (!details || details.uid !== uid) {
    const message = 'Innloggingen er utløpt eller ugyldig. Gå tilbake til tjenesten og start innloggingen på nytt.';
    sendPage(res, 400, await ErrorPage({ kind: rt.kind, message }), csp);
    return;
  }

  const base = `${rt.mount}/interaction/${uid}`;
  const render = async (status: number, extraProps: Partial<LoginPageProps>) => {
    const users = await rt.listUsers();
    const html = await LoginPage({
      kind: rt.kind,
      loginAction: `${base}/login`,
      abortAction: `${base}/abort`,
      users,
      acr: requestedAcr(details.params),
      ...extraProps,
    });
    sendPage(res, status, html, csp);
  };

  if (route === 'page') {
    if (details.prompt.name === 'consent') {
      // Only reached with prompt=consent: loadExistingGrant grants every requested scope anyway.
      await rt.provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
      return;
    }
    await render(200, {});
    return;
  }

  if (route === 'abort') {
    await rt.provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  const form = await readForm(req);
  const acrInput = form.get('acr');
  const acr = acrInput === ACR_HIGH ? ACR_HIGH : ACR_SUBSTANTIAL;
  const chosen = form.get('user');
  let user: InteractionUser | null = null;
  if (chosen) {
    user = await rt.findUser(chosen);
    if (!user) {
      await render(400, { acr, error: 'Testbrukeren finnes ikke lenger. Velg en annen.' });
      return;
    }
  } else if (rt.kind === 'idporten') {
    const pid = (form.get('pid') ?? '').replace(/\s+/g, '');
    if (!/^\d{11}$/.test(pid)) {
      await render(400, { acr, pid, error: 'Skriv inn et fødselsnummer med 11 siffer.' });
      return;
    }
    user = await rt.findUser(pid);
    if (!user) {
      await render(400, { acr, pid, error: 'Fant ingen testbruker med dette fødselsnummeret.' });
      return;
    }
  } else {
    // Feide: a name typed as on Feide's own login (brukernavn@organisasjon), with or without the `feide:` prefix.
    const typed = (form.get('feide_user') ?? '').trim();
    const feideUser = typed.toLowerCase().replace(/^feide:/, '');
    if (!/^[^\s@]+@[^\s@]+$/.test(feideUser)) {
      await render(400, { feideUser: typed, error: 'Skriv inn et Feide-navn, for eksempel ola.nordmann@kommune.no.' });
      return;
    }
    user = await rt.findUser(`feide:${feideUser}`);
    if (!user) {
      await render(400, { feideUser: typed, error: 'Fant ingen testbruker med dette Feide-navnet.' });
      return;
    }
  }

  const login = rt.kind === 'idporten' ? { accountId: user.id, acr, amr: ['TestID'] } : { accountId: user.id };
  await rt.provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
}

/** features.rpInitiatedLogout.logoutSource: no question asked; loads front-channel iframes, then submits. */
export function logoutSource(rt: IdpRuntime) {
  return async (ctx: KoaContextWithOIDC): Promise<void> => {
    const session = ctx.oidc.session;
    const secret = session?.state?.secret;
    const frontchannelUrls: string[] = [];
    for (const [clientId, authorization] of Object.entries(session?.authorizations ?? {})) {
      const uri = rt.frontchannelLogoutUris.get(clientId);
      if (uri && authorization.sid) frontchannelUrls.push(frontchannelLogoutUrl(uri, rt.issuer, authorization.sid));
    }
    const frameSrc = [...new Set(frontchannelUrls.map((url) => new URL(url).origin))];
    ctx.set('Content-Security-Policy', pageCsp({ formAction: rt.formActionOrigins, frameSrc }));
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.type = 'html';
    ctx.body = await LogoutPage({
      kind: rt.kind,
      confirmAction: ctx.oidc.urlFor('end_session_confirm'),
      xsrf: typeof secret === 'string' ? secret : '',
      frontchannelUrls,
    });
  };
}

/** features.rpInitiatedLogout.postLogoutSuccessSource (logout without post_logout_redirect_uri). */
export function postLogoutSuccessSource(rt: IdpRuntime) {
  return async (ctx: KoaContextWithOIDC): Promise<void> => {
    ctx.set('Content-Security-Policy', pageCsp());
    ctx.type = 'html';
    ctx.body = await LoggedOutPage({ kind: rt.kind });
  };
}

/** renderError: errors that cannot be sent back to a client (unknown client, bad redirect_uri, …). */
export function renderError(rt: IdpRuntime) {
  return async (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }): Promise<void> => {
    ctx.set('Content-Security-Policy', pageCsp());
    ctx.type = 'html';
    const details = [`error: ${out.error}`];
    if (out.error_description) details.push(`error_description: ${out.error_description}`);
    ctx.body = await ErrorPage({ kind: rt.kind, message: 'Innloggingen kunne ikke fullføres.', details });
  };
}
