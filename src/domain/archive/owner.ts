import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Db } from '../../db/database.ts';
import { parseDate } from '../../i18n/index.ts';
import type { Actor } from '../access/actor.ts';
import { canExtractArchive } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { type ExtractResult, writeArchiveExtracts } from './extract.ts';

/** The school owner the page is about, if the actor is its school owner; else 404. */
export async function requireArchiveOwner(
  db: Db,
  actor: Actor,
  municipalityId: number,
): Promise<{ id: number; name: string; orgNumber: string; archived: number; firstDate: string | null }> {
  if (!canExtractArchive(actor, municipalityId)) throw new NotFoundError();
  const row = await db
    .selectFrom('municipality as m')
    .leftJoin('archive_folder as f', 'f.municipality_id', 'm.id')
    .leftJoin('archive_registration as r', 'r.folder_id', 'f.id')
    .select((eb) => [
      'm.id',
      'm.name',
      'm.org_number',
      eb.fn.count<number>('r.id').as('archived'),
      eb.fn.min('r.journal_date').as('first_date'),
    ])
    .where('m.id', '=', municipalityId)
    .groupBy(['m.id', 'm.name', 'm.org_number'])
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return {
    id: row.id,
    name: row.name,
    orgNumber: row.org_number,
    archived: Number(row.archived),
    firstDate: (row.first_date as string | null) ?? null,
  };
}

/** The form's default: the running school year (from 1 August, as the archive's arkivdeler) up to today. */
export function defaultExtractPeriod(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return { from: `${Number(today.slice(5, 7)) >= 8 ? year : year - 1}-08-01`, to: today };
}

export interface ExtractInput {
  from: string;
  to: string;
}
export type ExtractErrors = Partial<Record<keyof ExtractInput, 'date' | 'order'>>;

/** The period of the form: two dates (dd.mm.yyyy or ISO), from ≤ to. */
export function parseExtractInput(
  input: ExtractInput,
): { ok: true; period: { from: string; to: string } } | { ok: false; errors: ExtractErrors } {
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  const errors: ExtractErrors = {};
  if (!from) errors.from = 'date';
  if (!to) errors.to = 'date';
  if (from && to && from > to) errors.to = 'order';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, period: { from: from!, to: to! } };
}

/**
 * The school owner's button: the extract of the period, written to a temporary directory. The caller streams the
 * package and calls `cleanup` when it is sent (or fails). Audited: who took the archive out, and which period. Null
 * (and nothing left behind) when nothing was archived in the period.
 */
export async function extractForOwner(
  db: Db,
  actor: Actor,
  municipalityId: number,
  period: { from: string; to: string },
  now = new Date(),
): Promise<{ result: ExtractResult; cleanup: () => Promise<void> } | null> {
  await requireArchiveOwner(db, actor, municipalityId);
  const out = await mkdtemp(`${tmpdir()}/skolebro-extract-`);
  const cleanup = () => rm(out, { recursive: true, force: true });
  try {
    const [result] = await writeArchiveExtracts(db, { out, municipalityId, period, now });
    if (!result) {
      await cleanup();
      return null;
    }
    await recordAudit(db, {
      actor,
      role: 'school_owner',
      action: 'archive.extract',
      record: { type: 'municipality', id: municipalityId },
      details: { from: period.from, to: period.to, journalposts: result.registrations, folders: result.folders },
    });
    return { result, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
