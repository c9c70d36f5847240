import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { requireGuardianChild } from '../../src/domain/guardian/child.ts';
import { childNewsAttachment, listChildNews } from '../../src/domain/news/feed.ts';
import { findManagedNews, listManagedNews } from '../../src/domain/news/manage.ts';
import {
  ATTACHMENT_MAX_BYTES,
  deleteNews,
  parseNews,
  publishNews,
  type NewsInput,
  type UploadedFile,
} from '../../src/domain/news/publish.ts';
import { listNewsScopes, requireNewsScope } from '../../src/domain/news/scopes.ts';
import { parseWeek } from '../../src/domain/news/week.ts';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T09:00:00+01:00');
const db = await createDemoTestDb(TODAY);

const staff = async (key: DemoLoginKey) => (await loadActor(db, await loginPersonId(db, key), 'feide', TODAY))!;
const bjorkelia = (
  await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
).id;
const classId = async (name: string) =>
  (
    await db
      .selectFrom('class')
      .select('id')
      .where('school_id', '=', bjorkelia)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const class5a = await classId('5A');
const rektor = await staff('leadership');
const marius = await staff('contact-teacher');
const pdf = Buffer.from(await (await PDFDocument.create()).save());

/** A guardian with access of some pupil matching `where`, and that pupil as the guardian's child. */
async function familyWhere(condition: ReturnType<typeof sql<boolean>>) {
  const { rows } = await sql<{ guardian_id: number; pupil_id: number }>`
    select r.guardian_id, r.pupil_id from guardian_relation r join enrolment e on e.pupil_id = r.pupil_id and e.ends_on is null
    where r.parental_responsibility and not r.blocked and not r.contact_person_only and ${condition} order by r.pupil_id, r.guardian_id limit 1`.execute(
    db,
  );
  const actor = (await loadActor(db, rows[0]!.guardian_id, 'idporten', TODAY))!;
  return { actor, child: await requireGuardianChild(db, actor, rows[0]!.pupil_id, TODAY) };
}

const input = (over: Partial<NewsInput> = {}): NewsInput => ({
  scope: `class:${class5a}`,
  kind: 'weekly_plan',
  title: 'Ukeplan 5A',
  body: 'Lekser: les side 12.',
  week: '49',
  ...over,
});
const file = (bytes: Uint8Array, filename = 'ukeplan.pdf'): UploadedFile => ({ filename, bytes });

async function publish(actor: Actor, values: Partial<NewsInput>, upload: UploadedFile | null = null) {
  const parsed = parseNews(input(values), upload, TODAY);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  return publishNews(
    db,
    actor,
    await requireNewsScope(db, actor, input(values).scope, TODAY),
    parsed.values,
    TODAY,
    NOW,
  );
}

const in5a = await familyWhere(sql<boolean>`e.class_id = ${class5a}`);
const in5b = await familyWhere(sql<boolean>`e.class_id = ${await classId('5B')}`);
let plan = 0;

test('a weekly plan for a class reaches the guardians of that class only, with its PDF', async () => {
  const { id, notified } = await publish(rektor, {}, file(pdf));
  plan = id;
  const { rows } = await sql<{
    n: number;
  }>`select count(distinct r.guardian_id)::int as n from guardian_relation r join enrolment e on e.pupil_id = r.pupil_id
    where e.class_id = ${class5a} and e.ends_on is null and r.parental_responsibility and not r.blocked and not r.contact_person_only`.execute(
    db,
  );
  assert.equal(notified, Number(rows[0]!.n), 'one notification per guardian of 5A');
  const outbox = await db
    .selectFrom('outbox')
    .select(['category', 'event_type', 'pupil_id'])
    .where('idempotency_key', 'like', `news:${id}:%`)
    .execute();
  assert.equal(outbox.length, notified);
  assert.ok(outbox.every((o) => o.category === 'news' && o.event_type === 'news.published'));

  const seen = await listChildNews(db, in5a.child, 1);
  const post = seen.items.find((p) => p.id === id)!;
  assert.equal(post.week, '2026-W49');
  assert.equal(post.scopeName, '5A');
  assert.equal(post.attachments.length, 1);
  const download = await childNewsAttachment(db, in5a.child, id, post.attachments[0]!.id);
  assert.deepEqual(Buffer.from(download.content), pdf);
  assert.equal(download.filename, 'ukeplan.pdf');

  assert.ok(!(await listChildNews(db, in5b.child, 1)).items.some((p) => p.id === id), "5B does not see 5A's plan");
  await assert.rejects(
    childNewsAttachment(db, in5b.child, id, post.attachments[0]!.id),
    NotFoundError,
    'nor its attachment',
  );
});

test('school news reaches every child of the school; SFO news only children with an SFO place', async () => {
  const school = await publish(rektor, {
    scope: `school:${bjorkelia}`,
    kind: 'news',
    title: 'Juleavslutning',
    week: '',
  });
  for (const family of [in5a, in5b])
    assert.equal((await listChildNews(db, family.child, 1)).items[0]!.id, school.id, 'newest first');
  const kari = (await loadActor(db, await loginPersonId(db, 'guardian'), 'idporten', TODAY))!;
  const jonas = (
    await db
      .selectFrom('person')
      .select('id')
      .where('given_name', '=', 'Jonas')
      .where('family_name', '=', 'Nordmann')
      .executeTakeFirstOrThrow()
  ).id;
  assert.ok(
    !(await listChildNews(db, await requireGuardianChild(db, kari, jonas, TODAY), 1)).items.some(
      (p) => p.id === school.id,
    ),
    "Fjellheim does not see Bjørkelia's news",
  );

  const berit = await staff('sfo-leader');
  const [sfoScope] = await listNewsScopes(db, berit, TODAY);
  assert.equal(sfoScope!.scope, 'sfo');
  const sfo = await publish(berit, { scope: sfoScope!.key, kind: 'news', title: 'Pysjamasdag', week: '' });
  const withSfo = await familyWhere(
    sql<boolean>`e.school_id = ${bjorkelia} and exists (select 1 from sfo_enrolment f where f.pupil_id = r.pupil_id and f.sfo_id = ${sfoScope!.sfoId} and f.ends_on is null)`,
  );
  const withoutSfo = await familyWhere(
    sql<boolean>`e.school_id = ${bjorkelia} and not exists (select 1 from sfo_enrolment f where f.pupil_id = r.pupil_id)`,
  );
  assert.ok((await listChildNews(db, withSfo.child, 1)).items.some((p) => p.id === sfo.id));
  assert.ok(!(await listChildNews(db, withoutSfo.child, 1)).items.some((p) => p.id === sfo.id));
});

test('who may publish for what, and manage it', async () => {
  const keys = async (actor: Actor) => (await listNewsScopes(db, actor, TODAY)).map((s) => s.key);
  assert.deepEqual(await keys(marius), [`class:${class5a}`]);
  const rektorKeys = await keys(rektor);
  assert.ok(
    rektorKeys.includes(`school:${bjorkelia}`) &&
      rektorKeys.includes(`class:${await classId('7A')}`) &&
      rektorKeys.some((k) => k.startsWith('sfo:')),
  );
  assert.deepEqual(await keys(await staff('teacher')), [], 'a subject teacher without a class');
  assert.deepEqual(await keys(await staff('school-owner')), []);
  await assert.rejects(requireNewsScope(db, marius, `class:${await classId('5B')}`, TODAY), NotFoundError);

  assert.equal(
    (await findManagedNews(db, marius, plan)).role,
    'contact_teacher',
    'the contact teacher manages posts for the class',
  );
  const schoolPost = (await listManagedNews(db, rektor, 1)).items.find((p) => p.scope === 'school')!;
  await assert.rejects(findManagedNews(db, marius, schoolPost.id), NotFoundError, "but not the school's");
  assert.ok(!(await listManagedNews(db, marius, 1)).items.some((p) => p.scope !== 'class'));
});

test('a deleted post and its attachment are gone for guardians', async () => {
  const { id } = await publish(marius, { title: 'Feil ukeplan', week: '50' }, file(pdf, 'feil.pdf'));
  const post = (await listChildNews(db, in5a.child, 1)).items.find((p) => p.id === id)!;
  await deleteNews(db, marius, await findManagedNews(db, marius, id), NOW);
  assert.ok(!(await listChildNews(db, in5a.child, 1)).items.some((p) => p.id === id));
  await assert.rejects(childNewsAttachment(db, in5a.child, id, post.attachments[0]!.id), NotFoundError);
  await assert.rejects(findManagedNews(db, marius, id), NotFoundError);
  assert.ok(
    await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'news.delete')
      .where('record_id', '=', String(id))
      .executeTakeFirst(),
  );
});

