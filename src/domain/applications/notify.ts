import type { Db } from '../../db/database.ts';
import type { ApplicationKind } from '../../db/schema.ts';
import { definitionOf } from './kinds.ts';

/** What happens to an application that someone is told about. */
export type ApplicationEvent = 'confirmation_requested' | 'declined' | 'submitted' | 'decided';

/** The outbox event type: the kind and the event, e.g. 'leave.submitted' (texts: views/notifications.tsx). */
export const eventType = (kind: ApplicationKind, event: ApplicationEvent) => `${kind}.${event}`;

/** Same key, one row: e.g. 'leave:12:confirm:34' (a retry or a double submit notifies once). */
export const eventKey = (kind: ApplicationKind, id: number, ...parts: (string | number)[]) =>
  [kind, id, ...parts].join(':');

/** What the kind's notifications carry besides the application id (e.g. the period applied for). */
export async function eventFieldsOf(db: Db, kind: ApplicationKind, id: number): Promise<Record<string, unknown>> {
  const definition = definitionOf(kind);
  const details = (await definition.loadDetails(db, [id])).get(id);
  return details === undefined ? {} : definition.eventFields(details);
}
