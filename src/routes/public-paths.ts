import { TrieRouter } from 'hono/router/trie-router';

/**
 * The only routes an anonymous visitor may use. Every other route — including every route added later — is for
 * logged-in users: the guard in app.ts (`requireActor`) sends anonymous visitors to the login chooser.
 * Adding a line here makes a page public; test/routes/anonymous.test.ts lists them again, so that is a reviewed change.
 */
export const PUBLIC_ROUTES = [
  'GET /',
  'GET /accessibility',
  'GET /privacy',
  'GET /privacy/:municipalityId', // each school owner's privacy statement (issue 16, item 7)
  'GET /healthz',
  'GET /healthz/live',
  'GET /healthz/ready',
  'GET /login',
  'GET /login/:provider',
  'GET /login/:provider/callback',
  'POST /language',
  'POST /logout', // ends the session if there is one; without one it only goes home
  'GET /logout/frontchannel', // loaded by ID-porten in an iframe, often without our cookie: the IdP's iss + sid decide
  'GET /assets/*',
  'GET /calendar/:file', // the iCal feed: the secret token in the file name is the authorisation
  'POST /webhooks/sms', // the SMS gateway, server to server: authenticated by an HMAC of the body
] as const;

const router = new TrieRouter<true>();
for (const route of PUBLIC_ROUTES) {
  const [method, pattern] = route.split(' ') as [string, string];
  router.add(method, pattern, true);
}

/** Whether a request may be answered without a login (HEAD as GET, as Hono routes it). */
export function isPublicRequest(method: string, path: string): boolean {
  return router.match(method === 'HEAD' ? 'GET' : method, path)[0].length > 0;
}
