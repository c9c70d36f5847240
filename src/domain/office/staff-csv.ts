import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedSchool } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import type { Invalid, Ok } from '../result.ts';
import { cleanText } from '../text.ts';
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

/** Largest file taken (bytes) and most rows: a school's staff fits many times over. */
export const MAX_CSV_BYTES = 512 * 1024;
export const MAX_CSV_ROWS = 2000;

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

/** Windows-1252's 0x80–0x9F (€, „, …, –, —, ™, Š, Ž, the quotes…); `_` where the code page has no character. */
const CP1252_HIGH = '€_‚ƒ„…†‡ˆ‰Š‹Œ_Ž__‘’“”•–—˜™š›œ_žŸ';

/** The file's text: UTF-8 when it is valid UTF-8 (a BOM dropped), else Windows-1252 (Excel's "CSV" in Norway). */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x80–0x9F stay C1 controls): map those here.
    text = new TextDecoder('windows-1252')
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (c) => (CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? '_').replace('_', c));
  }
  return cleanText(text.replace(/^\uFEFF/, ''));
}

/** `;` or `,`: whichever the header line has more of (outside quotes it is only names, so a plain count works). */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split('\n', 1)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

export type FileProblem = 'empty' | 'too_large' | 'too_many_rows' | 'malformed' | 'missing_columns';

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
  problem?: { code: FileProblem; line?: number; columns?: string[] };
  rows: CsvRow[];
}

function readRows(text: string): { problem: CsvPreview['problem'] } | { records: string[][]; lines: number[] } {
  if (text.trim() === '') return { problem: { code: 'empty' } };
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info } (the typings do not follow the option).
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { problem: { code: 'malformed', line: typeof line === 'number' ? line : undefined } };
  }
  if (parsed.length - 1 > MAX_CSV_ROWS) return { problem: { code: 'too_many_rows' } };
  return { records: parsed.map((p) => p.record), lines: parsed.map((p) => p.info.lines) };
}

/** The column index of each field from the header line (names in any case, Norwegian or English). */
function columnsOf(header: string[]): Record<Column, number> | string[] {
  const names = header.map((h) => h.toLowerCase().trim());
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const at = names.findIndex((n) => aliases.includes(n));
    if (at < 0) missing.push(aliases[0]!);
    index[column] = at;
  }
  return missing.length ? missing : index;
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
  if (bytes.byteLength > MAX_CSV_BYTES) return { problem: { code: 'too_large' }, rows: [] };
  const read = readRows(decodeCsv(bytes));
  if ('problem' in read) return { problem: read.problem, rows: [] };
  const [header = [], ...records] = read.records;
  const columns = columnsOf(header);
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
