import { pagePaths } from './pages.ts';

/**
 * The school owners' privacy statements (src/routes/privacy-statements.tsx): public per owner, edited by the owner
 * beside its other settings (/municipalities/…).
 */
export const privacyStatementPaths = {
  list: pagePaths.privacy,
  owner: (municipalityId: number) => `${pagePaths.privacy}/${municipalityId}`,
  edit: (municipalityId: number) => `/municipalities/${municipalityId}/privacy-statement`,
  saved: (municipalityId: number) => `/municipalities/${municipalityId}/privacy-statement?saved=1`,
} as const;

/** Datatilsynet, where a complaint about the processing of personal data goes. */
export const DATATILSYNET_URL = 'https://www.datatilsynet.no';
/** The Authority for Universal Design of ICT and the Anti-Discrimination Tribunal (the accessibility statement). */
export const UUTILSYNET_URL = 'https://www.uutilsynet.no';
export const DISKRIMINERINGSNEMNDA_URL = 'https://www.diskrimineringsnemnda.no';
