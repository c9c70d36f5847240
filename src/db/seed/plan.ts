import type { Insertable } from 'kysely';
import type { Database } from '../schema.ts';
import { syntheticIdentityNumber } from '../../domain/person/fodselsnummer.ts';

/**
 * The seed is first built in memory as a Plan, then written table by table.
 * Rows point at each other by their index in the plan (`school: 3` = plan.schools[3]);
 * the writer maps those indexes to the ids the database hands out.
 */
type Row<T extends keyof Database, Refs extends string> = Omit<Insertable<Database[T]>, Refs | 'id'>;

export type PersonRow = Row<'person', 'created_at' | 'updated_at'>;

export interface Plan {
  municipalities: Row<'municipality', 'created_at'>[];
  schoolYears: (Row<'school_year', 'municipality_id'> & { municipality: number })[];
  schools: (Row<'school', 'municipality_id' | 'created_at'> & { municipality: number })[];
  sfos: (Row<'sfo', 'school_id'> & { school: number })[];
  classes: (Row<'class', 'school_id' | 'school_year_id'> & { school: number; schoolYear: number })[];
  teachingGroups: (Row<'teaching_group', 'school_id' | 'school_year_id'> & { school: number; schoolYear: number })[];
  compositeGroups: (Row<'composite_group', 'school_id' | 'school_year_id'> & { school: number; schoolYear: number })[];
  persons: PersonRow[];
  enrolments: { pupil: number; school: number; class: number; starts_on: string; ends_on: string | null }[];
  teachingGroupMembers: { group: number; pupil: number }[];
  compositeGroupMembers: { group: number; pupil: number }[];
  sfoEnrolments: { sfo: number; pupil: number; starts_on: string; ends_on: string | null }[];
  guardianRelations: (Row<'guardian_relation', 'pupil_id' | 'guardian_id'> & { pupil: number; guardian: number })[];
  staffMemberships: (Row<'staff_membership', 'person_id' | 'municipality_id' | 'school_id' | 'sfo_id'> & {
    person: number;
    municipality: number;
    school: number | null;
    sfo: number | null;
  })[];
  staffAssignments: { membership: number; class?: number; teachingGroup?: number; compositeGroup?: number }[];
  contactInfos: (Row<'contact_info', 'person_id' | 'updated_at'> & { person: number })[];
}

export function emptyPlan(): Plan {
  return {
    municipalities: [],
    schoolYears: [],
    schools: [],
    sfos: [],
    classes: [],
    teachingGroups: [],
    compositeGroups: [],
    persons: [],
    enrolments: [],
    teachingGroupMembers: [],
    compositeGroupMembers: [],
    sfoEnrolments: [],
    guardianRelations: [],
    staffMemberships: [],
    staffAssignments: [],
    contactInfos: [],
  };
}

/** Appends a row and returns its index. */
export function add<T>(rows: T[], row: T): number {
  rows.push(row);
  return rows.length - 1;
}

/** Hands out unique synthetic fødselsnumre: a running sequence per birth date. */
export class IdentityNumbers {
  #used = new Map<string, number>();

  next(birthDate: string): string {
    const sequence = this.#used.get(birthDate) ?? 0;
    this.#used.set(birthDate, sequence + 1);
    return syntheticIdentityNumber(birthDate, sequence);
  }
}

/** Hands out unique local parts (`kari.nordmann`, `kari.nordmann2`) per domain. */
export class LocalParts {
  #used = new Set<string>();

  /** `base`, else `base2`, `base3`, … (staff, guardians). */
  claim(base: string): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}${n}`;
      if (!this.#used.has(candidate)) {
        this.#used.add(candidate);
        return candidate;
      }
    }
  }

  /** Always numbered: `base1`, `base2`, … (pupils). */
  claimNumbered(base: string): string {
    for (let n = 1; ; n++) {
      const candidate = `${base}${n}`;
      if (!this.#used.has(candidate)) {
        this.#used.add(candidate);
        return candidate;
      }
    }
  }
}
