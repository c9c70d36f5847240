import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AddressProtection, FregChangeKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { canViewFregReports, fregReportSchoolIds } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { csvCell } from '../forms/results.ts';

/** The Folkeregisteret runs as leadership and the school owner see them: the changes that concern their schools. */
export interface FregRunItem {
  id: number;
  startedAt: Date;
  source: string;
  documents: number;
  rowsChanged: number;
  changes: number;
}

export interface FregReportLine {
  id: number;
  kind: FregChangeKind;
  schoolName: string;
  personName: string;
  /** The pupil the change concerns, when it is not the person themself. */
  pupilName: string | null;
  /** The change's facts; an address only while the person's address is unprotected. */
  details: Record<string, string | boolean | null>;
}

function schoolsOf(actor: Actor): number[] {
  if (!canViewFregReports(actor)) throw new NotFoundError();
  return fregReportSchoolIds(actor);
}

export async function listFregRuns(db: Db, actor: Actor): Promise<FregRunItem[]> {
  const schools = schoolsOf(actor);
  const rows = await db
    .selectFrom('freg_import_run as r')
    .select((eb) => [
      'r.id',
      'r.started_at',
      'r.source',
      'r.documents',
      'r.rows_changed',
      eb
        .selectFrom('freg_change as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.run_id', '=', 'r.id')
        .where('c.school_id', 'in', schools)
        .as('changes'),
    ])
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    startedAt: r.started_at,
    source: r.source,
    documents: r.documents,
    rowsChanged: r.rows_changed,
    changes: Number(r.changes ?? 0),
  }));
}

/** One run's report for the actor's schools (404 for a run that does not exist or an actor without the right). */
/** Lines on one page of a report (a first import reports every person; the CSV has them all). */
export const FREG_REPORT_PER_PAGE = 200;

/** `page` = one page of FREG_REPORT_PER_PAGE lines (the page view); none = every line (the CSV download). */
export async function loadFregReport(db: Db, actor: Actor, runId: number, page?: number) {
  const schools = schoolsOf(actor);
  const run = (await listFregRunById(db, schools, runId)) ?? null;
  if (!run) throw new NotFoundError();
  const rows = await db
    .selectFrom('freg_change as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('person as pupil', 'pupil.id', 'c.pupil_id')
    .select([
      'c.id',
      'c.kind',
      'c.details',
      'c.person_id',
      'c.pupil_id',
      's.name as school_name',
      'p.given_name',
      'p.family_name',
      'p.address_protection',
      'pupil.given_name as pupil_given',
      'pupil.family_name as pupil_family',
    ])
    .where('c.run_id', '=', runId)
    .where('c.school_id', 'in', schools)
    .orderBy('s.name')
    .orderBy('c.id')
    .$if(page !== undefined, (q) => q.limit(FREG_REPORT_PER_PAGE + 1).offset(((page ?? 1) - 1) * FREG_REPORT_PER_PAGE))
    .execute();
  const hasNext = page !== undefined && rows.length > FREG_REPORT_PER_PAGE;
  if (hasNext) rows.pop();
  const lines: FregReportLine[] = rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    schoolName: r.school_name,
    personName: `${r.given_name} ${r.family_name}`,
    pupilName:
      r.pupil_id !== null && Number(r.pupil_id) !== Number(r.person_id) ? `${r.pupil_given} ${r.pupil_family}` : null,
    details: shownDetails(r.details, r.address_protection),
  }));
  return { run, lines, page: page ?? 1, hasNext };
}

async function listFregRunById(db: Db, schools: number[], runId: number): Promise<FregRunItem | undefined> {
  const row = await db
    .selectFrom('freg_import_run as r')
    .select(['r.id', 'r.started_at', 'r.source', 'r.documents', 'r.rows_changed'])
    .where('r.id', '=', runId)
    .executeTakeFirst();
  if (!row) return undefined;
  const count = await db
    .selectFrom('freg_change')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('run_id', '=', runId)
    .where('school_id', 'in', schools)
    .executeTakeFirstOrThrow();
  return {
    id: Number(row.id),
    startedAt: row.started_at,
    source: row.source,
    documents: row.documents,
    rowsChanged: row.rows_changed,
    changes: Number(count.n),
  };
}

/** A stored address is shown only while the person's address is unprotected now (never a protected one). */
function shownDetails(raw: unknown, protection: AddressProtection): FregReportLine['details'] {
  const details = { ...((typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, string | boolean | null>) };
  if (protection !== 'none' && 'line' in details) {
    delete details.line;
    delete details.postalCode;
    delete details.postalPlace;
    details.protected = true;
  }
  return details;
}

export type FregReport = Awaited<ReturnType<typeof loadFregReport>>;

/** The report as CSV (UTF-8 with BOM, semicolons, CRLF); a download leaves the system, so it is audited. */
export async function fregReportCsv(
  db: Db,
  actor: Actor,
  report: FregReport,
  labels: { header: string[]; kind: (k: FregChangeKind) => string; details: (l: FregReportLine) => string },
  now: Date,
): Promise<string> {
  const lines = [labels.header.map(csvCell).join(';')];
  for (const l of report.lines)
    lines.push(
      [labels.kind(l.kind), l.schoolName, l.personName, l.pupilName ?? '', labels.details(l)].map(csvCell).join(';'),
    );
  await recordAudit(
    db,
    {
      actor,
      role: actor.ownerSchoolIds.length ? 'school_owner' : 'leadership',
      action: 'freg_report.view',
      record: { type: 'freg_import_run', id: report.run.id },
      details: { format: 'csv', lines: report.lines.length },
    },
    now,
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
