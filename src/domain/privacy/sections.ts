import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import type { MyData } from './types.ts';

/**
 * The areas' data for "my data": the general consent, each child's consents and this guardian's
 * consent history, notification settings, address reports and the child's documents. One query per
 * area for all children at once.
 */
export async function addAreaSections(db: Db, actor: Actor, data: MyData, childIds: number[]): Promise<void> {
  const me = actor.personId;
  const general = await db
    .selectFrom('general_consent')
    .select(['state', 'decided_at'])
    .where('guardian_id', '=', me)
    .executeTakeFirst();
  const generalHistory = await db
    .selectFrom('general_consent_event')
    .select(['at', 'from_state', 'to_state'])
    .where('guardian_id', '=', me)
    .orderBy('at')
    .limit(200)
    .execute();
  data.guardian.extra.generalConsent = general
    ? { state: general.state, decidedAt: general.decided_at.toISOString() }
    : { state: 'unanswered' };
  data.guardian.extra.generalConsentHistory = generalHistory.map((e) => ({
    at: e.at.toISOString(),
    from: e.from_state,
    to: e.to_state,
  }));
  data.guardian.extra.notificationSettings = (
    await db
      .selectFrom('notification_setting')
      .select(['channel', 'category', 'enabled'])
      .where('person_id', '=', me)
      .orderBy('category')
      .orderBy('channel')
      .execute()
  ).map((s) => ({ channel: s.channel, category: s.category, enabled: s.enabled }));
  data.guardian.extra.addressReports = (
    await db
      .selectFrom('address_report')
      .select(['created_at', 'what_is_wrong', 'correct_address', 'handled_at'])
      .where('person_id', '=', me)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute()
  ).map((r) => ({
    at: r.created_at.toISOString(),
    whatIsWrong: r.what_is_wrong,
    correctAddress: r.correct_address,
    handled: r.handled_at !== null,
  }));
  if (childIds.length === 0) return;

  const answers = await db
    .selectFrom('consent_answer as a')
    .innerJoin('consent_type as t', 't.id', 'a.consent_type_id')
    .select(['a.pupil_id', 't.name_nb', 'a.state', 'a.answered_at'])
    .where('a.guardian_id', '=', me)
    .where('a.pupil_id', 'in', childIds)
    .orderBy('t.position')
    .execute();
  const history = await db
    .selectFrom('consent_event as e')
    .innerJoin('consent_type as t', 't.id', 'e.consent_type_id')
    .select(['e.pupil_id', 'e.at', 't.name_nb', 'e.from_state', 'e.to_state'])
    .where('e.guardian_id', '=', me)
    .where('e.pupil_id', 'in', childIds)
    .orderBy('e.at')
    .limit(1000)
    .execute();
  const documents = await db
    .selectFrom('document')
    .select(['pupil_id', 'title', 'kind', 'created_at'])
    .where('pupil_id', 'in', childIds)
    .where((eb) => eb.or([eb('guardian_id', 'is', null), eb('guardian_id', '=', me)]))
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  childIds.forEach((pupilId, index) => {
    const child = data.children[index];
    if (!child) return;
    child.extra.consents = answers
      .filter((a) => a.pupil_id === pupilId)
      .map((a) => ({ consent: a.name_nb, answer: a.state, answeredAt: a.answered_at.toISOString() }));
    child.extra.consentHistory = history
      .filter((h) => h.pupil_id === pupilId)
      .map((h) => ({ at: h.at.toISOString(), consent: h.name_nb, from: h.from_state, to: h.to_state }));
    child.extra.documents = documents
      .filter((d) => d.pupil_id === pupilId)
      .map((d) => ({ title: d.title, kind: d.kind, date: d.created_at.toISOString().slice(0, 10) }));
  });
}
