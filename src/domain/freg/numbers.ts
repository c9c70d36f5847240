import type { Db } from '../../db/database.ts';
import { notEndedBy } from '../period.ts';

/** Whom to ask Folkeregisteret about: every pupil enrolled now or later, and the guardians Skolebro knows of them. */
export async function registerNumbers(db: Db, today: string): Promise<string[]> {
  const pupils = db.selectFrom('enrolment').select('pupil_id').where(notEndedBy('enrolment', today));
  const rows = await db
    .selectFrom('person')
    .select('fodselsnummer')
    .where('fodselsnummer', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('id', 'in', pupils),
        eb('id', 'in', eb.selectFrom('guardian_relation').select('guardian_id').where('pupil_id', 'in', pupils)),
      ]),
    )
    .orderBy('fodselsnummer')
    .execute();
  return rows.map((r) => r.fodselsnummer!);
}
