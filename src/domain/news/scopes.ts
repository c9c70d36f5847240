import type { Db } from '../../db/database.ts';
import type { NewsScope, StaffRole } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { listBroadcastAudiences } from '../broadcasts/audience.ts';
import { newsCapacity, type NewsTarget } from '../broadcasts/policy.ts';
import { NotFoundError } from '../errors.ts';

/** Where a post can be published: a school, a class or an SFO the actor may publish for. */
export interface NewsScopeOption extends NewsTarget {
  key: string;
  name: string;
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
  return audiences.flatMap((a) => {
    if (!(SCOPES as string[]).includes(a.kind)) return [];
    const scope = a.kind as NewsScope;
    const target: NewsTarget = {
      scope,
      schoolId: a.schoolId,
      classId: scope === 'class' ? a.id : null,
      sfoId: scope === 'sfo' ? a.id : null,
    };
    const role = newsCapacity(actor, target);
    return role ? [{ ...target, key: `${scope}:${a.id}`, name: a.name, schoolName: a.schoolName, role }] : [];
  });
}

/** The scope a form value names, if the actor may publish there; anything else does not exist for them (404). */
export async function requireNewsScope(db: Db, actor: Actor, key: string, today: string): Promise<NewsScopeOption> {
  const found = (await listNewsScopes(db, actor, today)).find((s) => s.key === key);
  if (!found) throw new NotFoundError();
  return found;
}
