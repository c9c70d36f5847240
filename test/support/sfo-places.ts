import type { Db } from '../../src/db/database.ts';

/** The SFO place applications of these pupils (or all), the places their decisions made, and their letters' links. */
export async function deleteSfoPlaceApplications(db: Db, pupilIds?: number[]) {
  if (pupilIds?.length === 0) return;
  const apps = await db
    .selectFrom('application')
    .select('id')
    .where('kind', 'in', ['sfo_place', 'sfo_change', 'sfo_termination'])
    .$if(pupilIds !== undefined, (q) => q.where('pupil_id', 'in', pupilIds!))
    .execute();
  const ids = apps.map((a) => a.id);
  if (ids.length === 0) return;
  await db.deleteFrom('application_document').where('application_id', 'in', ids).execute();
  await db.deleteFrom('application_confirmation').where('application_id', 'in', ids).execute();
  await db.deleteFrom('sfo_application').where('application_id', 'in', ids).execute();
  await db.deleteFrom('sfo_enrolment').where('application_id', 'in', ids).execute();
  await db.deleteFrom('application').where('id', 'in', ids).execute();
}
