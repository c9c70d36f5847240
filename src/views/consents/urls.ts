import { paths } from '../urls.ts';

/** URLs of the consents area (views and routes use these; nothing concatenates URLs in JSX). */
export const consentPaths = {
  gate: '/consent/general',
  gateDeferral: '/consent/general/deferral',
  gateWithdrawal: '/consent/general/withdrawal',
  /** The gate, coming back to `returnTo` (a local path) afterwards. */
  gateFrom: (returnTo: string) => `/consent/general?return_to=${encodeURIComponent(returnTo)}`,
  child: paths.childConsents,
  childSaved: (pupilId: number, key: string) => `${paths.childConsents(pupilId)}?saved=${encodeURIComponent(key)}`,
  answer: (pupilId: number, key: string) => `/children/${pupilId}/consents/${encodeURIComponent(key)}`,
  receipt: (pupilId: number) => `/children/${pupilId}/consents/receipt`,
  classOverview: (classId: number) => `/classes/${classId}/consents`,
} as const;
