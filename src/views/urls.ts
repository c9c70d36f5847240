/** URL builders: views never concatenate URLs themselves. */
export const paths = {
  language: '/language',
  accessibility: '/accessibility',
  privacy: '/privacy',
  login: '/login',
  loginChooser: (returnTo?: string) => (returnTo && returnTo !== '/' ? `/login?return_to=${encodeURIComponent(returnTo)}` : '/login'),
  loginStart: (provider: 'idporten' | 'feide', returnTo?: string) =>
    `/login/${provider}` + (returnTo && returnTo !== '/' ? `?return_to=${encodeURIComponent(returnTo)}` : ''),
  loginCallback: (provider: 'idporten' | 'feide') => `/login/${provider}/callback`,
  logout: '/logout',
  frontchannelLogout: '/logout/frontchannel',
  home: '/',
  start: '/home',
  myData: '/me/data',
  myDataJson: '/me/data.json',
  myDataPdf: '/me/data.pdf',
  child: (id: number) => `/children/${id}`,
  childConsents: (id: number) => `/children/${id}/consents`,
  childDocuments: (id: number) => `/children/${id}/documents`,
  childAbsence: (id: number) => `/children/${id}/absence`,
  childLeave: (id: number) => `/children/${id}/leave`,
  childMessages: (id: number) => `/children/${id}/messages`,
  childNews: (id: number) => `/children/${id}/news`,
  childForms: (id: number) => `/children/${id}/forms`,
  messages: '/messages',
  broadcasts: '/broadcasts',
  news: '/news',
  forms: '/forms',
  letters: '/letters',
  devSms: '/dev/sms',
  devMail: '/dev/mail',
  smsWebhook: '/webhooks/sms',
  pupil: (id: number) => `/pupils/${id}`,
  pupilAbsence: (id: number) => `/pupils/${id}/absence`,
  pupilAddressReveal: (id: number) => `/pupils/${id}/address-reveal`,
  guardianBlocking: (pupilId: number, guardianId: number) => `/pupils/${pupilId}/guardians/${guardianId}/blocking`,
  class: (id: number) => `/classes/${id}`,
  classAttendance: (id: number) => `/classes/${id}/attendance`,
  groupAttendance: (id: number) => `/groups/${id}/attendance`,
  classVitnemal: (id: number) => `/classes/${id}/vitnemal-absence`,
  ownAbsence: '/absence',
  ownerSettingsPage: '/municipalities/settings',
  ownerSettings: (id: number) => `/municipalities/${id}/settings`,
  group: (id: number) => `/groups/${id}`,
  health: '/healthz',
  css: '/assets/app.css',
  htmx: '/assets/htmx.min.js',
  favicon: '/assets/favicon.svg',
} as const;

/** A local path we may redirect back to: starts with one slash, no scheme, no backslashes. */
export function safeLocalPath(value: unknown, fallback: string = paths.home): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || /[\\\r\n\t]/.test(value)) return fallback;
  return value;
}

/** An outgoing link is allowed only with a harmless scheme; anything else (javascript:, data:) becomes '#'. */
export function safeHref(value: string | null | undefined): string {
  if (!value) return '#';
  const trimmed = value.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.toString() : '#';
  } catch {
    return '#';
  }
}
