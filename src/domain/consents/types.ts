import type { Db } from '../../db/database.ts';
import type { Locale } from '../../i18n/index.ts';

/** A consent type as the pages show it, in every language. */
export interface ConsentTypeInfo {
  id: number;
  key: string;
  parentId: number | null;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
}

/**
 * Whose consents: a school pupil (a GuardianChild fits as it is) or a kindergarten child (kindergartenId set,
 * schoolId null). The names are for the receipt and the page.
 */
export interface ConsentChild {
  pupilId: number;
  givenName: string;
  familyName: string;
  municipalityId: number;
  hovudmaal: 'nb' | 'nn';
  schoolId: number | null;
  kindergartenId?: number;
  /** The school or the kindergarten. */
  schoolName: string;
  /** The class or the kindergarten department. */
  className: string;
}

/**
 * The active consent types that apply at a school: the municipality's own school types (school_id null) and the
 * school's. Ordered as a tree: each top-level type by position, followed by its sub-consents. Bounded (100).
 */
export function listConsentTypes(db: Db, municipalityId: number, schoolId: number): Promise<ConsentTypeInfo[]> {
  return listTypes(db, municipalityId, 'school', 'school_id', schoolId);
}

/** The same for a kindergarten (issue 13): the owner's kindergarten types and the kindergarten's own. */
export function listKindergartenConsentTypes(
  db: Db,
  municipalityId: number,
  kindergartenId: number,
): Promise<ConsentTypeInfo[]> {
  return listTypes(db, municipalityId, 'kindergarten', 'kindergarten_id', kindergartenId);
}

/** The types asked about this child: its kindergarten's or its school's. */
export const consentTypesOf = (db: Db, child: ConsentChild): Promise<ConsentTypeInfo[]> =>
  child.kindergartenId !== undefined
    ? listKindergartenConsentTypes(db, child.municipalityId, child.kindergartenId)
    : listConsentTypes(db, child.municipalityId, child.schoolId ?? 0);

async function listTypes(
  db: Db,
  municipalityId: number,
  appliesTo: 'school' | 'kindergarten',
  unitColumn: 'school_id' | 'kindergarten_id',
  unitId: number,
): Promise<ConsentTypeInfo[]> {
  const rows = await db
    .selectFrom('consent_type')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('applies_to', '=', appliesTo)
    .where((eb) => eb.or([eb(unitColumn, 'is', null), eb(unitColumn, '=', unitId)]))
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('id')
    .limit(100)
    .execute();
  const info = rows.map((r) => ({
    id: r.id,
    key: r.key,
    parentId: r.parent_id,
    name: { nb: r.name_nb, nn: r.name_nn, en: r.name_en },
    description: { nb: r.description_nb, nn: r.description_nn, en: r.description_en },
  }));
  const roots = info.filter((t) => t.parentId === null);
  return roots.flatMap((root) => [root, ...info.filter((t) => t.parentId === root.id)]);
}

/** A school's municipality, for a class overview. */
export async function municipalityOfSchool(db: Db, schoolId: number): Promise<number> {
  const row = await db
    .selectFrom('school')
    .select('municipality_id')
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  return row.municipality_id;
}
