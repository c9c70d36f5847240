import { grantIds, loadActor, todayInOslo } from '../../domain/access/actor.ts';
import { addDays, mondayOf } from '../../domain/calendar/dates.ts';
import { requireGuardianChild } from '../../domain/guardian/child.ts';
import { activeOn } from '../../domain/period.ts';
import { applyForReducedPayment } from '../../domain/sfo/reduced-payment-apply.ts';
import {
  defaultSummerYear,
  loadSummerPeriod,
  saveSummerPeriod,
  sendSummerRegistration,
} from '../../domain/sfo/summer.ts';
import { requireSfo } from '../../domain/sfo/units.ts';
import type { Db } from '../database.ts';
import { DEMO_LOGINS } from './demo.ts';
import { loadPdfLib } from '../../domain/documents/pdf-lib.ts';

/** A small, real PDF standing in for a household's tax assessment (skatteoppgjør) in the demo. */
export async function demoTaxAssessmentPdf(name: string, incomeKroner: number): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = (await loadPdfLib()).pdfLib;
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = [
    'Skatteoppgjør 2025 (demo)',
    `Skattyter: ${name}`,
    `Samlet person- og kapitalinntekt: ${incomeKroner.toLocaleString('nb-NO')} kr`,
    'Dette er et eksempeldokument i Skolebros demodata.',
  ];
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 24, size: i === 0 ? 16 : 11, font }));
  pdf.setTitle('Skatteoppgjør 2025 (demo)');
  return pdf.save();
}

/**
 * The demo's SFO support (issue 12), written through the domain functions: a reduced-payment application waiting for
 * the SFO leader of Bjørkelia SFO (from the payer of its first child in 1.–4. trinn, with a small PDF tax assessment),
 * and next summer's summer SFO there, sent to the guardians, with answers for a few children. Skips what is there
 * already, so running it twice adds nothing.
 */
export async function seedSfoSupportActivity(db: Db, now = new Date()): Promise<void> {
  const today = todayInOslo(now);
  const login = DEMO_LOGINS.find((l) => l.key === 'sfo-leader');
  const leaderRow = login?.fodselsnummer
    ? await db.selectFrom('person').select('id').where('fodselsnummer', '=', login.fodselsnummer).executeTakeFirst()
    : undefined;
  if (!leaderRow) return;
  const leader = await loadActor(db, leaderRow.id, 'feide', today);
  const led = leader ? grantIds(leader, ['sfo_leader'], (g) => [g.sfoId])[0] : undefined;
  if (!leader || led === undefined) return;
  const sfo = await requireSfo(db, leader, led, 'run');

  // A pending reduced payment: the payer of the SFO's first child in 1.–4. trinn (by id) applies.
  const already = await db
    .selectFrom('application')
    .select('id')
    .where('kind', '=', 'sfo_reduced_payment')
    .executeTakeFirst();
  const place = already
    ? undefined
    : await db
        .selectFrom('sfo_enrolment as f')
        .innerJoin('enrolment as e', 'e.pupil_id', 'f.pupil_id')
        .innerJoin('class as c', 'c.id', 'e.class_id')
        .select(['f.pupil_id', 'f.payer_id'])
        .where('f.sfo_id', '=', sfo.sfoId)
        .where(activeOn('f', today))
        .where(activeOn('e', today))
        .where('c.trinn', '<=', 4)
        .where('f.payer_id', 'is not', null)
        .orderBy('f.pupil_id')
        .limit(1)
        .executeTakeFirst();
  if (place?.payer_id) {
    const guardian = await loadActor(db, place.payer_id, 'idporten', today);
    if (guardian) {
      const child = await requireGuardianChild(db, guardian, place.pupil_id, today);
      const year = await db
        .selectFrom('school_year')
        .select('id')
        .where('municipality_id', '=', child.municipalityId)
        .where('starts_on', '<=', today)
        .where('ends_on', '>=', today)
        .executeTakeFirst();
      if (year)
        await applyForReducedPayment(
          db,
          guardian,
          child,
          {
            schoolYearId: String(year.id),
            householdMembers: `${guardian.givenName} ${guardian.familyName}\n${child.givenName} ${child.familyName}`,
            householdSize: '2',
            grossIncome: '385 000',
          },
          {
            filename: 'skatteoppgjor-2025.pdf',
            bytes: await demoTaxAssessmentPdf(`${guardian.givenName} ${guardian.familyName}`, 385_000),
          },
          now,
        );
    }
  }

  // Next summer's summer SFO: late June to mid-August, the three fellesferie weeks of July closed.
  const summerYear = defaultSummerYear(today);
  if (await loadSummerPeriod(db, sfo.sfoId, summerYear)) return;
  const first = mondayOf(`${summerYear}-06-24`);
  const last = addDays(mondayOf(`${summerYear}-08-12`), 4);
  const closed = [0, 7, 14].map((d) => addDays(mondayOf(`${summerYear}-07-08`), d));
  const openWeeks: string[] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7))
    if (!closed.includes(monday)) openWeeks.push(monday);
  const deadline =
    `${summerYear}-05-01` < first && `${summerYear}-05-01` > today ? `${summerYear}-05-01` : addDays(first, -7);
  const saved = await saveSummerPeriod(
    db,
    leader,
    sfo,
    summerYear,
    {
      firstDay: first,
      lastDay: last,
      deadline,
      price: '350',
      openWeeks,
    },
    now,
  );
  if (!saved.ok) return;
  await sendSummerRegistration(db, leader, sfo, summerYear, now);
  const pupils = await db
    .selectFrom('sfo_enrolment as f')
    .innerJoin('guardian_relation as g', 'g.pupil_id', 'f.pupil_id')
    .select(['f.pupil_id', (eb) => eb.fn.min('g.guardian_id').as('guardian_id')])
    .where('f.sfo_id', '=', sfo.sfoId)
    .where(activeOn('f', today))
    .where('g.parental_responsibility', '=', true)
    .groupBy('f.pupil_id')
    .orderBy('f.pupil_id')
    .limit(12)
    .execute();
  const patterns = [[1, 2, 3, 4, 5], [1, 2, 3], [], [2, 4], [1, 2, 3, 4, 5], [3, 4, 5]];
  const rows = pupils.flatMap((p, i) =>
    openWeeks.map((weekStart, w) => ({
      period_id: saved.periodId,
      pupil_id: p.pupil_id,
      week_start: weekStart,
      days: patterns[(i + w) % patterns.length]!,
      answered_by: p.guardian_id,
      answered_at: now,
    })),
  );
  if (rows.length) await db.insertInto('sfo_summer_answer').values(rows).execute();
}
