import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedSchool } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import type { Invalid, Ok } from '../result.ts';
import { csvColumns, readCsvRecords, type CsvFileProblem } from './csv.ts';
import {
  listGrantTargets,
  planGrant,
  storeGrant,
  TARGET_OF,
  targetValue,
  type GrantErrors,
  type GrantInput,
  type GrantPlan,
  type GrantRole,
  type GrantTarget,
} from './staff.ts';

/**
 * Staff with their grants from a CSV file (issue 11, item 3): UTF-8 or Windows-1252, `;` or `,` (the header line
 * decides), one grant a row. A preview lists every row's problems before anything is saved; the apply checks the
 * whole file again and stores every row in one transaction, or nothing. A grant the person already holds is
 * left alone, so a second apply of the same file changes nothing.
 */

export { decodeCsv, detectDelimiter, MAX_CSV_BYTES, MAX_CSV_ROWS } from './csv.ts';

const COLUMNS = {
  feideId: ['feide_id', 'feide', 'feide-id', 'feideid'],
  givenName: ['given_name', 'fornavn'],
  familyName: ['family_name', 'etternavn'],
  role: ['role', 'rolle'],
  target: ['target', 'for', 'klasse/gruppe/sfo'],
  startsOn: ['starts_on', 'fra', 'fra_dato', 'fra dato'],
} as const satisfies Record<keyof GrantInput, readonly string[]>;
type Column = keyof typeof COLUMNS;

/** Role words as an office writes them, Norwegian (bokmål and nynorsk) or the codes. */
const ROLE_WORDS: Record<string, GrantRole> = {
  leadership: 'leadership',
  ledelse: 'leadership',
  leiing: 'leadership',
  skoleledelse: 'leadership',
  skuleleiing: 'leadership',
  contact_teacher: 'contact_teacher',
  kontaktlærer: 'contact_teacher',
  kontaktlærar: 'contact_teacher',
  teacher: 'teacher',
  lærer: 'teacher',
  faglærer: 'teacher',
  lærar: 'teacher',
  faglærar: 'teacher',
  sfo_leader: 'sfo_leader',
  'sfo-leder': 'sfo_leader',
  'sfo-leiar': 'sfo_leader',
  sfo_staff: 'sfo_staff',
  'sfo-ansatt': 'sfo_staff',
  'sfo-tilsett': 'sfo_staff',
};

export type { FileProblem } from './csv.ts';

export interface CsvRow {
  /** The line in the file (the header is line 1). */
  line: number;
  input: GrantInput;
  /** The problems of the row, a code per field; none when it can be saved. */
  errors: GrantErrors;
  /** 'new': will be granted; 'unchanged': the person already holds it; 'invalid': see errors. */
  status: 'new' | 'unchanged' | 'invalid';
  plan?: GrantPlan;
}

export interface CsvPreview {
  problem?: CsvFileProblem;
  rows: CsvRow[];
}

/** A target written by name: the class, group or SFO of the school with that name (in the year of the first day). */
function targetByName(targets: GrantTarget[], role: GrantRole | undefined, name: string, startsOn: string) {
  const kind = role ? TARGET_OF[role] : null;
  if (!kind) return '';
  const named = targets.filter((t) => t.kind === kind && t.name.toLowerCase() === name.trim().toLowerCase());
  const day = /^\d{4}-\d{2}-\d{2}$/.test(startsOn) ? startsOn : null;
  const inYear = named.find((t) => !t.year || (day && t.year.startsOn <= day && day <= t.year.endsOn));
  const found = inYear ?? named[0];
  return found ? targetValue(found) : name;
}

/** Reads and checks every row against the school, saving nothing: the preview, and the first half of the apply. */
export async function previewStaffCsv(
  db: Db,
  school: ManagedSchool,
  bytes: Uint8Array,
  today: string,
): Promise<CsvPreview> {
  const read = readCsvRecords(bytes);
  if ('problem' in read) return { problem: read.problem, rows: [] };
  const [header = [], ...records] = read.records;
  const columns = csvColumns(header, COLUMNS);
  if (Array.isArray(columns)) return { problem: { code: 'missing_columns', line: 1, columns }, rows: [] };
  if (records.length === 0) return { problem: { code: 'empty' }, rows: [] };
  const targets = await listGrantTargets(db, school, today);
  const rows: CsvRow[] = [];
  const seen = new Set<string>();
  for (const [i, record] of records.entries()) {
    const cell = (column: Column) => record[columns[column]] ?? '';
    const role = ROLE_WORDS[cell('role').toLowerCase()];
    const startsOn = cell('startsOn');
    const input: GrantInput = {
      feideId: cell('feideId'),
      givenName: cell('givenName'),
      familyName: cell('familyName'),
      role: role ?? cell('role'),
      target: targetByName(targets, role, cell('target'), startsOn),
      startsOn,
    };
    const shown = { ...input, role: cell('role'), target: cell('target') };
    const planned = await planGrant(db, targets, input);
    if (!planned.ok) {
      rows.push({ line: read.lines[i + 1]!, input: shown, errors: planned.errors, status: 'invalid' });
      continue;
    }
    const key = [
      planned.plan.feideId,
      planned.plan.role,
      planned.plan.target && targetValue(planned.plan.target),
    ].join();
    const repeated = seen.has(key);
    seen.add(key);
    rows.push({
      line: read.lines[i + 1]!,
      input: shown,
      errors: {},
      status: planned.plan.existing || repeated ? 'unchanged' : 'new',
      plan: planned.plan,
    });
  }
  return { rows };
}

/**
 * Applies a file: checks it again (what was previewed may have changed) and, only when no row has a problem, stores
 * every new grant in one transaction, audited per grant and once for the import. A second apply changes nothing.
 */
export async function applyStaffCsv(
  db: Db,
  actor: Actor,
  school: ManagedSchool,
  bytes: Uint8Array,
  today: string,
  now = new Date(),
): Promise<Ok<{ added: number; unchanged: number }> | Invalid<CsvPreview>> {
  const preview = await previewStaffCsv(db, school, bytes, today);
  if (preview.problem || preview.rows.some((r) => r.status === 'invalid')) return { ok: false, errors: preview };
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const row of preview.rows)
      if (row.status === 'new' && (await storeGrant(trx, actor, school, row.plan!, now))) added++;
    const unchanged = preview.rows.length - added;
    if (added > 0) {
      await recordAudit(
        trx,
        {
          actor,
          role: officeRoleOf(actor, school.id),
          action: 'staff.import',
          record: { type: 'school', id: school.id },
          details: { rows: preview.rows.length, added, unchanged },
        },
        now,
      );
    }
    return { ok: true as const, added, unchanged };
  });
}
