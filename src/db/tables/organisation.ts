import type { Generated, Selectable } from 'kysely';

export type Maalform = 'nb' | 'nn';

export interface MunicipalityTable {
  id: Generated<number>;
  name: string;
  org_number: string;
  kind: Generated<'kommune' | 'private_owner'>;
  leave_limit_days: Generated<number>;
  /** 'HH:MM' Norwegian time: when the absence follow-up goes to guardians each school day (S4). */
  absence_follow_up_time: Generated<string>;
  created_at: Generated<Date>;
}

export interface SchoolTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  org_number: string;
  hovudmaal: Maalform;
  address_line: string | null;
  postal_code: string | null;
  postal_place: string | null;
  email: string | null;
  phone: string | null;
  /**
   * The number guardians' SMS to this school arrive on (the webhook's `to`), normalised by
   * src/domain/messages/sms-number.ts; unique. An SMS from an unknown number goes to this school's office.
   */
  sms_number: string | null;
  created_at: Generated<Date>;
}

export interface SfoTable {
  id: Generated<number>;
  school_id: number;
  name: string;
}

export interface SchoolYearTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  starts_on: string;
  ends_on: string;
}

/** A basisgruppe (class) on one trinn. */
export interface ClassTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  name: string;
  trinn: number;
  /** Closed by the school office (no longer offered for admissions); only when no pupil is enrolled now or later. */
  closed_on: string | null;
}

export interface TeachingGroupTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  name: string;
  subject: string;
}

/** A sammensatt gruppe: pupils across classes (choir, elective, a trip). */
export interface CompositeGroupTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  name: string;
}

export type Municipality = Selectable<MunicipalityTable>;
export type School = Selectable<SchoolTable>;
export type Sfo = Selectable<SfoTable>;
export type SchoolYear = Selectable<SchoolYearTable>;
export type Class = Selectable<ClassTable>;
export type TeachingGroup = Selectable<TeachingGroupTable>;
export type CompositeGroup = Selectable<CompositeGroupTable>;
