import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { letterDepsFromConfig } from '../../src/domain/letters/deps.ts';
import { type DigitalLetter, PermanentSendError } from '../../src/domain/letters/digital-post.ts';
import { EFormidlingDigitalPostClient, eformidlingMessageId } from '../../src/domain/letters/eformidling.ts';
import { startEFormidlingDevServer } from '../../src/domain/letters/eformidling-dev-server.ts';
import { dispatchLetters } from '../../src/domain/letters/dispatch.ts';
import { createDemoTestDb, createTestDb } from '../support/db.ts';
import { addVedtak, childOf, devDeps, dispatchOf, NOW, personByName } from '../support/letters.ts';

const ip = await startEFormidlingDevServer({ clock: () => NOW });
after(() => ip.close());
const client = new EFormidlingDigitalPostClient({ url: ip.url }, () => NOW);

let n = 0;
const pdf = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.7\n${text}\n\u00ff\u0000\u0080%%EOF`, 'latin1'));
const letter = (overrides: Partial<DigitalLetter> = {}): DigitalLetter => ({
  reference: `skolebro-vedtak-test-${++n}`,
  recipientFnr: '14838400052',
  mailbox: { address: 'kari.nordmann#1234', providerAddress: '984661185' },
  sender: { name: 'Bjørkelia skole', orgNumber: '974760673' },
  title: 'Vedtak om permisjon',
  filename: 'vedtak-sofie.pdf',
  content: pdf(`letter ${n}`),
  notification: { email: 'kari@example.invalid', mobile: '+4791234567' },
  ...overrides,
});
const since = (mark: number) => ip.requests.slice(mark).map((r) => r.replace(/[0-9a-f-]{36}/, '{id}'));
const statuses = (messageId: string) => ip.messages.get(messageId)?.statuses.map((s) => s.status);

test('a letter goes through create, upload and send: the integrasjonspunkt gets the SBD and the exact PDF', async () => {
  const l = letter({ title: 'Vedtak om permisjon for Åse', filename: 'vedtak-åse "1".pdf' });
  const mark = ip.requests.length;
  const { messageId } = await client.send(l);

  assert.match(messageId, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUID v5');
  assert.equal(messageId, eformidlingMessageId(l), 'derived from the reference, so a resend finds it');
  assert.deepEqual(since(mark), [
    'POST /api/messages/out',
    'PUT /api/messages/out/{id}',
    'POST /api/messages/out/{id}',
  ]);
  const m = ip.messages.get(messageId)!;
  const header = m.sbd.standardBusinessDocumentHeader as unknown as Record<string, any>;
  assert.deepEqual(header.receiver, [{ identifier: { authority: 'iso6523-actorid-upis', value: '14838400052' } }]);
  assert.equal(header.sender, undefined, 'no sender configured: the integrasjonspunkt uses its own org number');
  assert.equal(header.documentIdentification.standard, 'urn:no:difi:digitalpost:xsd:digital::digital');
  assert.equal(header.documentIdentification.type, 'digital');
  assert.equal(header.documentIdentification.instanceIdentifier, messageId);
  assert.deepEqual(header.businessScope.scope, [
    {
      type: 'ConversationId',
      instanceIdentifier: messageId,
      identifier: 'urn:no:difi:profile:digitalpost:vedtak:ver1.0',
    },
  ]);
  const digital = (m.sbd as unknown as { digital: Record<string, any> }).digital;
  assert.equal(digital.tittel, 'Vedtak om permisjon for Åse');
  assert.equal(digital.hoveddokument, 'vedtak-åse "1".pdf');
  assert.equal(digital.sikkerhetsnivaa, 3);
  assert.deepEqual(digital.digitalPostInfo, { virkningsdato: '2026-11-25', aapningskvittering: true });
  assert.match(digital.varsler.smsTekst, /Bjørkelia skole/);

  assert.equal(m.files.length, 1);
  assert.equal(m.files[0]!.filename, 'vedtak-åse "1".pdf', 'the non-ASCII filename survives (filename*)');
  assert.equal(m.files[0]!.title, 'Vedtak om permisjon for Åse');
  assert.equal(m.files[0]!.contentType, 'application/pdf');
  assert.deepEqual(Buffer.from(m.files[0]!.content), Buffer.from(l.content), 'the PDF byte for byte');
  assert.deepEqual(statuses(messageId), ['OPPRETTET', 'SENDT', 'LEVERT']);
});

test('a resend of the same reference is delivered once, and finishes what a crashed attempt left undone', async () => {
  const l = letter();
  const first = await client.send(l);
  const mark = ip.requests.length;
  const again = await client.send({ ...l, content: pdf('another rendering') });
  assert.equal(again.messageId, first.messageId);
  assert.deepEqual(since(mark), ['POST /api/messages/out', 'GET /api/statuses'], 'no second upload or send');
  assert.deepEqual(statuses(first.messageId), ['OPPRETTET', 'SENDT', 'LEVERT']);
  assert.equal(ip.messages.get(first.messageId)!.files.length, 1);

  // A crash after the upload, before the send: the resend sends it (the duplicate upload is accepted as done).
  const crashed = letter();
  const id = eformidlingMessageId(crashed);
  await post('/api/messages/out', client.businessDocument(crashed, id));
  const upload = await fetch(`${ip.url}/api/messages/out/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${crashed.filename}"` },
    body: new Uint8Array(crashed.content),
  });
  assert.equal(upload.status, 200);
  assert.equal((await client.send(crashed)).messageId, id);
  assert.deepEqual(statuses(id), ['OPPRETTET', 'SENDT', 'LEVERT']);
  assert.equal(ip.messages.get(id)!.files.length, 1);

  // A crash right after the create: the resend uploads and sends.
  const created = letter();
  await post('/api/messages/out', client.businessDocument(created, eformidlingMessageId(created)));
  await client.send(created);
  assert.deepEqual(statuses(eformidlingMessageId(created)), ['OPPRETTET', 'SENDT', 'LEVERT']);
});

