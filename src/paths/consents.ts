/** The consents area (G2, G3, S5, G14; src/routes/consents.tsx). */
export const consentPaths = {
  gate: '/consent/general',
  gateDeferral: '/consent/general/deferral',
  gateWithdrawal: '/consent/general/withdrawal',
  /** The gate, coming back to `returnTo` (a local path) afterwards. */
  gateFrom: (returnTo: string) => `/consent/general?return_to=${encodeURIComponent(returnTo)}`,
  /** The gate after the general consent was given or withdrawn (PRG). */
  gateDone: (done: 'given' | 'withdrawn') => `/consent/general?done=${done}`,
  child: (pupilId: number) => `/children/${pupilId}/consents`,
  childSaved: (pupilId: number, key: string) => `/children/${pupilId}/consents?saved=${encodeURIComponent(key)}`,
  answer: (pupilId: number, key: string) => `/children/${pupilId}/consents/${encodeURIComponent(key)}`,
  receipt: (pupilId: number) => `/children/${pupilId}/consents/receipt`,
  classOverview: (classId: number) => `/classes/${classId}/consents`,
  /** A kindergarten child's consents, for its guardians (issue 13). */
  kindergartenChild: (childId: number) => `/care/children/${childId}/consents`,
  kindergartenChildSaved: (childId: number, saved: 'all' | 'none') =>
    `/care/children/${childId}/consents?saved=${saved}`,
  kindergartenReceipt: (childId: number) => `/care/children/${childId}/consents/receipt`,
  /** The kindergarten's overview for its staff; `?department=` one department. */
  kindergartenOverview: (kindergartenId: number, department?: number | null) =>
    `/care/kindergarten/${kindergartenId}/consents${department ? `?department=${department}` : ''}`,
} as const;
