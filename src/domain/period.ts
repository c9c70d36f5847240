import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * The period rule, once. Enrolments, SFO enrolments, staff memberships and school years run from `starts_on`
 * to `ends_on`, both days included; no `ends_on` means open-ended. Each rule comes as a SQL condition (for
 * `.where`, a join's `.on`, or inside a `sql` template) and its JavaScript twin, which must always agree.
 */
export interface Period {
  starts_on: string;
  ends_on: string | null;
}

/** A date (`yyyy-mm-dd`, sent as a parameter) or a SQL date expression. */
type Day = string | Expression<string>;

/** `<ref>.<column>`, where ref is a table or its alias in the query (`'e'`, `'enrolment'`). */
const column = (ref: string, name: keyof Period) => sql.ref(`${ref}.${name}`);

/** Active on `day`: started on or before it and not ended before it. */
export function activeOn(ref: string, day: Day): Expression<SqlBool> {
  return sql<SqlBool>`(${column(ref, 'starts_on')} <= ${day} and ${notEndedBy(ref, day)})`;
}

/** Not ended before `day`: active on it, or starting later (a pupil enrolled from next month). */
export function notEndedBy(ref: string, day: Day): Expression<SqlBool> {
  return sql<SqlBool>`(${column(ref, 'ends_on')} is null or ${column(ref, 'ends_on')} >= ${day})`;
}

/** The JavaScript twin of activeOn. */
export const isActiveOn = (period: Period, day: string): boolean => period.starts_on <= day && hasNotEnded(period, day);

/** The JavaScript twin of notEndedBy. */
export const hasNotEnded = (period: Pick<Period, 'ends_on'>, day: string): boolean =>
  period.ends_on === null || period.ends_on >= day;