test('openedAt: null until the opening receipt (LEST) arrives, then its time', async () => {
  const { messageId } = await client.send(letter());
  assert.equal(await client.openedAt(messageId), null, 'LEVERT is not opened');
  const read = new Date('2026-11-26T18:30:00Z');
  ip.markRead(messageId, read);
  assert.equal((await client.openedAt(messageId))?.toISOString(), read.toISOString());
  assert.equal(await client.openedAt('0e4b8f3a-1111-4222-8333-944455556666'), null, 'an unknown message');
});

test('renotify asks nothing of the integrasjonspunkt: DPI repeats the notice itself after 7 days', async () => {
  const { messageId } = await client.send(letter());
  const mark = ip.requests.length;
  await client.renotify(messageId, { email: 'kari@example.invalid', mobile: null });
  assert.deepEqual(since(mark), []);
});

test('a request the integrasjonspunkt refuses (400) is a PermanentSendError: the letter goes on paper', async () => {
  await assert.rejects(client.send(letter({ recipientFnr: '123' })), (error: Error) => {
    assert.ok(error instanceof PermanentSendError);
    assert.match(error.message, /create answered 400 \(ConstraintViolationException\)/);
    assert.doesNotMatch(error.message, /123/, 'nothing of the recipient in the message');
    return true;
  });
  const failed = letter();
  const { messageId } = await client.send(failed);
  ip.fail(messageId, 'mailbox closed');
  await assert.rejects(client.send(failed), PermanentSendError, 'a resend of a message that failed for good');
});

test('503 and an unreachable integrasjonspunkt are retryable errors; the retry delivers once', async () => {
  const l = letter();
  ip.failNext(503);
  await assert.rejects(client.send(l), (error: Error) => {
    assert.ok(!(error instanceof PermanentSendError));
    assert.match(error.message, /create answered 503/);
    return true;
  });
  await client.send(l);
  assert.deepEqual(statuses(eformidlingMessageId(l)), ['OPPRETTET', 'SENDT', 'LEVERT']);

  const gone = await startEFormidlingDevServer();
  await gone.close();
  const unreachable = new EFormidlingDigitalPostClient({ url: gone.url, timeoutMs: 2000 });
  await assert.rejects(unreachable.send(letter()), (error: Error) => {
    assert.ok(!(error instanceof PermanentSendError));
    assert.match(error.message, /eFormidling create failed/);
    return true;
  });
  await assert.rejects(unreachable.openedAt('0e4b8f3a-1111-4222-8333-944455556666'), /eFormidling status failed/);
});

