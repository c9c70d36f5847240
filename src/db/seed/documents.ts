import type { Transaction } from 'kysely';
import type { Letter } from '../../domain/documents/api.ts';
import { renderLetterPdf } from '../../domain/documents/pdf.ts';
import { storeDocument } from '../../domain/documents/store.ts';
import { activeOn } from '../../domain/period.ts';
import type { Database } from '../schema.ts';
import { addDays, schoolYearFor } from './calendar.ts';
import { DEMO_LOGINS } from './demo.ts';

type Trx = Transaction<Database>;

const fmt = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

interface ChildRow {
  pupil: number;
  given: string;
  family: string;
  className: string;
  school: string;
  hovudmaal: 'nb' | 'nn';
  address: string | null;
  postalCode: string | null;
  postalPlace: string | null;
  email: string | null;
  phone: string | null;
}

const WORDS = {
  nb: {
    title: 'Velkomstbrev skoleåret {year}',
    to: 'Til foresatte for {name}',
    intro:
      'Velkommen til et nytt skoleår ved {school}! Her er det viktigste for høsten. Ta gjerne kontakt hvis noe er uklart.',
    classHeading: 'Klassen',
    klass: 'Klasse',
    start: 'Første skoledag',
    end: 'Siste skoledag',
    practical: 'Praktisk informasjon',
    p1: 'Skolen bruker Skolebro til beskjeder, fravær, samtykker og dokumenter. Se over at e-post og mobilnummer er riktige under «Kontaktkort».',
    p2: 'Er barnet sykt, gir du beskjed til skolen samme morgen. Søknad om permisjon sender du i god tid.',
    contact: 'Kontakt skolen',
    phone: 'Telefon',
    email: 'E-post',
    footer: '{school} · Brevet er laget i Skolebro og gjelder alle foresatte med tilgang til barnet.',
  },
  nn: {
    title: 'Velkomstbrev skuleåret {year}',
    to: 'Til føresette for {name}',
    intro:
      'Velkomen til eit nytt skuleår ved {school}! Her er det viktigaste for hausten. Ta gjerne kontakt om noko er uklart.',
    classHeading: 'Klassen',
    klass: 'Klasse',
    start: 'Første skuledag',
    end: 'Siste skuledag',
    practical: 'Praktisk informasjon',
    p1: 'Skulen bruker Skolebro til beskjedar, fråvær, samtykke og dokument. Sjå over at e-post og mobilnummer er rette under «Kontaktkort».',
    p2: 'Er barnet sjukt, gjev du beskjed til skulen same morgon. Søknad om permisjon sender du i god tid.',
    contact: 'Kontakt skulen',
    phone: 'Telefon',
    email: 'E-post',
    footer: '{school} · Brevet er laga i Skolebro og gjeld alle føresette med tilgang til barnet.',
  },
};

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);

/**
 * A welcome letter for each current child of the fixed demo guardians (Kari and Ola Nordmann), in the
 * school's hovudmål, dated a week before the first school day. A handful of PDFs, same text every time.
 */
export async function seedDocuments(trx: Trx, today: string): Promise<number> {
  const numbers = DEMO_LOGINS.filter((l) => l.key === 'guardian' || l.key === 'guardian-private').map(
    (l) => l.fodselsnummer!,
  );
  const rows: ChildRow[] = await trx
    .selectFrom('person as g')
    .innerJoin('guardian_relation as r', 'r.guardian_id', 'g.id')
    .innerJoin('person as p', 'p.id', 'r.pupil_id')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select([
      'p.id as pupil',
      'p.given_name as given',
      'p.family_name as family',
      'c.name as className',
      's.name as school',
      's.hovudmaal',
      's.address_line as address',
      's.postal_code as postalCode',
      's.postal_place as postalPlace',
      's.email',
      's.phone',
    ])
    .where('g.fodselsnummer', 'in', numbers)
    .where('r.blocked', '=', false)
    .where(activeOn('e', today))
    .distinct()
    .orderBy('p.id')
    .execute();

  const year = schoolYearFor(today);
  const dated = addDays(year.startsOn, -7) < today ? addDays(year.startsOn, -7) : today;
  const createdAt = new Date(`${dated}T08:00:00Z`);
  for (const child of rows) {
    const w = WORDS[child.hovudmaal];
    const name = `${child.given} ${child.family}`;
    const title = fill(w.title, { year: year.name });
    const letter: Letter = {
      lang: child.hovudmaal,
      sender: [
        child.school,
        child.address ?? '',
        [child.postalCode, child.postalPlace].filter(Boolean).join(' '),
      ].filter(Boolean),
      recipient: [fill(w.to, { name }), `${child.school}, ${child.className}`],
      date: fmt(dated),
      title,
      intro: fill(w.intro, { school: child.school }),
      sections: [
        {
          heading: w.classHeading,
          rows: [
            { label: w.klass, value: child.className },
            { label: w.start, value: fmt(year.startsOn) },
            { label: w.end, value: fmt(year.endsOn) },
          ],
        },
        {
          heading: w.practical,
          rows: [
            { label: '', value: w.p1 },
            { label: '', value: w.p2 },
          ],
        },
        {
          heading: w.contact,
          rows: [
            ...(child.phone ? [{ label: w.phone, value: child.phone }] : []),
            ...(child.email ? [{ label: w.email, value: child.email }] : []),
          ],
        },
      ].filter((section) => section.rows.length > 0),
      footer: fill(w.footer, { school: child.school }),
    };
    await storeDocument(trx, {
      pupilId: child.pupil,
      guardianId: null,
      kind: 'letter',
      title,
      filename: `${title} – ${child.given}.pdf`,
      contentType: 'application/pdf',
      content: await renderLetterPdf(letter, { now: createdAt }),
      createdBy: null,
      createdAt,
    });
  }
  return rows.length;
}
