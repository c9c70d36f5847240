/** Receipts after a change (PRG), read by the page to say what happened. */
export type ReducedPaymentNotice = 'sent' | 'waiting' | 'confirmed' | 'declined';

/**
 * SFO support (issue 12; src/routes/sfo-support.tsx): the guardian's reduced payment and summer SFO pages, the
 * attachment's download, and the SFO leader's reductions and summer pages.
 */
export const sfoSupportPaths = {
  reducedPayment: (pupilId: number) => `/children/${pupilId}/sfo/reduced-payment`,
  reducedPaymentNotice: (pupilId: number, notice: ReducedPaymentNotice) =>
    `/children/${pupilId}/sfo/reduced-payment?${notice}=1`,
  /** The other guardian confirms or declines (POST answer=confirmed|declined). */
  reducedPaymentConfirmation: (pupilId: number, applicationId: number) =>
    `/children/${pupilId}/sfo/reduced-payment/${applicationId}/confirmation`,
  attachment: (applicationId: number) => `/sfo/reduced-payment/${applicationId}/attachment`,
  childSummer: (pupilId: number) => `/children/${pupilId}/sfo/summer`,
  childSummerSaved: (pupilId: number) => `/children/${pupilId}/sfo/summer?saved=1`,
  reductions: (sfoId: number, page = 1) => `/sfo/${sfoId}/reductions${page > 1 ? `?page=${page}` : ''}`,
  reductionsNotice: (sfoId: number, notice: 'recorded' | 'ended') => `/sfo/${sfoId}/reductions?${notice}=1`,
  reductionEnd: (sfoId: number, reductionId: number) => `/sfo/${sfoId}/reductions/${reductionId}/end`,
  summer: (sfoId: number, year?: number) => `/sfo/${sfoId}/summer${year ? `?year=${year}` : ''}`,
  summerNotice: (sfoId: number, year: number, notice: 'saved' | 'sent', count?: number) =>
    `/sfo/${sfoId}/summer?year=${year}&${notice}=${count ?? 1}`,
  summerSend: (sfoId: number) => `/sfo/${sfoId}/summer/send`,
} as const;