test('the form is checked: a PDF by its bytes, at most 10 MB, a week for a weekly plan', () => {
  const errors = (over: Partial<NewsInput>, upload: UploadedFile | null = null) => {
    const parsed = parseNews(input(over), upload, TODAY);
    return parsed.ok ? {} : parsed.errors;
  };
  assert.deepEqual(
    errors({}, file(Buffer.from('<html>not a pdf</html>'), 'plan.pdf')),
    { file: 'not_pdf' },
    'a .pdf name is not enough',
  );
  assert.deepEqual(errors({}, file(new Uint8Array(ATTACHMENT_MAX_BYTES + 1).fill(0x25))), { file: 'too_large' });
  assert.deepEqual(errors({}, file(new Uint8Array(0))), { file: 'empty' });
  assert.deepEqual(errors({ week: '' }), { week: 'required' });
  assert.deepEqual(errors({ week: 'neste uke' }), { week: 'week' });
  assert.deepEqual(errors({ kind: 'news', week: '', body: '' }), { body: 'body_or_file' });
  assert.deepEqual(errors({ kind: 'news', week: '', body: '' }, file(pdf)), {}, 'a PDF alone is enough');
  assert.deepEqual(errors({ scope: '', title: '' }), { scope: 'required', title: 'required' });
  assert.deepEqual(errors({ body: 'x'.repeat(8001) }), { body: 'too_long' });
});

test('weeks are read as teachers write them', () => {
  assert.equal(parseWeek('49', TODAY), '2026-W49');
  assert.equal(parseWeek('uke 2', TODAY), '2027-W02', 'in November, week 2 is next January');
  assert.equal(parseWeek('Veke 47', TODAY), '2026-W47');
  assert.equal(parseWeek('2026-W53', TODAY), '2026-W53');
  assert.equal(parseWeek('53/2027', TODAY), null, '2027 has 52 weeks');
  assert.equal(parseWeek('0', TODAY), null);
  assert.equal(parseWeek('48 2025', TODAY), '2025-W48');
});
