import type { Db } from '../../db/database.ts';
import { applyFregPersons, type ApplyOptions, type ApplySummary } from './apply.ts';
import { parsePersonDocument, type DocumentProblem, type FregPerson } from './document.ts';
import type { FregSource, RawDocument } from './source.ts';

export type ImportResult = ({ ok: true } & ApplySummary) | { ok: false; problems: DocumentProblem[] };

/** Checks every document first; one malformed document (or one person twice) and nothing of the run is applied. */
export function checkDocuments(
  raw: RawDocument[],
): { ok: true; persons: FregPerson[] } | { ok: false; problems: DocumentProblem[] } {
  const problems: DocumentProblem[] = [];
  const persons: FregPerson[] = [];
  const seen = new Map<string, number>();
  for (const doc of raw) {
    if ('error' in doc) {
      problems.push({ line: doc.line, message: doc.error });
      continue;
    }
    const parsed = parsePersonDocument(doc.value, doc.line);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    const twice = parsed.person.allIds.find((n) => seen.has(n));
    if (twice) problems.push({ line: doc.line, message: `the same person as line ${seen.get(twice)}` });
    for (const n of parsed.person.allIds) seen.set(n, doc.line);
    persons.push(parsed.person);
  }
  return problems.length ? { ok: false, problems } : { ok: true, persons };
}

/** One import run: read the source, check every document, apply all in one transaction. */
export async function importFreg(db: Db, source: FregSource, options: ApplyOptions): Promise<ImportResult> {
  const checked = checkDocuments(await source.read());
  if (!checked.ok) return checked;
  const summary = await applyFregPersons(db, checked.persons, source.name, options);
  return { ok: true, ...summary };
}
