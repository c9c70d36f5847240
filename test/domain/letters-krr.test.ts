import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { letterDepsFromConfig } from '../../src/domain/letters/deps.ts';
import { DevKrrClient, notRegistered, type KrrPerson } from '../../src/domain/letters/krr.ts';
import { HttpKrrClient, parseKrrPersons } from '../../src/domain/letters/krr-http.ts';
import { routeLetter } from '../../src/domain/letters/routing.ts';
import { createTestDb } from '../support/db.ts';

const NOW = new Date('2026-11-25T09:00:00+01:00');
const recent = new Date('2026-06-01T10:00:00Z');
const old = new Date('2025-05-01T10:00:00Z'); // more than 18 months before NOW
const person = (overrides: Partial<KrrPerson> = {}): KrrPerson => ({
  fodselsnummer: '14838400052',
  reservasjon: 'NEI',
  status: 'AKTIV',
  varslingsstatus: 'KAN_VARSLES',
  email: { value: 'kari@example.invalid', updatedAt: recent, verifiedAt: recent },
  mobile: { value: '+4791234567', updatedAt: recent, verifiedAt: recent },
  mailbox: { address: 'kari.nordmann#1234', providerAddress: '984661185' },
  sertifikat: null,
  spraak: 'nb',
  ...overrides,
});

test('routing by the KRR answer: only AKTIV, not reserved, with a mailbox and notifiable goes digital', () => {
  assert.equal(routeLetter(person(), NOW).channel, 'digital_post');
  const paper = (p: KrrPerson | undefined) => {
    const r = routeLetter(p, NOW);
    return r.channel === 'paper' ? r.reason : 'digital';
  };
  assert.equal(paper(undefined), 'not_registered');
  assert.equal(paper(notRegistered('14838400052')), 'not_registered');
  assert.equal(paper(person({ status: 'SLETTET' })), 'deleted');
  assert.equal(paper(person({ reservasjon: 'JA' })), 'reserved');
  assert.equal(paper(person({ mailbox: null })), 'no_mailbox');
  assert.equal(paper(person({ varslingsstatus: 'KAN_IKKE_VARSLES' })), 'not_notifiable');
  assert.equal(
    paper(person({ email: { value: 'a@b.invalid', updatedAt: old, verifiedAt: old }, mobile: null })),
    'stale_contact',
  );
});

test('18 months: only contact updated or verified within 18 months is used for the notice', () => {
  const route = routeLetter(person({ email: { value: 'kari@example.invalid', updatedAt: old, verifiedAt: old } }), NOW);
  assert.equal(route.channel, 'digital_post');
  assert.deepEqual(route.channel === 'digital_post' && route.notification, { email: null, mobile: '+4791234567' });
  const verifiedLately = routeLetter(
    person({ email: { value: 'kari@example.invalid', updatedAt: old, verifiedAt: recent }, mobile: null }),
    NOW,
  );
  assert.deepEqual(
    verifiedLately.channel === 'digital_post' && verifiedLately.notification,
    { email: 'kari@example.invalid', mobile: null },
    'a recent verification counts',
  );
});

test('the production adapter reads the documented KRR v2 answer (parsing only: no request is made)', () => {
  const [p, q] = parseKrrPersons({
    personer: [
      {
        personidentifikator: '14838400052',
        reservasjon: 'NEI',
        status: 'AKTIV',
        varslingsstatus: 'KAN_VARSLES',
        kontaktinformasjon: {
          epostadresse: 'kari@example.invalid',
          epostadresse_oppdatert: '2026-06-01T10:14:52+02',
          epostadresse_sist_verifisert: '2026-08-05T10:45:15.768Z',
          mobiltelefonnummer: '+4791234567',
        },
        digital_post: { postkasseadresse: 'kari.nordmann#1234', postkasseleverandoeradresse: '984661185' },
        sertifikat: 'MIIC',
        spraak: 'nb',
      },
      { personidentifikator: '08878200012', reservasjon: 'JA', status: 'NOE_NYTT' },
    ],
  });
  assert.equal(p!.email?.updatedAt?.toISOString(), '2026-06-01T08:14:52.000Z', 'KRR\'s "+02" offset');
  assert.equal(p!.email?.verifiedAt?.toISOString(), '2026-08-05T10:45:15.768Z');
  assert.deepEqual(p!.mailbox, { address: 'kari.nordmann#1234', providerAddress: '984661185' });
  assert.equal(p!.mobile?.verifiedAt, null);
  assert.deepEqual(
    [q!.reservasjon, q!.status, q!.mailbox],
    ['JA', 'IKKE_REGISTRERT', null],
    'an unknown status is never digital',
  );
  assert.throws(() => parseKrrPersons({}), /personer/);
  assert.deepEqual(HttpKrrClient.SCOPES, ['krr:global/kontaktinformasjon.read', 'krr:global/digitalpost.read']);
});

test('the development KRR: unknown people are IKKE_REGISTRERT, at most 1000 per look-up', async () => {
  const db = await createTestDb();
  const krr = new DevKrrClient(db);
  const answer = await krr.lookup(['01010100000']);
  assert.equal(answer.get('01010100000')?.status, 'IKKE_REGISTRERT');
  await assert.rejects(krr.lookup(Array.from({ length: 1001 }, (_, i) => String(10_000_000_000 + i))), /1000/);
});

test('configuration: KRR_URL needs Maskinporten; production without it sends every letter on paper', async () => {
  assert.throws(() => loadConfig({ KRR_URL: 'https://krr.digdir.no' }), ConfigError);
  const db = await createTestDb();
  const dev = letterDepsFromConfig(loadConfig({ NODE_ENV: 'development' }), db);
  assert.ok(dev.krr instanceof DevKrrClient && dev.digitalPost);
  const production = loadConfig({
    NODE_ENV: 'production',
    IDPORTEN_ISSUER: 'https://idporten.no',
    IDPORTEN_CLIENT_ID: 'a',
    IDPORTEN_CLIENT_SECRET: 'b',
    FEIDE_ISSUER: 'https://auth.dataporten.no',
    FEIDE_CLIENT_ID: 'c',
    FEIDE_CLIENT_SECRET: 'd',
  });
  const deps = letterDepsFromConfig(production, db);
  assert.deepEqual([deps.krr, deps.digitalPost], [null, null]);
});
