import type { Db } from '../../db/database.ts';
import type { AddressProtection } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { listGuardianChildren, type ChildSummary } from '../guardian/children.ts';
import { listDeviceSessions, type DeviceSessionRow } from '../identity/device-sessions.ts';
import { findNotificationSettings, type NotificationSettings } from './notification-settings.ts';

/** Everything the guardian's own contact card shows (G4). */
export interface ContactCard {
  name: string;
  email: string | null;
  mobile: string | null;
  phone: string | null;
  smsEnabled: boolean;
  /** Their own address, shown to them even when it is protected. */
  address: { line: string | null; postalCode: string | null; postalPlace: string | null } | null;
  protection: AddressProtection;
  /** The children whose schools see these details (and get an address report). */
  children: ChildSummary[];
  settings: NotificationSettings;
  /** The browsers that remember them ("Husk meg på denne enheten"), which they can end. */
  devices: DeviceSessionRow[];
}

/** The contact card is the guardian's: a staff or pupil login (Feide) is not a guardian here → 404. */
export function requireGuardianLogin(actor: Actor): void {
  if (actor.via !== 'idporten') throw new NotFoundError();
}

export async function findContactCard(
  db: Db,
  actor: Actor,
  now = new Date(),
  today = todayInOslo(now),
): Promise<ContactCard> {
  requireGuardianLogin(actor);
  const row = await db
    .selectFrom('person as p')
    .leftJoin('contact_info as c', 'c.person_id', 'p.id')
    .select([
      'p.given_name',
      'p.family_name',
      'p.address_line',
      'p.postal_code',
      'p.postal_place',
      'p.address_protection',
      'c.email',
      'c.mobile',
      'c.phone',
      'c.sms_enabled',
    ])
    .where('p.id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const hasAddress = row.address_line || row.postal_code || row.postal_place;
  return {
    name: `${row.given_name} ${row.family_name}`,
    email: row.email,
    mobile: row.mobile,
    phone: row.phone,
    smsEnabled: row.sms_enabled ?? true,
    address: hasAddress ? { line: row.address_line, postalCode: row.postal_code, postalPlace: row.postal_place } : null,
    protection: row.address_protection,
    children: await listGuardianChildren(db, actor, today),
    settings: await findNotificationSettings(db, actor.personId),
    devices: await listDeviceSessions(db, actor.personId, now),
  };
}
