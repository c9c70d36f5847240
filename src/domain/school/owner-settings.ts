import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { Checked } from '../result.ts';

/** The school owner's own rules: the leave limit of its local forskrift (G7) and the absence follow-up time (S4). */
export interface OwnerSettings {
  municipalityId: number;
  name: string;
  leaveLimitDays: number;
  absenceFollowUpTime: string;
}

export interface OwnerSettingsInput {
  leaveLimitDays: string;
  absenceFollowUpTime: string;
}

export type OwnerSettingsErrors = Partial<Record<keyof OwnerSettingsInput, 'limit' | 'time'>>;

const Limit = v.pipe(v.string(), v.trim(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(0), v.maxValue(190));
const Time = v.pipe(
  v.string(),
  v.trim(),
  v.transform((s) => s.replace('.', ':')),
  v.regex(/^([01]?\d|2[0-3]):[0-5]\d$/),
  v.transform((s) => s.padStart(5, '0')),
);

/** The municipalities (school owners) the actor is school owner of; none → 404. */
export async function findOwnerSettings(db: Db, actor: Actor): Promise<OwnerSettings[]> {
  const ids = actor.via === 'feide' ? grantIds(actor, ['school_owner'], (g) => [g.municipalityId]) : [];
  if (ids.length === 0) throw new NotFoundError();
  const rows = await db
    .selectFrom('municipality')
    .select(['id', 'name', 'leave_limit_days', 'absence_follow_up_time'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    municipalityId: r.id,
    name: r.name,
    leaveLimitDays: r.leave_limit_days,
    absenceFollowUpTime: r.absence_follow_up_time,
  }));
}

export function parseOwnerSettings(
  input: OwnerSettingsInput,
): Checked<{ leaveLimitDays: number; absenceFollowUpTime: string }, OwnerSettingsErrors> {
  const limit = v.safeParse(Limit, input.leaveLimitDays);
  const time = v.safeParse(Time, input.absenceFollowUpTime);
  if (limit.success && time.success)
    return { ok: true, values: { leaveLimitDays: limit.output, absenceFollowUpTime: time.output } };
  return {
    ok: false,
    errors: {
      ...(limit.success ? {} : { leaveLimitDays: 'limit' as const }),
      ...(time.success ? {} : { absenceFollowUpTime: 'time' as const }),
    },
  };
}

/** Saves the settings of one of the actor's municipalities (another one → 404), audited with old and new values. */
export async function saveOwnerSettings(
  db: Db,
  actor: Actor,
  municipalityId: number,
  values: { leaveLimitDays: number; absenceFollowUpTime: string },
  now = new Date(),
): Promise<void> {
  const current = (await findOwnerSettings(db, actor)).find((s) => s.municipalityId === municipalityId);
  if (!current) throw new NotFoundError();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('municipality')
      .set({ leave_limit_days: values.leaveLimitDays, absence_follow_up_time: values.absenceFollowUpTime })
      .where('id', '=', municipalityId)
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'municipality.settings',
        record: { type: 'municipality', id: municipalityId },
        details: {
          from: { leaveLimitDays: current.leaveLimitDays, absenceFollowUpTime: current.absenceFollowUpTime },
          to: values,
        },
      },
      now,
    );
  });
}
