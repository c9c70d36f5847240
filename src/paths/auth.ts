type Provider = 'idporten' | 'feide';

const returnQuery = (returnTo?: string) =>
  returnTo && returnTo !== '/' ? `?return_to=${encodeURIComponent(returnTo)}` : '';

/** Login and logout (src/routes/auth.tsx). `returnTo` is a local path to come back to after the login. */
export const authPaths = {
  login: '/login',
  loginChooser: (returnTo?: string) => `/login${returnQuery(returnTo)}`,
  loginStart: (provider: Provider, returnTo?: string) => `/login/${provider}${returnQuery(returnTo)}`,
  /** A fresh ID-porten login before a sensitive page (the IdP authenticates again), back to `returnTo`. */
  stepUp: (returnTo: string) => `/login/idporten?return_to=${encodeURIComponent(returnTo)}&step_up=1`,
  loginCallback: (provider: Provider) => `/login/${provider}/callback`,
  logout: '/logout',
  frontchannelLogout: '/logout/frontchannel',
} as const;
