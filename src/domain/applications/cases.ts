import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { notEndedBy } from '../period.ts';
import type { ApplicationKind, Database } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { decidableApplicationCondition } from '../access/scope.ts';
import type { ApplicationCase } from './definition.ts';
import { APPLICATION_KINDS, definitionOf, type AnyCase } from './kinds.ts';
import { isDecided } from './status.ts';

type CaseEb = ExpressionBuilder<Database & { a: Database['application'] }, 'a'>;

/**
 * The pupil's class at the application's school: the current one, else the one they start in (a skolestarter's 1.
 * trinn class). A correlated subquery: one row per application.
 */
const currentClass = (eb: CaseEb, today: string) =>
  eb
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select('c.name')
    .whereRef('e.pupil_id', '=', 'a.pupil_id')
    .whereRef('e.school_id', '=', 'a.school_id')
    .where(notEndedBy('e', today))
    .orderBy('e.starts_on', 'asc')
    .limit(1);

/**
 * Applications of these kinds that the actor decides — each kind by its decider rule, in SQL (the twin of
 * canDecideApplication) — with what every kind shows: pupil, class, school, applicant, decision.
 */
export function decidableCases(db: Db, actor: Actor, kinds: readonly ApplicationKind[], today: string) {
  return db
    .selectFrom('application as a')
    .innerJoin('person as p', 'p.id', 'a.pupil_id')
    .innerJoin('person as ap', 'ap.id', 'a.applicant_id')
    .innerJoin('school as s', 's.id', 'a.school_id')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .leftJoin('person as dp', 'dp.id', 'a.decided_by')
    .select((eb) => [
      'a.id',
      'a.kind',
      'a.status',
      'a.pupil_id',
      'a.school_id',
      'a.sfo_id',
      'a.submitted_at',
      'a.decided_at',
      'a.decision_reasons',
      'p.given_name',
      'p.family_name',
      'ap.given_name as applicant_given',
      'ap.family_name as applicant_family',
      's.name as school_name',
      's.address_line',
      's.postal_code',
      's.postal_place',
      's.hovudmaal',
      's.municipality_id',
      'm.name as municipality_name',
      'dp.given_name as decider_given',
      'dp.family_name as decider_family',
      currentClass(eb, today).as('class_name'),
    ])
    .where((eb) =>
      eb.or(
        kinds.map((kind) =>
          eb.and([
            eb('a.kind', '=', kind),
            decidableApplicationCondition(eb, actor, APPLICATION_KINDS[kind].decider, today),
          ]),
        ),
      ),
    );
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof decidableCases>['executeTakeFirstOrThrow']>>;

function toCase(r: CaseRow): ApplicationCase<undefined> {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    pupilId: r.pupil_id,
    pupilName: `${r.given_name} ${r.family_name}`,
    className: r.class_name ?? '',
    schoolId: r.school_id,
    schoolName: r.school_name,
    hovudmaal: r.hovudmaal,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    schoolAddress: [r.address_line, [r.postal_code, r.postal_place].filter(Boolean).join(' ')].filter(
      (l): l is string => !!l,
    ),
    sfoId: r.sfo_id,
    applicantName: `${r.applicant_given} ${r.applicant_family}`,
    submittedAt: r.submitted_at,
    details: undefined,
    decision:
      isDecided(r.status) && r.decided_at
        ? {
            outcome: r.status,
            reasons: r.decision_reasons,
            decidedAt: r.decided_at,
            deciderName: `${r.decider_given ?? ''} ${r.decider_family ?? ''}`.trim(),
          }
        : null,
  };
}

/** The rows as cases, each with its kind's details (one details query per kind present). */
export async function withDetails(db: Db, rows: CaseRow[]): Promise<AnyCase[]> {
  const details = new Map<number, unknown>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const loaded = await definitionOf(kind).loadDetails(
      db,
      rows.filter((r) => r.kind === kind).map((r) => r.id),
    );
    for (const [id, d] of loaded) details.set(id, d);
  }
  return rows.filter((r) => details.has(r.id)).map((r) => ({ ...toCase(r), details: details.get(r.id) }) as AnyCase);
}
