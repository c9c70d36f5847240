import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { canViewProtectionMarker } from '../access/policy.ts';
import { loadPupilFactsMany } from '../access/pupil-facts.ts';
import { recordAudit } from '../audit.ts';
import { activeOn } from '../period.ts';
import { toAnswers, type Answers } from './answer.ts';
import type { ManagedForm } from './builder.ts';

export interface ResultRow {
  /** null when the pupil's name is hidden from this viewer (protected address, DOMAIN-FACTS §3). */
  pupilId: number | null;
  name: string | null;
  className: string;
  answeredBy: string | null;
  updatedAt: Date | null;
  answers: Answers;
}

export interface QuestionSummary {
  questionId: number;
  /** For choice and yes/no questions: how many chose each option, in the question's order. */
  counts: { option: string; count: number }[];
  answered: number;
}

export interface FormResults {
  recipients: number;
  answered: number;
  summaries: QuestionSummary[];
  rows: ResultRow[];
}

/**
 * S9: the results of a sent form per question and per pupil, in a fixed number of queries. Pupils with a
 * protected address are named only to those who may see the protection marker (as on the consent overview).
 */
export async function formResults(db: Db, actor: Actor, form: ManagedForm, today: string): Promise<FormResults> {
  const rows = await db
    .selectFrom('form_recipient as r')
    .innerJoin('person as p', 'p.id', 'r.pupil_id')
    .leftJoin('enrolment as e', (join) => join.onRef('e.pupil_id', '=', 'r.pupil_id').on(activeOn('e', today)))
    .leftJoin('class as c', 'c.id', 'e.class_id')
    .leftJoin('form_answer as a', (join) =>
      join.onRef('a.form_id', '=', 'r.form_id').onRef('a.pupil_id', '=', 'r.pupil_id'),
    )
    .leftJoin('person as g', 'g.id', 'a.answered_by')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'c.name as class_name',
      'a.answers',
      'a.updated_at',
      'g.given_name as g_given',
      'g.family_name as g_family',
    ])
    .where('r.form_id', '=', form.id)
    .orderBy('c.name')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(5000)
    .execute();
  const facts = await loadPupilFactsMany(
    db,
    rows.map((r) => r.id),
    today,
  );
  const named: ResultRow[] = [];
  const hidden: ResultRow[] = [];
  for (const r of rows) {
    const f = facts.get(r.id)?.facts;
    const row: ResultRow = {
      pupilId: r.id,
      name: `${r.given_name} ${r.family_name}`,
      className: r.class_name ?? '',
      answeredBy: r.g_given ? `${r.g_given} ${r.g_family}` : null,
      updatedAt: r.updated_at,
      answers: r.answers ? toAnswers(r.answers) : {},
    };
    if (f && f.protection !== 'none' && !canViewProtectionMarker(actor, f))
      hidden.push({ ...row, pupilId: null, name: null, answeredBy: null });
    else named.push(row);
  }
  const all = [...named, ...hidden];
  const answeredRows = all.filter((r) => r.updatedAt !== null);
  const summaries = form.questions.map((q) => {
    const values = answeredRows.map((r) => r.answers[q.id]).filter((v) => v !== undefined && v.length > 0);
    const options = q.kind === 'yes_no' ? ['yes', 'no'] : q.options;
    return {
      questionId: q.id,
      answered: values.length,
      counts: options.map((option) => ({
        option,
        count: values.filter((v) => (Array.isArray(v) ? v.includes(option) : v === option)).length,
      })),
    };
  });
  return { recipients: all.length, answered: answeredRows.length, summaries, rows: all };
}

/** A CSV cell: quoted, and never read as a formula by a spreadsheet (CSV injection). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The results as CSV for a spreadsheet in Norway: UTF-8 with BOM, semicolons, CRLF. Audited: an export leaves
 * the system. `labels` turns answer codes (yes/no, dates) into the reader's words.
 */
export async function formResultsCsv(
  db: Db,
  actor: Actor,
  form: ManagedForm,
  results: FormResults,
  labels: {
    header: string[];
    hiddenName: string;
    when: (at: Date) => string;
    value: (questionIndex: number, value: string) => string;
  },
  now = new Date(),
): Promise<string> {
  const lines = [[...labels.header, ...form.questions.map((q) => q.label)].map(csvCell).join(';')];
  for (const row of results.rows) {
    const cells = [
      row.name ?? labels.hiddenName,
      row.className,
      row.answeredBy ?? '',
      row.updatedAt ? labels.when(row.updatedAt) : '',
    ];
    form.questions.forEach((q, i) => {
      const value = row.answers[q.id];
      cells.push(
        value === undefined ? '' : (Array.isArray(value) ? value : [value]).map((v) => labels.value(i, v)).join(', '),
      );
    });
    lines.push(cells.map(csvCell).join(';'));
  }
  await recordAudit(
    db,
    {
      actor,
      role: 'staff',
      action: 'form.export',
      record: { type: 'form', id: form.id },
      details: { rows: results.rows.length },
    },
    now,
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
