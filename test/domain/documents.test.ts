import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Letter } from '../../src/domain/documents/api.ts';
import { renderLetterPdf } from '../../src/domain/documents/pdf.ts';
import { postgresDocumentStore, safeFilename, storeDocument } from '../../src/domain/documents/store.ts';
import { wrapText } from '../../src/domain/documents/wrap.ts';
import { documentPaths } from '../../src/paths/documents.ts';
import { createTestDb } from '../support/db.ts';
import { pdfInfo, pdfText } from '../support/pdf.ts';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

const NORWEGIAN = 'Åse Ærlighet Øvrebø – «Skolen» – 12 € – 2. pinsedag';

function letter(rows: number, extra: Partial<Letter> = {}): Letter {
  return {
    sender: ['Fjellheim skule', 'Skulevegen 1', '5700 Voss'],
    recipient: ['Åse Ærlighet Øvrebø', 'Bjørkevegen 7', '5700 Voss'],
    date: '25.11.2026',
    title: NORWEGIAN,
    intro: 'Her er svaret dykkar på samtykket. Sámi: Čáhcegáddi, Ŋuorra, Đ.',
    sections: [
      {
        heading: 'Samtykke',
        rows: Array.from({ length: rows }, (_, i) => ({
          label: `Spørsmål ${i + 1}`,
          value: `Ja, eleven kan vere med på turen til Øvre Årdal (rad ${i + 1}). Dette er ein lang tekst som må brytast over fleire liner.`,
        })),
      },
      { heading: 'Merknad', rows: [{ label: '', value: 'Eit avsnitt utan etikett.' }] },
    ],
    footer: 'Fjellheim skule · Laga i Skolebro',
    lang: 'nn',
    ...extra,
  };
}

test('a letter prints Norwegian and Sámi letters, €, «» and – as text (a PDF reader reads them back)', async () => {
  const bytes = await renderLetterPdf(letter(2));
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
  const text = await pdfText(bytes);
  assert.ok(text.includes(NORWEGIAN), text);
  assert.match(text, /Åse Ærlighet Øvrebø/);
  assert.match(text, /Čáhcegáddi, Ŋuorra, Đ/);
  assert.match(text, /Dato: 25\.11\.2026/);
  assert.match(text, /Spørsmål 1\s*Ja, eleven kan vere med/);
  assert.match(text, /Eit avsnitt utan etikett/);
  assert.match(text, /Side 1 av 1/);
  const info = await pdfInfo(bytes);
  assert.equal(info.pages, 1);
  assert.deepEqual([Math.round(info.width * 100) / 100, Math.round(info.height * 100) / 100], [595.28, 841.89], 'A4');
  assert.equal(info.title, NORWEGIAN);
  assert.equal(info.author, 'Fjellheim skule');
});

test('a long letter flows onto new pages, each with "Side n av m" and the footer', async () => {
  const bytes = await renderLetterPdf(letter(45));
  assert.equal((await pdfInfo(bytes)).pages, 3);
  const pages = (await pdfText(bytes)).split('\f').filter((p) => p.trim());
  assert.equal(pages.length, 3);
  pages.forEach((page, i) => {
    assert.match(page, new RegExp(`Side ${i + 1} av 3`));
    assert.match(page, /Fjellheim skule · Laga i Skolebro/);
  });
  // nothing is lost at a page break: every row is there, in order
  const all = pages.join('\n');
  for (let i = 1; i <= 45; i++) assert.ok(all.includes(`Spørsmål ${i} `), `row ${i}`);
  assert.match(pages[2]!, /Eit avsnitt utan etikett/);
});

test('an English letter numbers its pages in English; the output is byte-identical for a fixed time', async () => {
  const now = new Date('2026-11-25T08:00:00Z');
  const a = await renderLetterPdf(letter(1, { lang: 'en' }), { now });
  const b = await renderLetterPdf(letter(1, { lang: 'en' }), { now });
  assert.match(await pdfText(a), /Page 1 of 1/);
  assert.deepEqual(Buffer.from(a), Buffer.from(b));
});

