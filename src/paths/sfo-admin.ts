/** Receipts after a change on the settings page (PRG: `?saved=settings`). */
export type SfoSettingsNotice = 'saved' | 'created' | 'updated' | 'closed';

const monthQuery = (month?: string, page?: number) => {
  const q = new URLSearchParams();
  if (month) q.set('month', month);
  if (page && page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/**
 * The SFO pages for staff (src/routes/sfo-admin.tsx; issue 12) and the guardian's invoice lines. `summer` and
 * `reductions` are built by another part of issue 12; they are here so the /sfo list links to them.
 */
export const sfoAdminPaths = {
  list: '/sfo',
  invoiceBasis: (sfoId: number, month?: string, page?: number) =>
    `/sfo/${sfoId}/invoice-basis${monthQuery(month, page)}`,
  invoiceCsv: (sfoId: number, month: string) => `/sfo/${sfoId}/invoice-basis.csv${monthQuery(month)}`,
  settings: (sfoId: number) => `/sfo/${sfoId}/settings`,
  settingsNotice: (sfoId: number, notice: SfoSettingsNotice) => `/sfo/${sfoId}/settings?notice=${notice}`,
  offers: (sfoId: number) => `/sfo/${sfoId}/offers`,
  offer: (sfoId: number, offerId: number) => `/sfo/${sfoId}/offers/${offerId}`,
  closeOffer: (sfoId: number, offerId: number) => `/sfo/${sfoId}/offers/${offerId}/close`,
  summer: (sfoId: number) => `/sfo/${sfoId}/summer`,
  reductions: (sfoId: number) => `/sfo/${sfoId}/reductions`,
  guardianInvoice: (pupilId: number, month?: string) => `/children/${pupilId}/sfo/invoice${monthQuery(month)}`,
} as const;
