import type { Generated, Selectable } from 'kysely';

export type AddressProtection = 'none' | 'fortrolig' | 'strengt_fortrolig';
export type GuardianRelationType = 'mor' | 'far' | 'medmor' | 'fostermor' | 'fosterfar' | 'stemor' | 'stefar' | 'annet';
export type StaffRole =
  | 'school_owner'
  | 'leadership'
  | 'contact_teacher'
  | 'teacher'
  | 'sfo_leader'
  | 'sfo_staff'
  | 'kindergarten_leader'
  | 'pedagogical_leader'
  | 'kindergarten_staff';

export interface PersonTable {
  id: Generated<number>;
  fodselsnummer: string | null;
  feide_id: string | null;
  given_name: string;
  family_name: string;
  address_line: string | null;
  postal_code: string | null;
  postal_place: string | null;
  address_protection: Generated<AddressProtection>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Why an enrolment ended: the pupil moved, changed school, finished 10. trinn, or moved to another class. */
export type EnrolmentEndReason = 'moved' | 'changed_school' | 'finished' | 'class_change';

export interface EnrolmentTable {
  id: Generated<number>;
  pupil_id: number;
  school_id: number;
  class_id: number;
  starts_on: string;
  ends_on: string | null;
  end_reason: Generated<EnrolmentEndReason | null>;
}

export interface TeachingGroupMemberTable {
  teaching_group_id: number;
  pupil_id: number;
}

export interface CompositeGroupMemberTable {
  composite_group_id: number;
  pupil_id: number;
}

/**
 * An SFO place (issue 12): from starts_on to ends_on (inclusive, null = until terminated). A change of offer or days
 * ends the row the day before and starts a new one. Rows from before migration 0020 may lack offer and payer.
 */
export interface SfoEnrolmentTable {
  id: Generated<number>;
  sfo_id: number;
  pupil_id: number;
  starts_on: string;
  ends_on: string | null;
  offer_id: number | null;
  /** ISO weekdays (1 = Monday … 5 = Friday) for an offer of kind 'days'; null otherwise. */
  days: number[] | null;
  /** The guardian who pays (the applicant of the place). */
  payer_id: number | null;
  /** The payer asked to share the invoice with the other guardian (a request the SFO leader sees). */
  shared_invoice: Generated<boolean>;
  /** The application whose decision created this row. */
  application_id: number | null;
}

export interface GuardianRelationTable {
  id: Generated<number>;
  pupil_id: number;
  guardian_id: number;
  relation: GuardianRelationType;
  parental_responsibility: Generated<boolean>;
  blocked: Generated<boolean>;
  contact_person_only: Generated<boolean>;
  /** The guardian shares the child's bostedsadresse in Folkeregisteret. */
  lives_with_child: Generated<boolean>;
  /** Made or confirmed by the Folkeregisteret import, which may remove it; the office's relations are not. */
  from_register: Generated<boolean>;
}

export interface StaffMembershipTable {
  id: Generated<number>;
  person_id: number;
  municipality_id: number;
  school_id: number | null;
  sfo_id: number | null;
  /** Kindergarten roles (migration 0025): the kindergarten, and the department (pedagogical leader; staff optional). */
  kindergarten_id: Generated<number | null>;
  department_id: Generated<number | null>;
  role: StaffRole;
  title: string | null;
  starts_on: Generated<string>;
  ends_on: string | null;
}

/** Links a staff membership to the classes and groups the person works with. */
export interface StaffAssignmentTable {
  id: Generated<number>;
  staff_membership_id: number;
  class_id: number | null;
  teaching_group_id: number | null;
  composite_group_id: number | null;
}

export interface ContactInfoTable {
  person_id: number;
  email: string | null;
  mobile: string | null;
  phone: string | null;
  sms_enabled: Generated<boolean>;
  verified_at: Date | null;
  updated_at: Generated<Date>;
}

export type Person = Selectable<PersonTable>;
export type Enrolment = Selectable<EnrolmentTable>;
export type GuardianRelation = Selectable<GuardianRelationTable>;
export type StaffMembership = Selectable<StaffMembershipTable>;
export type ContactInfo = Selectable<ContactInfoTable>;
