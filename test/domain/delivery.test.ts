import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NotificationCategory } from '../../src/db/schema.ts';
import { runAbsenceFollowUp } from '../../src/domain/absence/follow-up.ts';
import { notifyConsentChanges } from '../../src/domain/consents/notify.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/contact/notification-settings.ts';
import { chooseChannel, type RecipientFacts } from '../../src/domain/delivery/channels.ts';
import { gsmLength, isGsm7 } from '../../src/domain/delivery/gsm.ts';
import { deliveryStatusFor, recordSmsDeliveryReport } from '../../src/domain/delivery/status.ts';
import { mailNotice, smsNotice } from '../../src/domain/delivery/texts.ts';
import { runOutbox } from '../../src/domain/delivery/worker.ts';
import { contactTeacherIdsForPupil, enqueueNotifications } from '../../src/domain/notifications/outbox.ts';
import { createDemoTestDb } from '../support/db.ts';
import { HOME_LINK, recordingMailer, testDeliveryDeps } from '../support/delivery.ts';
import { loginPersonId } from '../support/fixtures.ts';

const NOW = new Date('2026-11-25T11:00:00+01:00');
const ALL_CATEGORIES: NotificationCategory[] = ['messages', 'absence', 'news', 'decisions', 'consents', 'contact'];

// The demo data, for real outbox rows from real events.
const db = await createDemoTestDb('2026-11-25');
const kari = await loginPersonId(db, 'guardian');
const marius = await loginPersonId(db, 'contact-teacher');
const child = async (given: string) =>
  (
    await db
      .selectFrom('guardian_relation as g')
      .innerJoin('person as p', 'p.id', 'g.pupil_id')
      .select('p.id')
      .where('g.guardian_id', '=', kari)
      .where('p.given_name', '=', given)
      .executeTakeFirstOrThrow()
  ).id;
const sofie = await child('Sofie');
const [sofiesTeacher] = await contactTeacherIdsForPupil(db, sofie, '2026-11-25');
const enrolmentOf = async (pupil: number) =>
  db.selectFrom('enrolment').select(['school_id', 'class_id']).where('pupil_id', '=', pupil).executeTakeFirstOrThrow();
const smsOf = async (personId: number) => {
  const contact = await db
    .selectFrom('contact_info')
    .select(['mobile', 'email'])
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('dev_sms')
    .select(['text', 'to_number', 'reference'])
    .where('to_number', '=', contact.mobile!)
    .orderBy('id')
    .execute();
  return { contact, rows };
};

const guardianFacts = (
  over: Partial<RecipientFacts> = {},
  contact: Partial<NonNullable<RecipientFacts['contact']>> = {},
): RecipientFacts => ({
  category: 'messages',
  read: false,
  asGuardian: true,
  settings: DEFAULT_SETTINGS,
  contact: {
    email: 'kari@example.org',
    mobile: '+4791234567',
    smsEnabled: true,
    verifiedAt: null,
    updatedAt: new Date('2026-10-01T10:00:00Z'),
    ...contact,
  },
  ...over,
});

test('channel choice: SMS opt-out holds for every category; e-mail still goes where it is on', () => {
  for (const category of ALL_CATEGORIES) {
    const facts = guardianFacts({ category }, { smsEnabled: false });
    assert.deepEqual(chooseChannel('sms', facts, true, NOW), { send: false, reason: 'opted_out' }, category);
    assert.equal(chooseChannel('email', facts, true, NOW).send, true, category);
  }
});

test('channel choice: the setting per category, a missing mobile or address, staff, read and not configured', () => {
  assert.deepEqual(chooseChannel('sms', guardianFacts(), true, NOW), { send: true, to: '+4791234567' });
  assert.deepEqual(
    chooseChannel('sms', guardianFacts({ category: 'news' }), true, NOW),
    { send: false, reason: 'setting_off' },
    'news is off by SMS by default',
  );
  const noEmail = { ...DEFAULT_SETTINGS, email: { ...DEFAULT_SETTINGS.email, absence: false } };
  assert.deepEqual(chooseChannel('email', guardianFacts({ category: 'absence', settings: noEmail }), true, NOW), {
    send: false,
    reason: 'setting_off',
  });
  assert.deepEqual(chooseChannel('sms', guardianFacts({}, { mobile: null }), true, NOW), {
    send: false,
    reason: 'no_address',
  });
  assert.deepEqual(chooseChannel('email', guardianFacts({ contact: null }), true, NOW), {
    send: false,
    reason: 'no_address',
  });
  assert.deepEqual(
    chooseChannel('sms', guardianFacts({ asGuardian: false }), true, NOW),
    { send: false, reason: 'email_only' },
    'staff: e-mail only',
  );
  assert.equal(chooseChannel('email', guardianFacts({ asGuardian: false }), true, NOW).send, true);
  assert.deepEqual(chooseChannel('sms', guardianFacts({ category: 'consents' }), true, NOW), {
    send: false,
    reason: 'email_only',
  });
  const noMessagesMail = { ...DEFAULT_SETTINGS, email: { ...DEFAULT_SETTINGS.email, messages: false } };
  assert.deepEqual(
    chooseChannel('email', guardianFacts({ category: 'contact', settings: noMessagesMail }), true, NOW),
    { send: false, reason: 'setting_off' },
    'contact follows messages',
  );
  assert.deepEqual(chooseChannel('email', guardianFacts({ read: true }), true, NOW), { send: false, reason: 'read' });
  assert.deepEqual(chooseChannel('sms', guardianFacts(), false, NOW), { send: false, reason: 'not_configured' });
});

