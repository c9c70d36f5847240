import { loadActor, todayInOslo, type Actor } from '../../domain/access/actor.ts';
import { seedCareActivity } from './care-activity.ts';
import { listBroadcastAudiences } from '../../domain/broadcasts/audience.ts';
import { sendBroadcast } from '../../domain/broadcasts/send.ts';
import { requireGuardianChild } from '../../domain/guardian/child.ts';
import { startStaffThread, replyToThread } from '../../domain/messages/send.ts';
import { requireChildThread } from '../../domain/messages/threads.ts';
import { publishNews } from '../../domain/news/publish.ts';
import { listNewsScopes } from '../../domain/news/scopes.ts';
import { contactTeacherIdsForPupil } from '../../domain/notifications/outbox.ts';
import type { Db } from '../database.ts';
import { DEMO_LOGINS } from './demo.ts';
import { seedSfoActivity } from './sfo-activity.ts';
import { seedDemoStarter } from './starter-activity.ts';
import { seedSfoSupportActivity } from './sfo-support-activity.ts';

/**
 * What a school's week leaves behind, for the demo only (`npm start` on an empty database; never in the tests'
 * seed, whose counts they rely on): a notice and a weekly plan for Marius Fossum's class, and a message thread
 * in Sofie Nordmann's book between her contact teacher and Kari. Written through the domain functions, so the
 * outbox rows exist and the delivery worker sends their SMS and e-mail (see /dev/sms and /dev/mail).
 */
export async function seedDemoActivity(db: Db, now = new Date()): Promise<void> {
  const today = todayInOslo(now);
  // First, so the summer SFO registration (seedSfoSupportActivity) reaches the skolestarter's guardians too.
  await seedDemoStarter(db, now);
  await seedSfoActivity(db, now);
  const personOf = async (key: string) => {
    const login = DEMO_LOGINS.find((l) => l.key === key)!;
    const row = await db
      .selectFrom('person')
      .select('id')
      .where('fodselsnummer', '=', login.fodselsnummer!)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const staff = async (personId: number): Promise<Actor> => (await loadActor(db, personId, 'feide', today))!;
  await seedSfoSupportActivity(db, now);
  await seedCareActivity(db, now);

  const marius = await staff(await personOf('contact-teacher'));
  const audience = (await listBroadcastAudiences(db, marius, today)).find((a) => a.kind === 'class');
  if (audience) {
    await sendBroadcast(
      db,
      marius,
      audience,
      {
        subject: 'Turdag i skogen fredag',
        body: 'På fredag går vi til Bjørkeliaskogen hele dagen. Husk matpakke, drikke og klær etter været. Vi er tilbake på skolen kl. 14.',
      },
      today,
      now,
    );
  }
  const scope = (await listNewsScopes(db, marius, today)).find((s) => s.scope === 'class');
  if (scope) {
    await publishNews(
      db,
      marius,
      scope,
      {
        kind: 'news',
        title: 'Velkommen til foreldremøte',
        week: null,
        attachment: null,
        body: 'Foreldremøtet for klassen er tirsdag kl. 18 i kantina. Vi snakker om turdager, lekser og klassemiljøet.',
      },
      today,
      now,
    );
  }

  const kari = (await loadActor(db, await personOf('guardian'), 'idporten', today))!;
  const sofie = await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', 'Sofie')
    .where('id', 'in', kari.guardianOf)
    .executeTakeFirst();
  if (!sofie) return;
  const [teacherId] = await contactTeacherIdsForPupil(db, sofie.id, today);
  if (teacherId === undefined) return;
  const thread = await startStaffThread(
    db,
    await staff(teacherId),
    sofie.id,
    {
      subject: 'Lesebok som er borte',
      body: 'Hei! Sofie finner ikke leseboka si på skolen. Kan dere se etter den hjemme?',
    },
    now,
    today,
  );
  const child = await requireGuardianChild(db, kari, sofie.id, today);
  const record = await requireChildThread(db, kari, child, thread.threadId);
  await replyToThread(
    db,
    kari,
    record,
    'Den lå under senga. Hun tar den med i morgen.',
    new Date(now.getTime() + 60_000),
    today,
  );
}
