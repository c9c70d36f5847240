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
  /** SFO: free hours a week (DOMAIN-FACTS §4: 12) for trinn 1 up to sfo_free_hours_last_trinn (3 by law; 4 allowed). */
  sfo_free_hours_per_week: Generated<number>;
  sfo_free_hours_last_trinn: Generated<number>;
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
  /** The months (1–12) a place is billed; 11 by default (July free). */
  billing_months: Generated<number[]>;
  /** Discount in percent on the second and later sibling's place with the same payer (0 = none). */
  sibling_discount_percent: Generated<number>;
  /** Places (children) the SFO takes; null = not set. */
  capacity: number | null;
  /** A termination takes effect from the first of the month after this many full months (default 1). */
  notice_months: Generated<number>;
}

export type SfoOfferKind = 'full' | 'days' | 'percent';

/** An SFO's offer (issue 12): full time, or part time as days a week or a percentage. Amounts in øre a month. */
export interface SfoOfferTable {
  id: Generated<number>;
  sfo_id: number;
  name: string;
  kind: SfoOfferKind;
  days_per_week: number | null;
  percent: number | null;
  /** The hours a week the place stands for; the free hours are deducted in proportion. */
  hours_per_week: number;
  monthly_price_ore: number;
  food_ore: Generated<number>;
  /** No longer offered for new places from this day. */
  closed_on: string | null;
  created_at: Generated<Date>;
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
  /**
   * Closed by the school office (migration 0018): no longer offered for new members, staff grants or lessons; only
   * when the group has no members.
   */
  closed_on: string | null;
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
export type SfoOffer = Selectable<SfoOfferTable>;
export type SchoolYear = Selectable<SchoolYearTable>;
export type Class = Selectable<ClassTable>;
export type TeachingGroup = Selectable<TeachingGroupTable>;
export type CompositeGroup = Selectable<CompositeGroupTable>;
