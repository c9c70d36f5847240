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
 * The active consent types that apply at a school: the municipality's own (school_id null) and the school's.
 * Ordered as a tree: each top-level type by position, followed by its sub-consents. Bounded (100).
 */
export async function listConsentTypes(db: Db, municipalityId: number, schoolId: number): Promise<ConsentTypeInfo[]> {
  const rows = await db
    .selectFrom('consent_type')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb.or([eb('school_id', 'is', null), eb('school_id', '=', schoolId)]))
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
