import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { grantIds } from '../access/actor.ts';
import { canUseSfo, type SfoCapability, type SfoUnit } from '../access/policy.ts';
import { NotFoundError } from '../errors.ts';

/** An SFO with what its pages show: name, school, the school's hovudmål, the owner. */
export interface SfoInfo extends SfoUnit {
  name: string;
  schoolName: string;
  hovudmaal: 'nb' | 'nn';
  municipalityName: string;
}

const sfoQuery = (db: Db) =>
  db
    .selectFrom('sfo as f')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .select([
      'f.id',
      'f.name',
      'f.school_id',
      's.name as school_name',
      's.hovudmaal',
      's.municipality_id',
      'm.name as municipality_name',
    ]);

type SfoRow = Awaited<ReturnType<ReturnType<typeof sfoQuery>['executeTakeFirstOrThrow']>>;

const toInfo = (r: SfoRow): SfoInfo => ({
  sfoId: r.id,
  name: r.name,
  schoolId: r.school_id,
  schoolName: r.school_name,
  hovudmaal: r.hovudmaal,
  municipalityId: r.municipality_id,
  municipalityName: r.municipality_name,
});

/** The SFO if the actor may use it in this capability; an unknown SFO or one out of reach → 404. */
export async function requireSfo(db: Db, actor: Actor, sfoId: number, capability: SfoCapability): Promise<SfoInfo> {
  const row = await sfoQuery(db).where('f.id', '=', sfoId).executeTakeFirst();
  if (!row) throw new NotFoundError();
  const info = toInfo(row);
  if (!canUseSfo(actor, info, capability)) throw new NotFoundError();
  return info;
}

/**
 * The SFOs the actor may use in this capability (the SQL twin of canUseSfo's reach: the SFOs the actor leads, those
 * at schools the actor leads, those of the owners the actor is school owner for), filtered by canUseSfo. Bounded: an
 * owner has at most a few hundred SFOs.
 */
export async function sfosFor(db: Db, actor: Actor, capability: SfoCapability): Promise<SfoInfo[]> {
  if (actor.via !== 'feide') return [];
  const led = grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]);
  const schools = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  const owners = grantIds(actor, ['school_owner'], (g) => [g.municipalityId]);
  if (led.length + schools.length + owners.length === 0) return [];
  const rows = await sfoQuery(db)
    .where((eb) =>
      eb.or([
        ...(led.length ? [eb('f.id', 'in', led)] : []),
        ...(schools.length ? [eb('f.school_id', 'in', schools)] : []),
        ...(owners.length ? [eb('s.municipality_id', 'in', owners)] : []),
      ]),
    )
    .orderBy('s.name')
    .orderBy('f.name')
    .limit(500)
    .execute();
  return rows.map(toInfo).filter((s) => canUseSfo(actor, s, capability));
}