test('channel choice: decisions are not sent to contact data older than 18 months; other categories are', () => {
  const old = { updatedAt: new Date('2025-05-01T10:00:00Z'), verifiedAt: new Date('2025-05-20T10:00:00Z') };
  for (const channel of ['sms', 'email'] as const) {
    assert.deepEqual(
      chooseChannel(channel, guardianFacts({ category: 'decisions' }, old), true, NOW),
      { send: false, reason: 'unverified_contact' },
      channel,
    );
    assert.equal(chooseChannel(channel, guardianFacts({ category: 'messages' }, old), true, NOW).send, true, channel);
  }
  const verifiedRecently = {
    updatedAt: new Date('2024-01-01T10:00:00Z'),
    verifiedAt: new Date('2025-06-01T10:00:00Z'),
  };
  assert.equal(
    chooseChannel('sms', guardianFacts({ category: 'decisions' }, verifiedRecently), true, NOW).send,
    true,
    '17 months since verification',
  );
});

test('texts: the category, the school in its hovudmål and the link — one GSM-7 part even for a long school name', () => {
  const nb = smsNotice({ category: 'messages', school: { name: 'Bjørkelia skole', hovudmaal: 'nb' }, link: HOME_LINK });
  assert.equal(nb, `Ny melding fra Bjørkelia skole i Skolebro. Logg inn for å lese: ${HOME_LINK}`);
  const nn = smsNotice({ category: 'absence', school: { name: 'Fjellheim skule', hovudmaal: 'nn' }, link: HOME_LINK });
  assert.equal(nn, `Nytt om fråvær frå Fjellheim skule i Skolebro. Logg inn for å lese: ${HOME_LINK}`);
  const long = smsNotice({
    category: 'contact',
    school: { name: 'Čáhppesjávrri oahppogáldu '.repeat(6), hovudmaal: 'nb' },
    link: HOME_LINK,
  });
  assert.ok(isGsm7(long) && gsmLength(long) <= 160, long);
  assert.ok(long.endsWith(HOME_LINK));
  const mail = mailNotice({
    category: 'decisions',
    school: { name: 'Fjellheim skule', hovudmaal: 'nn' },
    link: HOME_LINK,
  });
  assert.equal(mail.subject, 'Nytt frå Fjellheim skule i Skolebro');
  assert.match(mail.text, /Nytt brev frå Fjellheim skule ventar på deg i Skolebro\./);
  assert.ok(mail.text.includes(HOME_LINK));
});

test('an absence follow-up and a consent change reach people with no name and no fødselsnummer in any SMS or e-mail', async () => {
  const { school_id } = await enrolmentOf(sofie);
  await db
    .insertInto('attendance')
    .values({
      pupil_id: sofie,
      school_id,
      date: '2026-11-25',
      lesson_id: null,
      status: 'absent',
      registered_by: marius,
    })
    .execute();
  await runAbsenceFollowUp(db, NOW);
  await db.transaction().execute((trx) =>
    notifyConsentChanges(
      trx,
      [
        {
          eventId: 999_001,
          pupilId: sofie,
          schoolId: school_id,
          kindergarten: false,
          guardianName: 'Kari Nordmann',
          typeKey: 'photo',
          typeName: { nb: 'Foto på nett', nn: 'Foto på nett', en: 'Photos online' },
          from: 'given',
          to: 'refused',
        },
      ],
      NOW,
    ),
  );
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'recipient_person_id', 'pupil_id', 'event_type'])
    .where('planned_at', 'is', null)
    .execute();
  assert.ok(rows.some((r) => r.event_type === 'absence.follow_up' && r.recipient_person_id === kari));
  assert.ok(rows.some((r) => r.event_type === 'consent.changed' && r.recipient_person_id === sofiesTeacher));

  const mailer = recordingMailer();
  const deps = testDeliveryDeps(db, { mailer });
  while ((await runOutbox(db, deps, NOW)).claimed > 0);

  const people = await db
    .selectFrom('person')
    .select(['given_name', 'family_name', 'fodselsnummer'])
    .where('id', 'in', [...new Set(rows.flatMap((r) => [r.recipient_person_id, r.pupil_id!]))])
    .execute();
  const sms = await db.selectFrom('dev_sms').select(['text', 'reference']).execute();
  const texts = [...sms.map((s) => s.text), ...mailer.sent.flatMap((m) => [m.subject, m.text])];
  assert.ok(sms.length >= 1 && mailer.sent.length >= 2, 'SMS and e-mail were sent');
  for (const text of texts) {
    assert.doesNotMatch(text, /\d{11}/, 'no 11-digit run');
    assert.doesNotMatch(text, /\d{6}\s?\d{5}/, 'no fødselsnummer written with a space');
    for (const p of people) {
      for (const name of [p.given_name, p.family_name, ...p.given_name.split(/\s+/)])
        assert.ok(!text.includes(name), `"${name}" in: ${text}`);
      if (p.fodselsnummer) assert.ok(!text.includes(p.fodselsnummer));
    }
    assert.ok(!text.includes('Foto') && !text.includes('free text'), 'no payload text');
  }
  const kariSms = await smsOf(kari);
  assert.deepEqual(
    kariSms.rows.map((r) => r.text),
    [`Nytt om fravær fra Bjørkelia skole i Skolebro. Logg inn for å lese: ${HOME_LINK}`],
  );
  const teacherMail = mailer.sent.find((m) => m.reference.startsWith('consent.changed:999001'));
  assert.equal(teacherMail?.subject, 'Nytt fra Bjørkelia skole i Skolebro');
  assert.equal((await smsOf(sofiesTeacher!)).rows.length, 0, 'the contact teacher gets e-mail only');
});

