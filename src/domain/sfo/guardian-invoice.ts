import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { payerChildLines, type InvoiceChildLine } from './invoice.ts';
import { monthBounds } from './price.ts';

export interface GuardianInvoice {
  month: string;
  /** Per SFO the child's lines billed to this guardian (normally one SFO, one line). */
  sfos: { sfoId: number; sfoName: string; lines: InvoiceChildLine[] }[];
  /** The child has a place this month paid by someone else (shown as a note without amounts). */
  otherPayer: boolean;
}

/**
 * The child's SFO invoice lines for the month, as the guardian sees them (issue 12, item 6): only the lines where the
 * guardian is the payer. Where another guardian pays, the page says so without amounts: a line can reveal the other
 * household's income (the income cap) and their other children (the sibling discount), which is theirs, not shared
 * parental business. The caller has loaded the child with requireGuardianChild (a child out of reach is a 404).
 * Queries: two, then a fixed number per SFO the guardian pays for this child (normally one).
 */
export async function guardianInvoice(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  month: string,
): Promise<GuardianInvoice> {
  const { first, last } = monthBounds(month);
  const [places, summer] = await Promise.all([
    db
      .selectFrom('sfo_enrolment as e')
      .innerJoin('sfo as f', 'f.id', 'e.sfo_id')
      .select(['e.sfo_id', 'f.name', 'e.payer_id', 'e.starts_on', 'e.ends_on'])
      .where('e.pupil_id', '=', child.pupilId)
      .where('e.starts_on', '<=', last)
      .orderBy('e.starts_on', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('sfo_summer_answer as a')
      .innerJoin('sfo_summer_period as p', 'p.id', 'a.period_id')
      .innerJoin('sfo as f', 'f.id', 'p.sfo_id')
      .select(['p.sfo_id', 'f.name'])
      .where('a.pupil_id', '=', child.pupilId)
      .where('a.answered_by', '=', actor.personId)
      .where('p.first_day', '<=', last)
      .where('p.last_day', '>=', first)
      .limit(10)
      .execute(),
  ]);
  const inMonth = places.filter((p) => p.ends_on === null || p.ends_on >= first);
  const sfoNames = new Map<number, string>();
  for (const p of places) if (p.payer_id === actor.personId) sfoNames.set(p.sfo_id, p.name);
  for (const s of summer) sfoNames.set(s.sfo_id, s.name);
  const sfos = [];
  for (const [sfoId, sfoName] of [...sfoNames].slice(0, 5)) {
    const lines = await payerChildLines(db, sfoId, month, actor.personId, child.pupilId);
    if (lines.length > 0) sfos.push({ sfoId, sfoName, lines });
  }
  return {
    month,
    sfos,
    otherPayer: inMonth.some((p) => p.payer_id !== null && p.payer_id !== actor.personId),
  };
}
