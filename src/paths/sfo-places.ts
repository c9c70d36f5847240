import type { SfoPlaceKind } from '../db/schema.ts';

/** Receipts after a change (PRG: `?sent=12`), read by the SFO screen to say what happened. */
export type SfoPlaceNotice = 'sent' | 'answered' | 'withdrawn';

/** The URL segment of each form (POST /children/:id/sfo/<segment>). */
export const SFO_FORM_SEGMENT: Record<SfoPlaceKind, string> = {
  sfo_place: 'place',
  sfo_change: 'change',
  sfo_termination: 'termination',
};

/** The guardian's SFO screen (G8; src/routes/sfo-places.tsx). */
export const sfoPlacePaths = {
  child: (pupilId: number) => `/children/${pupilId}/sfo`,
  notice: (pupilId: number, notice: SfoPlaceNotice, applicationId: number) =>
    `/children/${pupilId}/sfo?${notice}=${applicationId}`,
  form: (pupilId: number, kind: SfoPlaceKind) => `/children/${pupilId}/sfo/${SFO_FORM_SEGMENT[kind]}`,
  confirmation: (pupilId: number, applicationId: number) =>
    `/children/${pupilId}/sfo-applications/${applicationId}/confirmation`,
  withdrawal: (pupilId: number, applicationId: number) =>
    `/children/${pupilId}/sfo-applications/${applicationId}/withdrawal`,
} as const;
