import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { loadPdfLib } from '../documents/pdf-lib.ts';
import type { Db } from '../../db/database.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { lettersText } from '../../i18n/letters.ts';
import type { Actor } from '../access/actor.ts';
import { canLeadSchool } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { drawAddressPage, embedFonts, type Envelope, type Sender } from './address-page.ts';
import { manualReasonOf } from './facts.ts';

/** Most letters in one batch (one PDF): the rest wait for the next. */
export const PRINT_BATCH_MAX = 300;

export interface PrintBatchSummary {
  id: number;
  letters: number;
  envelopes: number;
  pages: number;
  /** Letters taken out because the address had become protected or gone (now on the manual list). */
  movedToManual: number;
}

/** The school office (= leadership here) makes the day's batch of its school. Null when nothing was waiting. */
export async function createPrintBatch(
  db: Db,
  actor: Actor,
  schoolId: number,
  today: string,
  now: Date,
): Promise<PrintBatchSummary | null> {
  if (!canLeadSchool(actor, schoolId)) throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    const batch = await buildPrintBatch(trx, schoolId, today, actor.personId, now);
    if (batch) {
      await recordAudit(
        trx,
        {
          actor,
          role: 'leadership',
          action: 'letter.print_batch',
          record: { type: 'print_batch', id: batch.id },
          details: {
            event: 'create',
            schoolId,
            letters: batch.letters,
            envelopes: batch.envelopes,
            pages: batch.pages,
          },
        },
        now,
      );
    }
    return batch;
  });
}

/**
 * D4: every letter of the school waiting for print, merged into ONE PDF: per recipient an address page for a
 * window envelope, then the letters' own pages (copied from the stored documents). Letters are claimed with
 * FOR UPDATE SKIP LOCKED, so two people pressing the button at once never print a letter twice. An address that
 * has become protected since routing is never printed: that letter moves to the manual list. Call in a transaction.
 */
export async function buildPrintBatch(
  db: Db,
  schoolId: number,
  date: string,
  createdBy: number,
  now: Date,
): Promise<PrintBatchSummary | null> {
  const locked = await db
    .selectFrom('letter_dispatch')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('status', '=', 'awaiting_print')
    .orderBy('id')
    .limit(PRINT_BATCH_MAX)
    .forUpdate()
    .skipLocked()
    .execute();
  if (locked.length === 0) return null;
  const rows = await db
    .selectFrom('letter_dispatch as l')
    .innerJoin('person as g', 'g.id', 'l.guardian_id')
    .innerJoin('document as d', 'd.id', 'l.document_id')
    .select([
      'l.id',
      'l.guardian_id',
      'g.given_name',
      'g.family_name',
      'g.address_line',
      'g.postal_code',
      'g.postal_place',
      'g.address_protection',
      'd.title',
      'd.content',
    ])
    .where(
      'l.id',
      'in',
      locked.map((l) => l.id),
    )
    .orderBy('g.postal_code')
    .orderBy('g.family_name')
    .orderBy('g.given_name')
    .orderBy('l.guardian_id')
    .orderBy('l.id')
    .execute();

  const manual = rows.flatMap((r) => {
    const reason = manualReasonOf({
      line: r.address_line,
      postalCode: r.postal_code,
      postalPlace: r.postal_place,
      protection: r.address_protection,
    });
    return reason ? [{ id: r.id, reason }] : [];
  });
  for (const m of manual) {
    await db
      .updateTable('letter_dispatch')
      .set({ status: 'manual', manual_reason: m.reason, updated_at: now })
      .where('id', '=', m.id)
      .execute();
  }
  const printable = rows.filter((r) => !manual.some((m) => m.id === r.id));
  if (printable.length === 0) return null;

  const school = await db
    .selectFrom('school')
    .select(['name', 'address_line', 'postal_code', 'postal_place', 'hovudmaal'])
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  const sender: Sender = {
    name: school.name,
    addressLines: [school.address_line, [school.postal_code, school.postal_place].filter(Boolean).join(' ')].filter(
      (l): l is string => !!l,
    ),
    lang: school.hovudmaal,
  };
  const { PDFDocument } = (await loadPdfLib()).pdfLib;
  const merged = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(merged);
  const letters = await Promise.all(
    printable.map(async (r) => ({ row: r, doc: await PDFDocument.load(r.content, { updateMetadata: false }) })),
  );
  const envelopes = groupByGuardian(letters);
  for (const [i, group] of envelopes.entries()) {
    const first = group[0]!.row;
    const envelope: Envelope = {
      recipient: {
        name: `${first.given_name} ${first.family_name}`,
        addressLine: first.address_line!,
        postalCode: first.postal_code!,
        postalPlace: first.postal_place!,
      },
      letters: group.map((l) => ({ title: l.row.title, pages: l.doc.getPageCount() })),
    };
    drawAddressPage(merged, fonts, sender, envelope, { n: i + 1, total: envelopes.length, date: formatDate(date) });
    for (const { doc } of group)
      for (const page of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(page);
  }
  setMetadata(
    merged,
    fill(lettersText[sender.lang].address.batchTitle, { school: school.name, date: formatDate(date) }),
    school.name,
    now,
  );
  const content = Buffer.from(await merged.save());

  const batch = await db
    .insertInto('print_batch')
    .values({
      school_id: schoolId,
      date,
      letter_count: printable.length,
      envelope_count: envelopes.length,
      page_count: merged.getPageCount(),
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
      created_by: createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('letter_dispatch')
    .set({ status: 'printed', print_batch_id: batch.id, printed_at: now, updated_at: now })
    .where(
      'id',
      'in',
      printable.map((r) => r.id),
    )
    .execute();
  return {
    id: batch.id,
    letters: printable.length,
    envelopes: envelopes.length,
    pages: merged.getPageCount(),
    movedToManual: manual.length,
  };
}

function groupByGuardian<T extends { row: { guardian_id: number } }>(letters: T[]): T[][] {
  const groups: T[][] = [];
  for (const letter of letters) {
    const last = groups.at(-1);
    if (last && last[0]!.row.guardian_id === letter.row.guardian_id) last.push(letter);
    else groups.push([letter]);
  }
  return groups;
}

function setMetadata(pdf: PDFDocument, title: string, author: string, now: Date) {
  pdf.setTitle(title);
  pdf.setAuthor(author);
  pdf.setCreator('Skolebro');
  pdf.setProducer('Skolebro (pdf-lib)');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
}

/** The batch's PDF for leadership of its school (404 for anyone else); every download is audited. */
export async function downloadPrintBatch(db: Db, actor: Actor, batchId: number, now: Date) {
  const batch = await db
    .selectFrom('print_batch')
    .select(['id', 'school_id', 'date', 'content'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!batch || !canLeadSchool(actor, batch.school_id)) throw new NotFoundError();
  await recordAudit(
    db,
    {
      actor,
      role: 'leadership',
      action: 'letter.print_batch',
      record: { type: 'print_batch', id: batch.id },
      details: { event: 'download' },
    },
    now,
  );
  return { filename: `utskrift-${batch.date}-${batch.id}.pdf`, content: batch.content };
}
