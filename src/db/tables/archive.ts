import type { Generated } from 'kysely';

/** Per school owner and year: the last case number (saksnummer) or journal number given (migration 0032). */
export interface ArchiveSequenceTable {
  municipality_id: number;
  kind: 'case' | 'journal';
  year: number;
  last: number;
}

/** An elevmappe (a child at a school) or barnemappe (at a kindergarten): a Noark 5 saksmappe. */
export interface ArchiveFolderTable {
  id: Generated<number>;
  system_id: Generated<string>;
  municipality_id: number;
  school_id: number | null;
  kindergarten_id: number | null;
  /** 's<school id>' or 'k<kindergarten id>': one folder per child and unit. */
  unit_key: string;
  pupil_id: number;
  case_year: number;
  case_seq: number;
  title: string;
  created_at: Date;
}

/** A journalpost: one document in a folder, with its journal number and titles (written by the trigger only). */
export interface ArchiveRegistrationTable {
  id: Generated<number>;
  system_id: Generated<string>;
  description_system_id: Generated<string>;
  object_system_id: Generated<string>;
  folder_id: number;
  document_id: number;
  /** The school year (arkivdel) by its first calendar year: 2026 = 2026–2027. */
  school_year_start: number;
  journal_year: number;
  journal_seq: number;
  number_in_folder: number;
  /** I inngående, U utgående, X organinternt. */
  journalpost_type: 'I' | 'U' | 'X';
  title: string;
  /** The title with the child screened: what the public journal shows. */
  public_title: string;
  journal_date: string;
  registered_at: Date;
  registered_by: number | null;
}

/** The endringslogg: a change to an archived entity's metadata. */
export interface ArchiveChangeTable {
  id: Generated<number>;
  entity_system_id: string;
  metadata: string;
  changed_at: Generated<Date>;
  changed_by: string;
  previous_value: string;
  new_value: string;
}

export interface ArchiveTables {
  archive_sequence: ArchiveSequenceTable;
  archive_folder: ArchiveFolderTable;
  archive_registration: ArchiveRegistrationTable;
  archive_change: ArchiveChangeTable;
}
