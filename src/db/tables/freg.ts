import type { Generated, Selectable } from 'kysely';

export type FregChangeKind =
  | 'new_person'
  | 'identity_changed'
  | 'name_changed'
  | 'address_changed'
  | 'new_protection'
  | 'protection_removed'
  | 'new_guardian'
  | 'gone_guardian'
  | 'responsibility_lost'
  | 'responsibility_gained'
  | 'moved_out'
  | 'death';

/** One Folkeregisteret import run (D1): what it read and how many rows it changed. */
export interface FregImportRunTable {
  id: Generated<number>;
  source: string;
  started_at: Date;
  finished_at: Date;
  actor_person_id: number | null;
  documents: number;
  rows_changed: number;
  persons_created: number;
  persons_updated: number;
  relations_changed: number;
}

/**
 * One line of a run's change report, for one school (the subject's or their children's). `details` never holds a
 * protected address.
 */
export interface FregChangeTable {
  id: Generated<number>;
  run_id: number;
  school_id: number | null;
  kind: FregChangeKind;
  person_id: number;
  pupil_id: number | null;
  details: Generated<unknown>;
}

export interface FregTables {
  freg_import_run: FregImportRunTable;
  freg_change: FregChangeTable;
}

export type FregImportRun = Selectable<FregImportRunTable>;
export type FregChange = Selectable<FregChangeTable>;