test('a letter is PDF/A-2b: XMP matching the document information, the sRGB output intent, fonts embedded, an id', async () => {
  const now = new Date('2026-11-25T08:00:00Z');
  const bytes = await renderLetterPdf(letter(1), { now });
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = pdf.catalog;
  const metadata = pdf.context.lookup(catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
  assert.equal(metadata.dict.get(PDFName.of('Subtype'))?.toString(), '/XML');
  const xmp = Buffer.from(metadata.getContents()).toString('utf8');
  assert.match(xmp, /<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
  assert.ok(xmp.includes(`<rdf:li xml:lang="x-default">${NORWEGIAN}</rdf:li>`), 'the title, as in the Info dictionary');
  assert.equal(pdf.getTitle(), NORWEGIAN);
  assert.match(xmp, /<xmp:CreateDate>2026-11-25T08:00:00Z<\/xmp:CreateDate>/);
  assert.equal(pdf.getCreationDate()?.toISOString(), '2026-11-25T08:00:00.000Z');
  assert.match(xmp, /<pdf:Producer>Skolebro \(pdf-lib\)<\/pdf:Producer>/);
  assert.equal(pdf.getProducer(), 'Skolebro (pdf-lib)');
  const intents = pdf.context.lookup(catalog.get(PDFName.of('OutputIntents')), PDFArray);
  const intent = pdf.context.lookup(intents.get(0), PDFDict);
  assert.equal(intent.get(PDFName.of('S'))?.toString(), '/GTS_PDFA1');
  const profile = pdf.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as PDFRawStream;
  assert.equal(profile.dict.get(PDFName.of('N'))?.toString(), '3');
  const icc = Buffer.from(decodePDFRawStream(profile).decode());
  assert.equal(icc.subarray(36, 40).toString('latin1'), 'acsp', 'an ICC profile');
  assert.equal(icc.subarray(16, 20).toString('latin1'), 'RGB ');
  assert.ok(pdf.context.trailerInfo.ID, 'the trailer has a file identifier');
  // every font is embedded (a FontFile2 in each font descriptor)
  const descriptors = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type'))?.toString() === '/FontDescriptor');
  assert.ok(descriptors.length >= 2);
  for (const d of descriptors) assert.ok(d.get(PDFName.of('FontFile2')), 'the font is embedded');
});

test('wrapping keeps words whole and breaks a word wider than the line', () => {
  const measure = (s: string) => s.length;
  assert.deepEqual(wrapText('en to tre fire', 7, measure), ['en to', 'tre', 'fire']);
  assert.deepEqual(wrapText('abcdefghij', 4, measure), ['abcd', 'efgh', 'ij']);
  assert.deepEqual(wrapText('a\n\nb\tc', 10, measure), ['a', '', 'b c']);
});

test('the store keeps the exact bytes and their SHA-256; lists newest first, bounded, per guardian', async () => {
  const db = await createTestDb();
  const people = await db
    .insertInto('person')
    .values([
      { given_name: 'Elev', family_name: 'Test', fodselsnummer: null },
      { given_name: 'Mor', family_name: 'Test', fodselsnummer: null },
      { given_name: 'Far', family_name: 'Test', fodselsnummer: null },
    ])
    .returning('id')
    .execute();
  const [pupil, mother, father] = people.map((p) => p.id) as [number, number, number];
  const bytes = await renderLetterPdf(letter(1));
  // a document is archived in the child's folder when it is stored: one about nobody at a school or kindergarten is refused
  await assert.rejects(
    storeDocument(db, {
      pupilId: pupil,
      guardianId: null,
      kind: 'letter',
      title: 'Brev',
      filename: 'brev.pdf',
      contentType: 'application/pdf',
      content: bytes,
      createdBy: null,
    }),
    /no school or kindergarten to archive it under/,
  );
  const owner = await db
    .insertInto('municipality')
    .values({ name: 'Testkommune', org_number: '999999999' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kindergarten = await db
    .insertInto('kindergarten')
    .values({ municipality_id: owner.id, name: 'Testbarnehagen', org_number: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const department = await db
    .insertInto('kindergarten_department')
    .values({ kindergarten_id: kindergarten.id, name: 'Avdeling' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('kindergarten_enrolment')
    .values({ child_id: pupil, department_id: department.id, starts_on: '2026-08-01' })
    .execute();
  const base = {
    pupilId: pupil,
    kind: 'letter' as const,
    contentType: 'application/pdf' as const,
    content: bytes,
    createdBy: null,
  };
  const { id } = await storeDocument(db, {
    ...base,
    guardianId: null,
    title: NORWEGIAN,
    filename: '../../etc/Brev «Åse».pdf',
  });
  const store = postgresDocumentStore(db);
  const got = await store.get(id);
  assert.ok(got);
  assert.deepEqual(Buffer.from(got.content), Buffer.from(bytes));
  assert.equal(got.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(got.sizeBytes, bytes.byteLength);
  assert.equal(got.title, NORWEGIAN);
  assert.equal(got.filename, 'Brev «Åse».pdf');
  assert.equal(documentPaths.download(id), `/documents/${id}`);
  assert.equal(await store.get(id + 1000), undefined);

  const times = ['2026-09-01', '2026-10-01', '2026-11-01'].map((d) => new Date(`${d}T10:00:00Z`));
  const toFather = await store.put({
    ...base,
    guardianId: father,
    title: 'Til far',
    filename: 'far.pdf',
    createdAt: times[2],
  });
  await store.put({ ...base, guardianId: mother, title: 'Til mor', filename: 'mor', createdAt: times[1] });
  await store.put({ ...base, guardianId: null, title: 'Til alle', filename: 'alle.pdf', createdAt: times[0] });
  const forMother = await store.list({ pupilId: pupil, visibleToGuardian: mother, limit: 10 });
  assert.deepEqual(
    forMother.map((d) => d.title),
    [NORWEGIAN, 'Til mor', 'Til alle'],
  );
  assert.equal(forMother[1]!.filename, 'mor.pdf');
  const firstPage = await store.list({ pupilId: pupil, visibleToGuardian: father, limit: 2 });
  assert.deepEqual(
    firstPage.map((d) => d.title),
    [NORWEGIAN, 'Til far'],
  );
  assert.equal(firstPage[1]!.id, toFather.id);
  const next = await store.list({ pupilId: pupil, visibleToGuardian: father, limit: 2, beforeId: firstPage[1]!.id });
  assert.deepEqual(
    next.map((d) => d.title),
    ['Til alle'],
  );
  assert.equal((await store.list({ pupilId: pupil, limit: 100_000 })).length, 4);
  assert.deepEqual(await store.list({ pupilId: mother, limit: 10 }), []);

  await assert.rejects(
    store.put({
      ...base,
      guardianId: null,
      title: 'x',
      filename: 'x.pdf',
      content: new TextEncoder().encode('<html>'),
    }),
    /Not a PDF/,
  );
});

test('safe filenames drop paths, quotes and control characters', () => {
  assert.equal(safeFilename('a/b\\c"d\r\n.pdf'), 'cd.pdf');
  assert.equal(safeFilename('...'), 'dokument.pdf');
  assert.equal(safeFilename('Velkomstbrev 2026–2027'), 'Velkomstbrev 2026–2027.pdf');
});
