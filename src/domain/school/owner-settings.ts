import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { Checked } from '../result.ts';

/**
 * The school owner's own rules: the leave limit of its local forskrift (G7), the absence follow-up time (S4) and the
 * SFO free hours (issue 12: 12 hours a week by law for trinn 1–3, more hours or 4. trinn as the owner adds).
 */
export interface OwnerSettings {
  municipalityId: number;
  name: string;
  leaveLimitDays: number;
  absenceFollowUpTime: string;
  sfoFreeHoursPerWeek: number;
  sfoFreeHoursLastTrinn: number;
}

export interface OwnerSettingsInput {
  leaveLimitDays: string;
  absenceFollowUpTime: string;
  sfoFreeHoursPerWeek: string;
  sfoFreeHoursLastTrinn: string;
}

export type OwnerSettingsValues = Omit<OwnerSettings, 'municipalityId' | 'name'>;

export type OwnerSettingsErrors = Partial<
  Record<keyof OwnerSettingsInput, 'limit' | 'time' | 'freeHours' | 'lastTrinn'>
>;

const Limit = v.pipe(v.string(), v.trim(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(0), v.maxValue(190));
/** At least the 12 hours the law gives (DOMAIN-FACTS §4), at most 40 (the column's bound). */
const FreeHours = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\d{1,2}$/),
  v.transform(Number),
  v.minValue(12),
  v.maxValue(40),
);
/** Trinn 1–3 by law; the owner may add 4. trinn. */
const LastTrinn = v.pipe(v.string(), v.trim(), v.picklist(['3', '4']), v.transform(Number));
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
    .select([
      'id',
      'name',
      'leave_limit_days',
      'absence_follow_up_time',
      'sfo_free_hours_per_week',
      'sfo_free_hours_last_trinn',
    ])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    municipalityId: r.id,
    name: r.name,
    leaveLimitDays: r.leave_limit_days,
    absenceFollowUpTime: r.absence_follow_up_time,
    sfoFreeHoursPerWeek: r.sfo_free_hours_per_week,
    sfoFreeHoursLastTrinn: r.sfo_free_hours_last_trinn,
  }));
}

export function parseOwnerSettings(input: OwnerSettingsInput): Checked<OwnerSettingsValues, OwnerSettingsErrors> {
  const limit = v.safeParse(Limit, input.leaveLimitDays);
  const time = v.safeParse(Time, input.absenceFollowUpTime);
  const hours = v.safeParse(FreeHours, input.sfoFreeHoursPerWeek);
  const trinn = v.safeParse(LastTrinn, input.sfoFreeHoursLastTrinn);
  if (limit.success && time.success && hours.success && trinn.success)
    return {
      ok: true,
      values: {
        leaveLimitDays: limit.output,
        absenceFollowUpTime: time.output,
        sfoFreeHoursPerWeek: hours.output,
        sfoFreeHoursLastTrinn: trinn.output,
      },
    };
  return {
    ok: false,
    errors: {
      ...(limit.success ? {} : { leaveLimitDays: 'limit' as const }),
      ...(time.success ? {} : { absenceFollowUpTime: 'time' as const }),
      ...(hours.success ? {} : { sfoFreeHoursPerWeek: 'freeHours' as const }),
      ...(trinn.success ? {} : { sfoFreeHoursLastTrinn: 'lastTrinn' as const }),
    },
  };
}

/** Saves the settings of one of the actor's municipalities (another one → 404), audited with old and new values. */
export async function saveOwnerSettings(
  db: Db,
  actor: Actor,
  municipalityId: number,
  values: OwnerSettingsValues,
  now = new Date(),
): Promise<void> {
  const current = (await findOwnerSettings(db, actor)).find((s) => s.municipalityId === municipalityId);
  if (!current) throw new NotFoundError();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('municipality')
      .set({
        leave_limit_days: values.leaveLimitDays,
        absence_follow_up_time: values.absenceFollowUpTime,
        sfo_free_hours_per_week: values.sfoFreeHoursPerWeek,
        sfo_free_hours_last_trinn: values.sfoFreeHoursLastTrinn,
      })
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
          from: {
            leaveLimitDays: current.leaveLimitDays,
            absenceFollowUpTime: current.absenceFollowUpTime,
            sfoFreeHoursPerWeek: current.sfoFreeHoursPerWeek,
            sfoFreeHoursLastTrinn: current.sfoFreeHoursLastTrinn,
          },
          to: values,
        },
      },
      now,
    );
  });
}