test('the double validates like the integrasjonspunkt: missing fields are a 400 naming them', async () => {
  const l = letter();
  const sbd = client.businessDocument(l, eformidlingMessageId(l)) as unknown as { digital: Record<string, unknown> };
  delete sbd.digital.tittel;
  delete sbd.digital.digitalPostInfo;
  const response = await post('/api/messages/out', sbd);
  assert.equal(response.status, 400);
  const body = (await response.json()) as { message: string };
  assert.match(body.message, /digital\.tittel/);
  assert.match(body.message, /virkningsdato/);
  const noFile = letter();
  const id = eformidlingMessageId(noFile);
  assert.equal((await post('/api/messages/out', client.businessDocument(noFile, id))).status, 200);
  const send = await post(`/api/messages/out/${id}`, undefined);
  assert.equal(send.status, 400, 'no primary document');
  assert.match(((await send.json()) as { exception: string }).exception, /MissingPrimaryDocumentException/);
});

test('the dispatcher sends a vedtak through eFormidling and keeps its message id', async () => {
  const db = await createDemoTestDb('2026-11-25');
  const kari = await personByName(db, 'Kari', 'Nordmann');
  const documentId = await addVedtak(db, await childOf(db, kari.id, 'Sofie'), kari.id);
  await dispatchLetters(db, devDeps(db, { digitalPost: client }), NOW);

  const row = await dispatchOf(db, documentId);
  assert.equal(row.status, 'sent');
  assert.equal(row.channel, 'digital_post');
  const m = ip.messages.get(row.message_id!)!;
  assert.ok(m, 'the message id is the integrasjonspunkt’s');
  const header = m.sbd.standardBusinessDocumentHeader as unknown as Record<string, any>;
  assert.equal(header.receiver[0].identifier.value, kari.fodselsnummer);
  const doc = await db.selectFrom('document').select('content').where('id', '=', documentId).executeTakeFirstOrThrow();
  assert.deepEqual(Buffer.from(m.files[0]!.content), Buffer.from(doc.content));
  assert.equal(
    await db
      .selectFrom('dev_digital_post')
      .select('id')
      .where('reference', '=', `skolebro-vedtak-${documentId}`)
      .executeTakeFirst(),
    undefined,
    'not in the development mailbox',
  );
});

test('configuration: EFORMIDLING_URL selects the adapter, also in production; the sender org number goes in the SBD', async () => {
  const db = await createTestDb();
  const production = {
    NODE_ENV: 'production',
    IDPORTEN_ISSUER: 'https://idporten.no',
    IDPORTEN_CLIENT_ID: 'a',
    IDPORTEN_CLIENT_SECRET: 'b',
    FEIDE_ISSUER: 'https://auth.dataporten.no',
    FEIDE_CLIENT_ID: 'c',
    FEIDE_CLIENT_SECRET: 'd',
  };
  assert.equal(letterDepsFromConfig(loadConfig(production), db).digitalPost, null, 'unchanged without it');
  const deps = letterDepsFromConfig(
    loadConfig({ ...production, EFORMIDLING_URL: ip.url, EFORMIDLING_ORG_NUMBER: '964338531' }),
    db,
  );
  assert.ok(deps.digitalPost instanceof EFormidlingDigitalPostClient);
  const { messageId } = await deps.digitalPost.send(letter());
  const header = ip.messages.get(messageId)!.sbd.standardBusinessDocumentHeader as unknown as Record<string, any>;
  assert.deepEqual(header.sender, [{ identifier: { authority: 'iso6523-actorid-upis', value: '0192:964338531' } }]);
  assert.throws(() => loadConfig({ EFORMIDLING_URL: ip.url, EFORMIDLING_ORG_NUMBER: '12345' }), ConfigError);
});

test('user:password in EFORMIDLING_URL becomes HTTP Basic authentication, not part of the URL', async () => {
  const seen: (string | null)[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    assert.doesNotMatch(String(input), /@/);
    seen.push(new Headers(init?.headers).get('authorization'));
    return original(input, init);
  }) as typeof fetch;
  try {
    const url = new URL(ip.url);
    url.username = 'skolebro';
    url.password = 'hemmelig ø';
    await new EFormidlingDigitalPostClient({ url: url.href }, () => NOW).send(letter());
  } finally {
    globalThis.fetch = original;
  }
  assert.equal(seen.length, 3);
  assert.ok(seen.every((h) => h === `Basic ${Buffer.from('skolebro:hemmelig ø').toString('base64')}`));
});

function post(path: string, body: unknown) {
  return fetch(`${ip.url}${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
