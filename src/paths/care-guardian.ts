/** The guardian's daily care page (issue 13; src/routes/care-guardian.tsx). */

/** The page's sections: each form swaps its own section, and a redirect after a save lands on it. */
export const CARE_SECTIONS = ['today', 'plan', 'week', 'pickup', 'holidays'] as const;
export type CareSection = (typeof CARE_SECTIONS)[number];

/** Receipts after a save (PRG: `?saved=week#care-week`). */
export const CARE_SAVED = [
  'week',
  'days',
  'removed',
  'notes',
  'pickup',
  'pickupRemoved',
  'walk',
  'holiday',
  'holidayRemoved',
] as const;
export type CareSaved = (typeof CARE_SAVED)[number];

const base = (childId: number) => `/care/children/${childId}`;

export const careGuardianPaths = {
  child: base,
  saved: (childId: number, saved: CareSaved, section: CareSection) => `${base(childId)}?saved=${saved}#care-${section}`,
  week: (childId: number) => `${base(childId)}/week`,
  days: (childId: number) => `${base(childId)}/days`,
  dayDelete: (childId: number, date: string) => `${base(childId)}/days/${date}/delete`,
  notes: (childId: number) => `${base(childId)}/notes`,
  pickupPersons: (childId: number) => `${base(childId)}/pickup-persons`,
  pickupPersonDelete: (childId: number, id: number) => `${base(childId)}/pickup-persons/${id}/delete`,
  walkAlone: (childId: number) => `${base(childId)}/walk-alone`,
  holidays: (childId: number) => `${base(childId)}/holidays`,
  holidayDelete: (childId: number, id: number) => `${base(childId)}/holidays/${id}/delete`,
} as const;
