import type { Db } from '../../db/database.ts';
import type { NewsScope, StaffRole } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { listBroadcastAudiences } from '../broadcasts/audience.ts';
import { newsCapacity, type NewsTarget } from '../broadcasts/policy.ts';
import { NotFoundError } from '../errors.ts';

/** Where a post can be published: a school, a class, an SFO, a kindergarten or a department the actor may publish for. */
export interface NewsScopeOption extends NewsTarget {
  key: string;
  name: string;
  /** The school's or (a kindergarten's scope) the kindergarten's name. */
  schoolName: string;
  role: StaffRole;
}

const SCOPES: readonly NewsScope[] = ['school', 'class', 'sfo'];

/**
 * The scopes the actor may publish for: the school, class and SFO audiences they reach (the same bounded queries as
 * broadcasts), kept where newsCapacity (the policy) allows publishing.
 */
export async function listNewsScopes(db: Db, actor: Actor, today: string): Promise<NewsScopeOption[]> {
  const audiences = await listBroadcastAudiences(db, actor, today);
  const school = audiences.flatMap((a) => {
    if (!(SCOPES as string[]).includes(a.kind)) return [];
    const scope = a.kind as NewsScope;
    const target: NewsTarget = {
      scope,
      schoolId: a.schoolId,
      classId: scope === 'class' ? a.id : null,
      sfoId: scope === 'sfo' ? a.id : null,
      kindergartenId: null,
      departmentId: null,
    };
    const role = newsCapacity(actor, target);
    return role ? [{ ...target, key: `${scope}:${a.id}`, name: a.name, schoolName: a.schoolName, role }] : [];
  });
  return [...school, ...(await listKindergartenScopes(db, actor))];
}

/**
 * The kindergartens and departments the actor may publish for (issue 13): each kindergarten where they are styrer or
 * pedagogical leader, and its departments, kept where newsCapacity allows. Bounded: a person works at a few.
 */
async function listKindergartenScopes(db: Db, actor: Actor): Promise<NewsScopeOption[]> {
  if (actor.via !== 'feide') return [];
  const ids = grantIds(actor, ['kindergarten_leader', 'pedagogical_leader'], (g) => [g.kindergartenId]);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('kindergarten as k')
    .leftJoin('kindergarten_department as d', 'd.kindergarten_id', 'k.id')
    .select(['k.id', 'k.name', 'd.id as department_id', 'd.name as department_name'])
    .where('k.id', 'in', ids)
    .orderBy('k.name')
    .orderBy('d.name')
    .execute();
  const units = new Map(rows.map((r) => [r.id, r.name]));
  const options = [
    ...[...units].map(([id, name]) => ({ scope: 'kindergarten' as const, id, name, kindergartenId: id, kgName: name })),
    ...rows.flatMap((r) =>
      r.department_id === null
        ? []
        : [
            {
              scope: 'department' as const,
              id: r.department_id,
              name: r.department_name ?? '',
              kindergartenId: r.id,
              kgName: r.name,
            },
          ],
    ),
  ];
  return options.flatMap((o) => {
    const target: NewsTarget = {
      scope: o.scope,
      schoolId: null,
      classId: null,
      sfoId: null,
      kindergartenId: o.kindergartenId,
      departmentId: o.scope === 'department' ? o.id : null,
    };
    const role = newsCapacity(actor, target);
    return role ? [{ ...target, key: `${o.scope}:${o.id}`, name: o.name, schoolName: o.kgName, role }] : [];
  });
}

/** The scope a form value names, if the actor may publish there; anything else does not exist for them (404). */
export async function requireNewsScope(db: Db, actor: Actor, key: string, today: string): Promise<NewsScopeOption> {
  const found = (await listNewsScopes(db, actor, today)).find((s) => s.key === key);
  if (!found) throw new NotFoundError();
  return found;
}