test('delivery status for the sender: queued, then sent per channel with the reason for a skipped one; SMS delivery reports', async () => {
  await db.updateTable('contact_info').set({ sms_enabled: false }).where('person_id', '=', marius).execute();
  const { school_id } = await enrolmentOf(sofie);
  await enqueueNotifications(db, [
    {
      recipientPersonId: kari,
      category: 'messages',
      eventType: 'message.sent',
      schoolId: school_id,
      pupilId: sofie,
      idempotencyKey: 'status-test:kari',
    },
    {
      recipientPersonId: marius,
      category: 'messages',
      eventType: 'message.sent',
      schoolId: school_id,
      pupilId: sofie,
      idempotencyKey: 'status-test:marius',
    },
  ]);
  const ids = await db
    .selectFrom('outbox')
    .select(['id', 'recipient_person_id'])
    .where('idempotency_key', 'like', 'status-test:%')
    .orderBy('id')
    .execute();
  const [kariRow, mariusRow] = [
    ids.find((r) => r.recipient_person_id === kari)!.id,
    ids.find((r) => r.recipient_person_id === marius)!.id,
  ];
  const before = await deliveryStatusFor(db, [kariRow, mariusRow, 987654321]);
  assert.equal(before.get(kariRow)?.sms.status, 'queued');
  assert.equal(before.has(987654321), false);

  const deps = testDeliveryDeps(db);
  while ((await runOutbox(db, deps, NOW)).claimed > 0);
  const after = await deliveryStatusFor(db, [kariRow, mariusRow]);
  assert.equal(after.get(kariRow)?.sms.status, 'sent');
  assert.equal(after.get(kariRow)?.email.status, 'sent');
  assert.deepEqual([after.get(mariusRow)?.sms.status, after.get(mariusRow)?.sms.skipReason], ['skipped', 'opted_out']);
  assert.equal(after.get(mariusRow)?.email.status, 'sent');

  const providerId = (
    await db
      .selectFrom('delivery')
      .select('provider_message_id')
      .where('outbox_id', '=', kariRow)
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow()
  ).provider_message_id!;
  assert.equal(await recordSmsDeliveryReport(db, providerId, 'delivered', NOW), true);
  assert.equal(await recordSmsDeliveryReport(db, 'no-such-id', 'delivered', NOW), false);
  assert.deepEqual((await deliveryStatusFor(db, [kariRow])).get(kariRow)?.sms.deliveredAt, NOW);
});

test('an SMS opt-out made after planning still holds for the send', async () => {
  const { school_id } = await enrolmentOf(sofie);
  await db.updateTable('contact_info').set({ sms_enabled: true }).where('person_id', '=', kari).execute();
  await enqueueNotifications(db, [
    {
      recipientPersonId: kari,
      category: 'messages',
      eventType: 'message.sent',
      schoolId: school_id,
      pupilId: sofie,
      idempotencyKey: 'late-opt-out:kari',
    },
  ]);
  const deps = testDeliveryDeps(db, { batchSize: 0 });
  await runOutbox(db, deps, NOW); // plans only
  await db.updateTable('contact_info').set({ sms_enabled: false }).where('person_id', '=', kari).execute();
  while ((await runOutbox(db, testDeliveryDeps(db), NOW)).claimed > 0);
  const sms = await db
    .selectFrom('delivery as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select(['d.status', 'd.skip_reason'])
    .where('o.idempotency_key', '=', 'late-opt-out:kari')
    .where('d.channel', '=', 'sms')
    .executeTakeFirstOrThrow();
  assert.deepEqual(sms, { status: 'skipped', skip_reason: 'opted_out' });
  assert.equal(
    (await db.selectFrom('dev_sms').select('id').where('reference', '=', 'late-opt-out:kari:sms').execute()).length,
    0,
  );
});
