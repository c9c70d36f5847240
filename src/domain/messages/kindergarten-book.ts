import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { loadCareFacts, type CareFacts } from '../access/care-facts.ts';
import { isRowId } from '../access/scope.ts';
import { NotFoundError } from '../errors.ts';
import { kindergartenThreadDepartment } from './policy.ts';

/** A kindergarten child as one of its guardians sees the child's message book (issue 13). */
export interface KindergartenBookChild {
  childId: number;
  givenName: string;
  familyName: string;
  /** The department new threads go to: the child's place today. */
  departmentId: number;
  departmentName: string;
  kindergartenName: string;
  facts: CareFacts;
}

/**
 * Loads the child through the guardian's care reach with a kindergarten place today: anyone else — staff included, who
 * answer from their inbox —, another family's child, a blocked relation or a child without a place → 404.
 */
export async function requireKindergartenBookChild(
  db: Db,
  actor: Actor,
  childId: number,
  today = todayInOslo(),
): Promise<KindergartenBookChild> {
  if (!isRowId(childId) || actor.via !== 'idporten') throw new NotFoundError();
  const facts = await loadCareFacts(db, childId, today);
  const departmentId = facts ? kindergartenThreadDepartment(actor, facts) : null;
  if (!facts || departmentId === null) throw new NotFoundError();
  const row = await db
    .selectFrom('person as p')
    .innerJoin('kindergarten_department as d', (join) => join.on('d.id', '=', departmentId))
    .innerJoin('kindergarten as k', 'k.id', 'd.kindergarten_id')
    .select(['p.given_name', 'p.family_name', 'd.name as department_name', 'k.name as kindergarten_name'])
    .where('p.id', '=', childId)
    .executeTakeFirstOrThrow();
  return {
    childId,
    givenName: row.given_name,
    familyName: row.family_name,
    departmentId,
    departmentName: row.department_name,
    kindergartenName: row.kindergarten_name,
    facts,
  };
}
