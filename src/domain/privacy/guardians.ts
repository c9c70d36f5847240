import type { Db } from '../../db/database.ts';
import type { MyData } from './types.ts';

/** The unblocked guardians of each child, as "my data" lists them (school and kindergarten children alike). */
export async function guardiansOfChildren(
  db: Db,
  childIds: number[],
): Promise<Map<number, MyData['children'][number]['guardians']>> {
  const rows = childIds.length
    ? await db
        .selectFrom('guardian_relation as g')
        .innerJoin('person as p', 'p.id', 'g.guardian_id')
        .select(['g.pupil_id', 'p.given_name', 'p.family_name', 'g.relation', 'g.parental_responsibility'])
        .where('g.pupil_id', 'in', childIds)
        .where('g.blocked', '=', false)
        .execute()
    : [];
  const byChild = new Map<number, MyData['children'][number]['guardians']>();
  for (const r of rows) {
    const list = byChild.get(r.pupil_id) ?? [];
    list.push({
      name: `${r.given_name} ${r.family_name}`,
      relation: r.relation,
      parentalResponsibility: r.parental_responsibility,
    });
    byChild.set(r.pupil_id, list);
  }
  return byChild;
}
