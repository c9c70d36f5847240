import type { Db } from '../../src/db/database.ts';
import type { KrrPersonTable } from '../../src/db/schema.ts';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import { renderLetterPdf } from '../../src/domain/documents/pdf.ts';
import { storeDocument } from '../../src/domain/documents/store.ts';
import { DevDigitalPostClient } from '../../src/domain/letters/digital-post.ts';
import { DevKrrClient, type KrrPerson } from '../../src/domain/letters/krr.ts';
import type { LetterDeps } from '../../src/domain/letters/deps.ts';

/** Helpers for the letters tests (D3, D4): vedtak documents made the way any decision area makes them. */

export const TODAY = '2026-11-25';
export const NOW = new Date('2026-11-25T09:00:00+01:00');

export async function personByName(
  db: Db,
  given: string,
  family: string,
): Promise<{ id: number; fodselsnummer: string; address: string; postal: string }> {
  const p = await db
    .selectFrom('person')
    .select(['id', 'fodselsnummer', 'address_line', 'postal_code', 'postal_place'])
    .where('given_name', '=', given)
    .where('family_name', '=', family)
    .where((eb) =>
      eb.exists(eb.selectFrom('guardian_relation as r').select('r.id').whereRef('r.guardian_id', '=', 'person.id')),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return {
    id: p.id,
    fodselsnummer: p.fodselsnummer!,
    address: p.address_line ?? '',
    postal: `${p.postal_code} ${p.postal_place}`,
  };
}

export async function childOf(db: Db, guardianId: number, given: string): Promise<number> {
  return (
    await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', guardianId)
      .where('p.given_name', '=', given)
      .executeTakeFirstOrThrow()
  ).id;
}

/** A vedtak PDF (with `pages` pages) to one guardian, stored as a document of kind 'vedtak'. */
export async function addVedtak(
  db: Db,
  pupilId: number,
  guardianId: number,
  options: { title?: string; pages?: number } = {},
): Promise<number> {
  const guardian = await db
    .selectFrom('person')
    .select(['given_name', 'family_name'])
    .where('id', '=', guardianId)
    .executeTakeFirstOrThrow();
  const title = options.title ?? 'Vedtak om permisjon';
  const filler = Array.from({ length: Math.max(0, (options.pages ?? 1) - 1) * 40 }, (_, i) => ({
    label: '',
    value: `Avsnitt ${i + 1} av begrunnelsen for vedtaket.`,
  }));
  const content = await renderLetterPdf(
    {
      sender: ['Bjørkelia skole'],
      recipient: [`${guardian.given_name} ${guardian.family_name}`],
      date: '25.11.2026',
      title,
      sections: [{ heading: 'Vedtak', rows: [{ label: '', value: 'Søknaden er innvilget.' }, ...filler] }],
    },
    { now: NOW },
  );
  const { id } = await storeDocument(db, {
    pupilId,
    guardianId,
    kind: 'vedtak',
    title,
    filename: 'vedtak.pdf',
    contentType: 'application/pdf',
    content,
    createdBy: null,
    createdAt: NOW,
  });
  return id;
}

/** Sets (or creates) a person's row in the development KRR. */
export async function setKrr(
  db: Db,
  fodselsnummer: string,
  values: Partial<Omit<KrrPersonTable, 'personidentifikator'>>,
): Promise<void> {
  const row = {
    reservasjon: 'NEI' as const,
    status: 'AKTIV' as const,
    varslingsstatus: 'KAN_VARSLES' as const,
    ...values,
  };
  await db
    .insertInto('krr_person')
    .values({ personidentifikator: fodselsnummer, ...row })
    .onConflict((oc) => oc.column('personidentifikator').doUpdateSet(values))
    .execute();
}

/** The development KRR and mailbox, counting KRR calls (the dispatcher must look a batch up in ONE call). */
export function devDeps(db: Db, overrides: Partial<LetterDeps> = {}): LetterDeps & { krrCalls: string[][] } {
  const krr = new DevKrrClient(db);
  const krrCalls: string[][] = [];
  return {
    krr: {
      lookup: (fnrs: string[]): Promise<Map<string, KrrPerson>> => {
        krrCalls.push(fnrs);
        return krr.lookup(fnrs);
      },
    },
    digitalPost: new DevDigitalPostClient(db, () => NOW),
    krrCalls,
    ...overrides,
  };
}

export async function dispatchOf(db: Db, documentId: number) {
  return db.selectFrom('letter_dispatch').selectAll().where('document_id', '=', documentId).executeTakeFirstOrThrow();
}

export async function leaderActor(db: Db, personId: number): Promise<Actor> {
  return (await loadActor(db, personId, 'feide', TODAY))!;
}
