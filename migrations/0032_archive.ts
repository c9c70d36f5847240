import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// D7 (issue 16, item 1): archive as you go. Every document (a vedtak letter, a consent receipt, a letter to the
// guardians, an attachment to an application) is registered in the Noark 5 structure when it is stored, in the same
// transaction, by a trigger — no code path can store a document and forget it:
//   arkiv (the school owner) → arkivdel (the school year) → klassifikasjonssystem → klasse (the school or kindergarten)
//   → saksmappe (the elevmappe: one per child per school) → journalpost → dokumentbeskrivelse → dokumentobjekt.
// The case number (saksår/sakssekvensnummer) and the journal number (journalår/journalsekvensnummer) count per school
// owner and year in archive_sequence. The public title is a fixed text per kind with the name screened: the public
// journal can never carry a child's name. archive_change is the endringslogg (a folder's title follows the child's
// name from Folkeregisteret; the change is logged).
const statements = [
  `create table archive_sequence (
    municipality_id integer not null references municipality (id),
    kind text not null check (kind in ('case', 'journal')),
    year integer not null,
    last integer not null,
    primary key (municipality_id, kind, year)
  )`,
  `create table archive_folder (
    id serial primary key,
    system_id uuid not null unique default gen_random_uuid(),
    municipality_id integer not null references municipality (id),
    school_id integer references school (id),
    kindergarten_id integer references kindergarten (id),
    unit_key text not null,
    pupil_id integer not null references person (id),
    case_year integer not null,
    case_seq integer not null,
    title text not null,
    created_at timestamptz not null,
    unique (pupil_id, unit_key),
    unique (municipality_id, case_year, case_seq),
    check ((school_id is null) <> (kindergarten_id is null))
  )`,
  `create table archive_registration (
    id serial primary key,
    system_id uuid not null unique default gen_random_uuid(),
    description_system_id uuid not null unique default gen_random_uuid(),
    object_system_id uuid not null unique default gen_random_uuid(),
    folder_id integer not null references archive_folder (id),
    document_id integer not null unique references document (id),
    school_year_start integer not null,
    journal_year integer not null,
    journal_seq integer not null,
    number_in_folder integer not null,
    journalpost_type text not null check (journalpost_type in ('I', 'U', 'X')),
    title text not null,
    public_title text not null,
    journal_date date not null,
    registered_at timestamptz not null,
    registered_by integer references person (id),
    unique (folder_id, number_in_folder)
  )`,
  `create index archive_registration_journal_idx on archive_registration (journal_date, id)`,
  `create table archive_change (
    id serial primary key,
    entity_system_id uuid not null,
    metadata text not null,
    changed_at timestamptz not null default now(),
    changed_by text not null,
    previous_value text not null,
    new_value text not null
  )`,
  `create function archive_next(p_municipality integer, p_kind text, p_year integer) returns integer
    language sql as $$
      insert into archive_sequence (municipality_id, kind, year, last) values (p_municipality, p_kind, p_year, 1)
      on conflict (municipality_id, kind, year) do update set last = archive_sequence.last + 1
      returning last
    $$`,
  // The registration of one document: where the child was when it was made (the enrolment covering that day, else
  // the nearest one; a kindergarten place when the child has never been at school), the folder (made on first use,
  // locked so the numbers in it follow one another), the journal number, the titles.
  `create function archive_register(d document) returns void language plpgsql as $$
  declare
    day date := (d.created_at at time zone 'Europe/Oslo')::date;
    v_school integer; v_kindergarten integer; v_municipality integer; v_unit text; v_name text; v_key text;
    v_folder integer; v_number integer; v_year integer := extract(year from day)::integer;
  begin
    select e.school_id, s.municipality_id, s.name into v_school, v_municipality, v_unit
      from enrolment e join school s on s.id = e.school_id
     where e.pupil_id = d.pupil_id
     order by (e.starts_on <= day and (e.ends_on is null or e.ends_on >= day)) desc, (e.starts_on <= day) desc,
              e.starts_on desc
     limit 1;
    if v_school is null then
      select k.id, k.municipality_id, k.name into v_kindergarten, v_municipality, v_unit
        from kindergarten_enrolment e
        join kindergarten_department kd on kd.id = e.department_id
        join kindergarten k on k.id = kd.kindergarten_id
       where e.child_id = d.pupil_id
       order by (e.starts_on <= day and (e.ends_on is null or e.ends_on >= day)) desc, (e.starts_on <= day) desc,
                e.starts_on desc
       limit 1;
    end if;
    if v_municipality is null then
      raise exception 'document % is about person %, who has no school or kindergarten to archive it under',
        d.id, d.pupil_id;
    end if;
    v_key := case when v_school is not null then 's' || v_school else 'k' || v_kindergarten end;
    select id into v_folder from archive_folder where pupil_id = d.pupil_id and unit_key = v_key for update;
    if v_folder is null then
      select given_name || ' ' || family_name into v_name from person where id = d.pupil_id;
      insert into archive_folder (municipality_id, school_id, kindergarten_id, unit_key, pupil_id, case_year, case_seq,
                                  title, created_at)
        values (v_municipality, v_school, v_kindergarten, v_key, d.pupil_id, v_year,
                archive_next(v_municipality, 'case', v_year),
                (case when v_school is not null then 'Elevmappe' else 'Barnemappe' end) || ' – ' || v_name || ' – '
                  || v_unit,
                d.created_at)
        on conflict (pupil_id, unit_key) do nothing
        returning id into v_folder;
      if v_folder is null then
        select id into v_folder from archive_folder where pupil_id = d.pupil_id and unit_key = v_key for update;
      end if;
    end if;
    select coalesce(max(number_in_folder), 0) + 1 into v_number from archive_registration where folder_id = v_folder;
    insert into archive_registration (folder_id, document_id, school_year_start, journal_year, journal_seq,
                                      number_in_folder, journalpost_type, title, public_title, journal_date,
                                      registered_at, registered_by)
      values (v_folder, d.id,
              case when extract(month from day) >= 8 then v_year else v_year - 1 end,
              v_year, archive_next(v_municipality, 'journal', v_year), v_number,
              case when d.kind = 'attachment' then 'I' else 'U' end,
              d.title,
              (case d.kind when 'vedtak' then 'Vedtak' when 'consent_receipt' then 'Samtykkekvittering'
                           when 'attachment' then 'Vedlegg til søknad' else 'Brev til foresatte' end) || ' – *****',
              day, d.created_at, d.created_by);
  end $$`,
  `create function archive_register_document() returns trigger language plpgsql as $$
  begin
    perform archive_register(new);
    return new;
  end $$`,
  `create trigger archive_register_document after insert on document
    for each row execute function archive_register_document()`,
  // A folder's title follows the child's name (Folkeregisteret); the change is logged for the endringslogg.
  `create function archive_follow_name() returns trigger language plpgsql as $$
  declare f record;
  begin
    for f in select id, system_id, title from archive_folder where pupil_id = new.id loop
      update archive_folder
         set title = replace(f.title, old.given_name || ' ' || old.family_name, new.given_name || ' ' || new.family_name)
       where id = f.id;
      insert into archive_change (entity_system_id, metadata, changed_by, previous_value, new_value)
        select f.system_id, 'tittel', 'Skolebro', f.title, title from archive_folder where id = f.id and title <> f.title;
    end loop;
    return new;
  end $$`,
  `create trigger archive_follow_name after update of given_name, family_name on person
    for each row when (old.given_name is distinct from new.given_name or old.family_name is distinct from new.family_name)
    execute function archive_follow_name()`,
  // the documents stored before this migration, in the order they were made
  `do $$ declare d document; begin
    for d in select * from document order by created_at, id loop perform archive_register(d); end loop;
  end $$`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
