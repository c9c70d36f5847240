import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { listChildLog, MY_DATA_LOG_ROWS } from './child-log.ts';
import { collectStaffData } from './staff-data.ts';
import { loadPersonSection } from './person-section.ts';
import { NotFoundError } from '../errors.ts';
import { notEndedBy } from '../period.ts';
import { parseIdentityNumber } from '../person/fodselsnummer.ts';
import { listGuardianChildren } from '../guardian/children.ts';
import { addAreaSections } from './sections.ts';
import { addCareSections } from './care-section.ts';
import { guardiansOfChildren } from './guardians.ts';
import type { MyData } from './types.ts';

/**
 * `logRows`: how many rows of each child's log to include (the page: a few, linking to the paged log; the exports: up
 * to LOG_EXPORT_LIMIT).
 */
export async function collectMyData(
  db: Db,
  actor: Actor,
  today = todayInOslo(),
  options: { logRows?: number } = {},
): Promise<MyData> {
  if (actor.via === 'feide' && actor.isPupil) return collectPupilData(db, actor, today, options);
  if (actor.via === 'feide') return collectStaffData(db, actor, options.logRows ?? MY_DATA_LOG_ROWS);
  if (actor.via !== 'idporten') throw new NotFoundError();
  const person = await loadPersonSection(db, actor.personId);
  const children = await listGuardianChildren(db, actor, today);
  const childIds = children.map((c) => c.pupilId);
  const details = childIds.length
    ? await db
        .selectFrom('person as p')
        .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
        .select(['p.id', 'p.fodselsnummer', 'e.starts_on'])
        .where('p.id', 'in', childIds)
        .where(notEndedBy('e', today))
        .execute()
    : [];
  const relations = await guardiansOfChildren(db, childIds);
  const data: MyData = {
    generatedAt: new Date().toISOString(),
    subject: 'guardian',
    guardian: person,
    children: [],
  };
  for (const child of children) {
    const detail = details.find((d) => d.id === child.pupilId);
    data.children.push({
      name: `${child.givenName} ${child.familyName}`,
      birthDate: detail?.fodselsnummer ? (parseIdentityNumber(detail.fodselsnummer)?.birthDate ?? null) : null,
      school: child.schoolName,
      className: child.className,
      enrolledFrom: detail?.starts_on ?? '',
      id: child.pupilId,
      guardians: relations.get(child.pupilId) ?? [],
      log: [],
      logMore: false,
      extra: {},
    });
  }
  // the kindergarten children come after the school children, then each child's consents and documents
  const kindergartenIds = await addCareSections(db, actor, data, childIds, today);
  const all = [...childIds, ...kindergartenIds];
  await addAreaSections(db, actor, data, data.children.length ? all : []);
  const logRows = options.logRows ?? MY_DATA_LOG_ROWS;
  const logs = await Promise.all(
    data.children.map((child) => listChildLog(db, child.id, actor.personId, { limit: logRows, offset: 0 })),
  );
  data.children.forEach((child, i) => {
    child.log = logs[i]!.entries;
    child.logMore = logs[i]!.more;
  });
  return data;
}

/**
 * G16 for a pupil (Feide): what Skolebro stores about them — name, fødselsnummer, address, school and class, their
 * guardians — and their log (who among the staff read and changed their data; their guardians' own doings left out,
 * as in a guardian's view). The areas' data addressed to guardians (consents, documents, settings) is not theirs.
 */
async function collectPupilData(db: Db, actor: Actor, today: string, options: { logRows?: number }): Promise<MyData> {
  const me = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.fodselsnummer',
      'p.address_line',
      'p.postal_code',
      'p.postal_place',
      'p.address_protection',
      's.name as school_name',
      'c.name as class_name',
      'e.starts_on',
    ])
    .where('p.id', '=', actor.personId)
    .where(notEndedBy('e', today))
    .orderBy('e.starts_on', 'desc')
    .executeTakeFirst();
  if (!me) throw new NotFoundError();
  const [relations, log] = await Promise.all([
    guardiansOfChildren(db, [me.id]),
    listChildLog(db, me.id, me.id, { limit: options.logRows ?? MY_DATA_LOG_ROWS, offset: 0 }),
  ]);
  const name = `${me.given_name} ${me.family_name}`;
  return {
    generatedAt: new Date().toISOString(),
    subject: 'pupil',
    guardian: {
      name,
      fodselsnummer: me.fodselsnummer,
      address: {
        line: me.address_line,
        postalCode: me.postal_code,
        postalPlace: me.postal_place,
        protection: me.address_protection,
      },
      contact: null,
      extra: {},
    },
    children: [
      {
        id: me.id,
        name,
        birthDate: me.fodselsnummer ? (parseIdentityNumber(me.fodselsnummer)?.birthDate ?? null) : null,
        school: me.school_name,
        className: me.class_name,
        enrolledFrom: me.starts_on,
        guardians: relations.get(me.id) ?? [],
        log: log.entries,
        logMore: log.more,
        extra: {},
      },
    ],
  };
}
