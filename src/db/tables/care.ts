import type { Generated, Selectable } from 'kysely';
import type { Maalform } from './organisation.ts';

/** A kindergarten (barnehage, K1): owned by a municipality or a private owner (municipality.kind). Migration 0025. */
export interface KindergartenTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  org_number: string | null;
  hovudmaal: Generated<Maalform>;
  address_line: string | null;
  postal_code: string | null;
  postal_place: string | null;
  email: string | null;
  phone: string | null;
  /** 'HH:MM:SS' opening hours; a stay plan lies within them. */
  opens_at: Generated<string>;
  closes_at: Generated<string>;
  /** A change for a date must be made this many days before it, at the latest at change_deadline_time. */
  change_deadline_days: Generated<number>;
  change_deadline_time: Generated<string>;
  created_at: Generated<Date>;
}

export type AgeGroup = 'small' | 'big' | 'mixed';

/** An avdeling of a kindergarten. */
export interface KindergartenDepartmentTable {
  id: Generated<number>;
  kindergarten_id: number;
  name: string;
  age_group: Generated<AgeGroup>;
}

/** A child's place in a department (the period rule: starts_on..ends_on). */
export interface KindergartenEnrolmentTable {
  id: Generated<number>;
  child_id: number;
  department_id: number;
  /** The size of the place in percent (100 = full time). */
  percent: Generated<number>;
  starts_on: string;
  ends_on: string | null;
}

/** The regular week of a child's stay plan (oppholdsplan): weekday 1 (Monday) … 5 (Friday), 'HH:MM:SS' times. */
export interface CareWeekDayTable {
  child_id: number;
  weekday: number;
  arrives_at: string;
  leaves_at: string;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export type CareDayChangeKind = 'times' | 'absent' | 'off';

/** A change of the stay plan for one date: other times, absent (ill), or a day off (fri). */
export interface CareDayChangeTable {
  child_id: number;
  on_date: string;
  kind: CareDayChangeKind;
  arrives_at: string | null;
  leaves_at: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** A holiday (ferie) the guardian registers: the child is not there from starts_on to ends_on. */
export interface CareHolidayTable {
  id: Generated<number>;
  child_id: number;
  starts_on: string;
  ends_on: string;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** The pickup settings of a child: may walk home alone (from a time of day). */
export interface CareChildTable {
  child_id: number;
  walks_alone: Generated<boolean>;
  walks_alone_from: string | null;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

/** A person allowed to fetch the child (henteavtale). */
export interface CarePickupPersonTable {
  id: Generated<number>;
  child_id: number;
  name: string;
  phone: string | null;
  relation: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** One child on one date: the guardian's message and note, the staff's note, check-in and check-out. */
export interface CareDayTable {
  child_id: number;
  on_date: string;
  /** Where the child was registered (statistics per unit): an SFO or a kindergarten. */
  sfo_id: number | null;
  kindergarten_id: number | null;
  pickup_message: Generated<string>;
  guardian_note: Generated<string>;
  guardian_note_by: number | null;
  staff_note: Generated<string>;
  staff_note_by: number | null;
  checked_in_at: Date | null;
  checked_in_by: number | null;
  checked_out_at: Date | null;
  checked_out_by: number | null;
  picked_up_by: Generated<string>;
  updated_at: Generated<Date>;
}

export interface CareTables {
  kindergarten: KindergartenTable;
  kindergarten_department: KindergartenDepartmentTable;
  kindergarten_enrolment: KindergartenEnrolmentTable;
  care_week_day: CareWeekDayTable;
  care_day_change: CareDayChangeTable;
  care_holiday: CareHolidayTable;
  care_child: CareChildTable;
  care_pickup_person: CarePickupPersonTable;
  care_day: CareDayTable;
}

export type Kindergarten = Selectable<KindergartenTable>;
export type KindergartenDepartment = Selectable<KindergartenDepartmentTable>;
export type CareDay = Selectable<CareDayTable>;
