import type { AbsenceTables } from './tables/absence.ts';
import type { ArchiveTables } from './tables/archive.ts';
import type { ApplicationsTables } from './tables/applications.ts';
import type { BroadcastsTables } from './tables/broadcasts.ts';
import type { DeliveryTables } from './tables/delivery.ts';
import type { FormsTables } from './tables/forms.ts';
import type { FregTables } from './tables/freg.ts';
import type { CalendarTables } from './tables/calendar.ts';
import type { CareTables } from './tables/care.ts';
import type { ConsentsTables } from './tables/consents.ts';
import type { ContactTables } from './tables/contact.ts';
import type { DocumentsTables } from './tables/documents.ts';
import type { LettersTables } from './tables/letters.ts';
import type { MessagesTables } from './tables/messages.ts';
import type { PrivacyTables } from './tables/privacy.ts';
import type * as org from './tables/organisation.ts';
import type * as identity from './tables/identity.ts';
import type * as outbox from './tables/outbox.ts';
import type * as people from './tables/people.ts';

export type * from './tables/organisation.ts';
export type * from './tables/people.ts';
export type * from './tables/identity.ts';
export type * from './tables/outbox.ts';
export type * from './tables/consents.ts';
export type * from './tables/contact.ts';
export type * from './tables/documents.ts';
export type * from './tables/letters.ts';
export type * from './tables/messages.ts';
export type * from './tables/absence.ts';
export type * from './tables/applications.ts';
export type * from './tables/broadcasts.ts';
export type * from './tables/forms.ts';
export type * from './tables/delivery.ts';
export type * from './tables/freg.ts';
export type * from './tables/care.ts';
export type * from './tables/privacy.ts';

/** The whole database as Kysely sees it: one entry per table. */
export interface Database
  extends MessagesTables,
    PrivacyTables,
    ArchiveTables,
    CareTables,
    FregTables,
    LettersTables,
    BroadcastsTables,
    DeliveryTables,
    FormsTables,
    AbsenceTables,
    ApplicationsTables,
    CalendarTables,
    ConsentsTables,
    ContactTables,
    DocumentsTables {
  municipality: org.MunicipalityTable;
  school: org.SchoolTable;
  sfo: org.SfoTable;
  sfo_offer: org.SfoOfferTable;
  school_year: org.SchoolYearTable;
  class: org.ClassTable;
  teaching_group: org.TeachingGroupTable;
  composite_group: org.CompositeGroupTable;
  person: people.PersonTable;
  enrolment: people.EnrolmentTable;
  teaching_group_member: people.TeachingGroupMemberTable;
  composite_group_member: people.CompositeGroupMemberTable;
  sfo_enrolment: people.SfoEnrolmentTable;
  guardian_relation: people.GuardianRelationTable;
  staff_membership: people.StaffMembershipTable;
  staff_assignment: people.StaffAssignmentTable;
  contact_info: people.ContactInfoTable;
  login_request: identity.LoginRequestTable;
  session: identity.SessionTable;
  device_session: identity.DeviceSessionTable;
  audit_log: identity.AuditLogTable;
  outbox: outbox.OutboxTable;
}
