/**
 * The statements of the year seed (`year.ts`), in order. Set-based: temporary tables describe the school days, the
 * pupils and who they belong to; every activity table is filled by one `INSERT … SELECT` over them. Chance is a hash
 * of the row's identity (`hashint8extended`), never random(), so the same database and date give the same rows.
 * Ids of the tables whose children are written in the same run (threads, messages, reports, applications) are
 * computed (`OVERRIDING SYSTEM VALUE`, then the identity sequence is moved past them).
 */

/** Threads started per pupil and school day (≈ 6 per pupil by December, ≈ 120 000 for 20 000 pupils). */
const THREADS_PER_PUPIL_DAY = 0.08;
/** Chance a pupil-day starts a home absence report, on every fifth school day (so reports never overlap). */
const REPORT_START_CHANCE = 0.17;
/** Chance a pupil has applied for leave this year so far. */
const LEAVE_CHANCE = 0.06;

const SUBJECTS = [
  'Fravær i morgen',
  'Spørsmål om leksene',
  'Tur på fredag',
  'Gymtøy',
  'Foreldresamtale',
  'Henting etter skolen',
  'Bursdagsinvitasjoner',
  'Matpakke og frukt',
  'Glemt jakke',
  'Prøve neste uke',
  'Leksehjelp',
  'Skolefoto',
  'Klassemiljøet',
  'Tannlegetime',
];
const GUARDIAN_BODIES = [
  'Hei! Hun har vondt i halsen i dag, men kommer på skolen. Kan hun være inne i friminuttene?',
  'Takk for beskjed. Vi ser på det i kveld.',
  'Han har tannlegetime kl. 10 og kommer etter det.',
  'Vi finner ikke matteboka. Er den på skolen?',
  'Supert, tusen takk!',
  'Kan vi ta foreldresamtalen på torsdag i stedet?',
  'Hun blir hentet av bestemor i dag.',
  'Ja, det passer fint.',
];
const STAFF_BODIES = [
  'Hei! Vi minner om turen på fredag. Husk klær etter været og matpakke.',
  'Takk for beskjed, det noterer vi.',
  'Boka lå igjen i klasserommet. Den ligger i sekken nå.',
  'Torsdag kl. 15 passer. Vi sees da.',
  'Det gikk fint i dag. Hun var med på alt.',
  'Prøven er i neste uke. Det er lurt å øve på gangetabellen.',
  'Vi har fått beskjeden og gir den videre til SFO.',
  'Hei! Kan dere ta kontakt når det passer?',
];

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const textArray = (texts: readonly string[]) => `array[${texts.map(literal).join(', ')}]::text[]`;
const pick = (texts: readonly string[], chance: string) =>
  `(${textArray(texts)})[1 + floor(${chance} * ${texts.length})::int]`;

/** A deterministic number in [0, 1) from a key and a salt. */
const u = (key: string, salt: number | string) =>
  `((hashint8extended((${key})::int8, (${salt})::int8) & 1048575)::float8 / 1048576.0)`;

/** A local Norwegian time on a date → timestamptz. */
const oslo = (date: string, time: string) => `((${date}) + (${time})::time) at time zone 'Europe/Oslo'`;

export function yearStatements(today: string): string[] {
  const T = `date ${literal(today)}`;
  const base = (table: string) => `(select max_${table} from y_base)`;
  return [
    `set local work_mem = '64MB'`,
    `create temp table y_base on commit drop as select
       (select coalesce(max(id), 0) from outbox) as max_outbox,
       (select coalesce(max(id), 0) from message_thread) as max_thread,
       (select coalesce(max(id), 0) from message) as max_message,
       (select coalesce(max(id), 0) from absence_report) as max_report,
       (select coalesce(max(id), 0) from application) as max_application,
       (select coalesce(max(id), 0) from audit_log) as max_audit`,

    // The school year in force today per school owner, and its school days (weekdays not in the skolerute).
    `create temp table y_year on commit drop as
       select distinct on (municipality_id) municipality_id, starts_on, ends_on from school_year
       where starts_on <= ${T} and ends_on >= ${T} order by municipality_id, starts_on desc`,
    `create temp table y_day on commit drop as
       select y.municipality_id, d::date as date, extract(isodow from d)::int as dow,
         (row_number() over (partition by y.municipality_id order by d))::int as n, d::date < ${T} as past
       from y_year y cross join generate_series(y.starts_on::timestamp, y.ends_on::timestamp, interval '1 day') d
       where extract(isodow from d) < 6
         and not exists (select 1 from school_calendar_day c where c.municipality_id = y.municipality_id and c.date = d::date)`,
    `create index on y_day (municipality_id, n)`,
    `create temp table y_mun on commit drop as
       select municipality_id, (count(*) filter (where past))::int as past_days from y_day group by municipality_id`,

    // Every pupil enrolled now, with the people the activity runs between.
    `create temp table y_pupil on commit drop as
       select e.pupil_id, e.school_id, e.class_id, c.trinn, s.municipality_id,
         greatest(e.starts_on, y.starts_on) as starts_on, coalesce(m.past_days, 0) as past_days,
         ct.person_id as contact_teacher, ld.person_id as leader, st.person_id as subject_teacher,
         sf.sfo_id, sl.person_id as sfo_leader, g.guardians
       from enrolment e
       join class c on c.id = e.class_id
       join school s on s.id = e.school_id
       join y_year y on y.municipality_id = s.municipality_id
       left join y_mun m on m.municipality_id = s.municipality_id
       left join lateral (select min(sm.person_id) as person_id from staff_assignment a
         join staff_membership sm on sm.id = a.staff_membership_id
         where a.class_id = e.class_id and sm.role = 'contact_teacher' and sm.school_id = e.school_id
           and (sm.ends_on is null or sm.ends_on >= ${T})) ct on true
       left join lateral (select min(sm.person_id) as person_id from staff_membership sm
         where sm.school_id = e.school_id and sm.role = 'leadership' and (sm.ends_on is null or sm.ends_on >= ${T})) ld on true
       left join lateral (select min(sm.person_id) as person_id from teaching_group_member tm
         join staff_assignment a on a.teaching_group_id = tm.teaching_group_id
         join staff_membership sm on sm.id = a.staff_membership_id
         where tm.pupil_id = e.pupil_id and sm.school_id = e.school_id and sm.role in ('teacher', 'contact_teacher')
           and (sm.ends_on is null or sm.ends_on >= ${T})) st on true
       left join lateral (select min(se.sfo_id) as sfo_id from sfo_enrolment se
         where se.pupil_id = e.pupil_id and se.starts_on <= ${T} and (se.ends_on is null or se.ends_on >= ${T})) sf on true
       left join lateral (select min(sm.person_id) as person_id from staff_membership sm
         where sm.sfo_id = sf.sfo_id and sm.role = 'sfo_leader' and (sm.ends_on is null or sm.ends_on >= ${T})) sl on true
       left join lateral (select array_agg(gr.guardian_id order by gr.guardian_id) as guardians from guardian_relation gr
         where gr.pupil_id = e.pupil_id and gr.parental_responsibility and not gr.blocked and not gr.contact_person_only) g on true
       where e.ends_on is null and e.starts_on <= ${T} and coalesce(ct.person_id, ld.person_id) is not null`,
    `create unique index on y_pupil (pupil_id)`,
    `analyze y_day`,
    `analyze y_pupil`,

    // Home absence reports: a start on every fifth school day of the pupil (offset by the pupil), 1–3 school days
    // long, so one pupil's reports never overlap; 'lessons' (the two lessons after lunch) for some in 8.–10.
    `create temp table y_report on commit drop as
       with r as (
         select p.pupil_id, p.school_id, p.municipality_id, p.class_id, d.n, d.date as from_date, d.dow,
           p.guardians[1 + floor(${u('p.pupil_id * 1000 + d.n', 2)} * cardinality(p.guardians))::int] as reported_by,
           case when p.trinn >= 8 and ${u('p.pupil_id * 1000 + d.n', 3)} < 0.2 then 'lessons' else 'days' end as kind,
           case when ${u('p.pupil_id * 1000 + d.n', 4)} < 0.55 then 1 when ${u('p.pupil_id * 1000 + d.n', 4)} < 0.85 then 2 else 3 end as len,
           ${u('p.pupil_id * 1000 + d.n', 5)} as r_reason, ${u('p.pupil_id * 1000 + d.n', 6)} as r_doc,
           ${u('p.pupil_id * 1000 + d.n', 7)} < 0.015 as withdrawn, ${u('p.pupil_id * 1000 + d.n', 8)} as r_time
         from y_pupil p join y_day d on d.municipality_id = p.municipality_id and d.past and d.date >= p.starts_on
         where p.guardians is not null and (d.n + p.pupil_id) % 5 = 0 and ${u('p.pupil_id * 1000 + d.n', 1)} < ${REPORT_START_CHANCE}
       )
       select r.*, ${base('report')} + row_number() over (order by r.from_date, r.pupil_id) as id,
         case when r.kind = 'days' then coalesce(d2.date, r.from_date) else r.from_date end as to_date,
         case when r.r_reason < 0.75 then 'sjuk' when r.r_reason < 0.87 then 'lege' when r.r_reason < 0.95 then 'annet'
           when r.r_reason < 0.98 then 'sjukehus' else 'gravferd' end as reason
       from r left join y_day d2 on d2.municipality_id = r.municipality_id and d2.n = r.n + r.len - 1`,
    `insert into absence_report (id, pupil_id, school_id, reported_by, kind, from_date, to_date, reason, note, documented,
         created_at, withdrawn_at, withdrawn_by) overriding system value
       select id, pupil_id, school_id, reported_by, kind, from_date, to_date, reason, null,
         reason in ('sjuk', 'lege', 'sjukehus') and r_doc < 0.06,
         ${oslo('from_date', "'07:00'")} - r_time * interval '14 hours',
         case when withdrawn then ${oslo('from_date', "'07:30'")} end, case when withdrawn then reported_by end
       from y_report order by id`,
    `insert into absence_report_lesson (absence_report_id, lesson_id)
       select r.id, l.id from y_report r
       join lesson l on l.class_id = r.class_id and l.weekday = r.dow and l.starts_at in ('12:15', '13:05')
       where r.kind = 'lessons'`,

    // Leave applications (permisjon) in every state; the period is school days, past or up to ~5 weeks ahead.
    `create temp table y_leave on commit drop as
       with c as (
         select p.pupil_id, p.school_id, p.municipality_id, p.guardians, p.leader,
           1 + floor(${u('p.pupil_id', 21)} * (p.past_days + 25))::int as n0,
           case when ${u('p.pupil_id', 22)} < 0.4 then 1 when ${u('p.pupil_id', 22)} < 0.7 then 2
             when ${u('p.pupil_id', 22)} < 0.85 then 3 else 5 end as len,
           ${u('p.pupil_id', 23)} as r_status, ${u('p.pupil_id', 24)} as r_reason
         from y_pupil p where p.guardians is not null and p.leader is not null and ${u('p.pupil_id', 20)} < ${LEAVE_CHANCE}
       ), s as (
         select c.*, d1.date as from_date, d2.date as to_date, d1.past,
           case when d1.past then (case when r_status < 0.75 then 'granted' when r_status < 0.82 then 'partly_granted'
               when r_status < 0.92 then 'refused' when r_status < 0.95 then 'withdrawn'
               when cardinality(c.guardians) > 1 then 'declined' else 'refused' end)
             else (case when r_status < 0.4 then 'granted' when r_status < 0.5 then 'refused' when r_status < 0.9 then 'submitted'
               when cardinality(c.guardians) > 1 then 'awaiting_guardians' else 'submitted' end) end as status,
           ${oslo(`least(d1.date - 14, ${T} - 3)`, "'19:00'")} as created_at
         from c join y_day d1 on d1.municipality_id = c.municipality_id and d1.n = c.n0
         join y_day d2 on d2.municipality_id = c.municipality_id and d2.n = c.n0 + c.len - 1
       )
       select s.*, ${base('application')} + row_number() over (order by s.pupil_id) as id,
         (${textArray(['reise', 'familie', 'arrangement', 'religion', 'annet'])})[1 + floor(s.r_reason * 5)::int] as reason
       from s`,
    `insert into application (id, kind, pupil_id, school_id, sfo_id, applicant_id, status, created_at, submitted_at,
         decided_at, decided_by, decision_reasons) overriding system value
       select id, 'leave', pupil_id, school_id, null, guardians[1], status, created_at,
         case when status not in ('awaiting_guardians', 'declined') then created_at + interval '1 day' end,
         case when status in ('granted', 'partly_granted', 'refused') then created_at + interval '2 days' end,
         case when status in ('granted', 'partly_granted', 'refused') then leader end,
         case status when 'granted' then 'Permisjonen er innvilget.'
           when 'partly_granted' then 'Permisjon innvilges for første dag. Resten av perioden er det prøver.'
           when 'refused' then 'Det er prøver i perioden, og eleven har hatt mye fravær.' end
       from y_leave order by id`,
    `insert into leave_application (application_id, reason, from_date, to_date, school_days, justification,
         rules_confirmed_at, granted_from, granted_to, granted_days)
       select id, reason, from_date, to_date, len, 'Familien skal på reise og ønsker at eleven blir med.', created_at,
         case when status in ('granted', 'partly_granted') then from_date end,
         case when status = 'granted' then to_date when status = 'partly_granted' then from_date end,
         case when status = 'granted' then len when status = 'partly_granted' then 1 end
       from y_leave`,
    `insert into application_confirmation (application_id, guardian_id, answer, answered_at)
       select l.id, g.guardian_id,
         case when l.status = 'awaiting_guardians' then null when l.status = 'declined' then 'declined' else 'confirmed' end,
         case when l.status <> 'awaiting_guardians' then l.created_at + interval '12 hours' end
       from y_leave l cross join lateral unnest(l.guardians[2:]) g(guardian_id)`,

    // Days the school registers a pupil absent because of what home said: reported whole days and granted leave.
    `create temp table y_absent_day on commit drop as
       select r.pupil_id, d.date from y_report r
         join y_day d on d.municipality_id = r.municipality_id and d.past and d.date between r.from_date and r.to_date
         where r.kind = 'days' and not r.withdrawn
       union
       select l.pupil_id, d.date from y_leave l
         join y_day d on d.municipality_id = l.municipality_id and d.past and d.date between l.from_date
           and (case when l.status = 'granted' then l.to_date else l.from_date end)
         where l.status in ('granted', 'partly_granted')`,
    `create unique index on y_absent_day (pupil_id, date)`,
    `create temp table y_lesson_absent on commit drop as
       select r.pupil_id, r.from_date as date, rl.lesson_id from y_report r
       join absence_report_lesson rl on rl.absence_report_id = r.id where not r.withdrawn`,
    `analyze y_absent_day`,

    // The day register: every pupil, every school day so far. Unreported absence ≈ 0.4 %, late ≈ 1.6 %.
    `insert into attendance (pupil_id, school_id, date, lesson_id, status, registered_by, registered_at, updated_at)
       select p.pupil_id, p.school_id, d.date, null,
         case when a.pupil_id is not null then 'absent' when ${u('p.pupil_id * 1000 + d.n', 10)} < 0.004 then 'absent'
           when ${u('p.pupil_id * 1000 + d.n', 10)} < 0.02 then 'late' else 'present' end,
         coalesce(p.contact_teacher, p.leader), ${oslo('d.date', "'08:20'")}, ${oslo('d.date', "'08:20'")}
       from y_pupil p
       join y_day d on d.municipality_id = p.municipality_id and d.past and d.date >= p.starts_on
       left join y_absent_day a on a.pupil_id = p.pupil_id and a.date = d.date`,

    // Lesson registers for 8.–10. trinn: every lesson of the pupil's class and teaching groups, by its teacher.
    `create temp table y_plesson on commit drop as
       select p.pupil_id, l.id as lesson_id, l.weekday, l.starts_at, coalesce(l.teacher_id, p.contact_teacher, p.leader) as teacher
         from y_pupil p join lesson l on l.class_id = p.class_id where p.trinn >= 8
       union all
       select p.pupil_id, l.id, l.weekday, l.starts_at, coalesce(l.teacher_id, p.contact_teacher, p.leader)
         from y_pupil p join teaching_group_member tm on tm.pupil_id = p.pupil_id
         join lesson l on l.teaching_group_id = tm.teaching_group_id where p.trinn >= 8`,
    `insert into attendance (pupil_id, school_id, date, lesson_id, status, registered_by, registered_at, updated_at)
       select p.pupil_id, p.school_id, d.date, pl.lesson_id,
         case when a.pupil_id is not null or ${u('p.pupil_id * 1000 + d.n', 10)} < 0.004 then 'absent'
           when la.lesson_id is not null then 'absent'
           when ${u('(p.pupil_id * 1000 + d.n) * 100000 + pl.lesson_id % 100000', 11)} < 0.002 then 'absent'
           when ${u('(p.pupil_id * 1000 + d.n) * 100000 + pl.lesson_id % 100000', 11)} < 0.012 then 'late'
           else 'present' end,
         pl.teacher, ${oslo('d.date', 'pl.starts_at')} + interval '5 minutes', ${oslo('d.date', 'pl.starts_at')} + interval '5 minutes'
       from y_pupil p
       join y_plesson pl on pl.pupil_id = p.pupil_id
       join y_day d on d.municipality_id = p.municipality_id and d.past and d.date >= p.starts_on and d.dow = pl.weekday
       left join y_absent_day a on a.pupil_id = p.pupil_id and a.date = d.date
       left join y_lesson_absent la on la.pupil_id = p.pupil_id and la.date = d.date and la.lesson_id = pl.lesson_id`,

    // What the absence follow-up job would have made each day: absent (day or lesson), no report, no granted leave.
    `insert into absence_follow_up (pupil_id, date, school_id, created_at)
       select a.pupil_id, a.date, min(a.school_id), min(${oslo('a.date', 'm.absence_follow_up_time')})
       from attendance a join school s on s.id = a.school_id join municipality m on m.id = s.municipality_id
       where a.status = 'absent' and a.date < ${T}
         and not exists (select 1 from absence_report r where r.pupil_id = a.pupil_id and r.withdrawn_at is null
           and r.from_date <= a.date and r.to_date >= a.date)
         and not exists (select 1 from leave_application l join application ap on ap.id = l.application_id
           where ap.pupil_id = a.pupil_id and ap.status in ('granted', 'partly_granted')
             and l.granted_from <= a.date and l.granted_to >= a.date)
       group by a.pupil_id, a.date
       on conflict do nothing`,
    `insert into outbox (created_at, recipient_person_id, category, event_type, school_id, pupil_id, payload,
         idempotency_key, read_at, planned_at)
       select f.created_at, g.guardian_id, 'absence', 'absence.follow_up', f.school_id, f.pupil_id,
         jsonb_build_object('date', to_char(f.date, 'YYYY-MM-DD')),
         'absence-follow-up:' || f.pupil_id || ':' || to_char(f.date, 'YYYY-MM-DD') || ':' || g.guardian_id,
         case when ${u('f.pupil_id * 100000 + g.guardian_id', 12)} < 0.8 then f.created_at + interval '40 minutes' end,
         f.created_at + interval '2 seconds'
       from absence_follow_up f join y_pupil p on p.pupil_id = f.pupil_id
       cross join lateral unnest(p.guardians) g(guardian_id)
       where f.date < ${T}
       order by f.created_at, f.pupil_id, g.guardian_id`,

    // Message threads between a guardian with access and the school side the kind names: the class's contact
    // teacher, the school's leadership (school office), the pupil's SFO leader, or a teacher of the pupil's groups.
    `create temp table y_thread0 on commit drop as
       with t as (
         select p.pupil_id, p.school_id, p.municipality_id, p.guardians, p.sfo_id, p.past_days, gs.i,
           p.pupil_id * 1000 + gs.i as k, p.contact_teacher, p.leader, p.subject_teacher, p.sfo_leader
         from y_pupil p cross join lateral generate_series(1,
           round(p.past_days * ${THREADS_PER_PUPIL_DAY} * (0.25 + 1.5 * ${u('p.pupil_id', 30)}))::int) gs(i)
         where p.guardians is not null and p.past_days >= 3
       ), k as (
         select t.*, case
             when ${u('t.k', 31)} < 0.10 and t.leader is not null then 'school_office'
             when ${u('t.k', 31)} < 0.18 and t.sfo_leader is not null then 'sfo'
             when ${u('t.k', 31)} < 0.30 and t.subject_teacher is not null then 'teacher'
             when t.contact_teacher is not null then 'contact_teacher'
             else 'school_office' end as kind
         from t
       ), s as (
         select k.*,
           case kind when 'school_office' then leader when 'sfo' then sfo_leader when 'teacher' then subject_teacher
             else contact_teacher end as staff,
           case kind when 'school_office' then 'leadership' when 'sfo' then 'sfo_leader' when 'teacher' then 'teacher'
             else 'contact_teacher' end as capacity,
           guardians[1 + floor(${u('k.k', 32)} * cardinality(guardians))::int] as guardian,
           kind <> 'teacher' and ${u('k.k', 33)} < 0.6 as guardian_starts,
           1 + floor(${u('k.k', 34)} * 7)::int as n_msgs,
           1 + floor(${u('k.k', 35)} * 6)::int as gap_hours,
           ${oslo('d.date', "'07:00'")} + ${u('k.k', 36)} * interval '14 hours' as created_at,
           ${pick(SUBJECTS, u('k.k', 37))} as subject
         from k join y_day d on d.municipality_id = k.municipality_id
           and d.n = 1 + floor(${u('k.k', 38)} * (k.past_days - 2))::int
       )
       select s.*, ${base('thread')} + row_number() over (order by s.created_at, s.pupil_id, s.i) as id
       from s where s.staff is not null and s.staff <> all(s.guardians)`,
    `create temp table y_thread on commit drop as
       select t.*, ${base('message')} + coalesce(sum(t.n_msgs) over (order by t.id rows between unbounded preceding
         and 1 preceding), 0) as msg0,
         (t.n_msgs % 2 = 1) = t.guardian_starts as guardian_last
       from y_thread0 t`,
    `create unique index on y_thread (id)`,
    `analyze y_thread`,
    `insert into message_thread (id, pupil_id, school_id, kind, sfo_id, subject, started_by, created_at,
         last_message_at, last_message_id) overriding system value
       select id, pupil_id, school_id, kind, case when kind = 'sfo' then sfo_id end, subject,
         case when guardian_starts then guardian else staff end, created_at,
         created_at + (n_msgs - 1) * gap_hours * interval '1 hour', msg0 + n_msgs
       from y_thread order by id`,
    // Messages alternate between the two sides, the starter first.
    `create temp table y_message on commit drop as
       select t.msg0 + m.k as id, t.id as thread_id, m.k, (m.k % 2 = 1) = t.guardian_starts as by_guardian,
         t.created_at + (m.k - 1) * t.gap_hours * interval '1 hour' as created_at
       from y_thread t cross join lateral generate_series(1, t.n_msgs) m(k)`,
    `insert into message (id, thread_id, author_id, author_capacity, body, via, sender_number, created_at)
       overriding system value
       select m.id, m.thread_id, case when m.by_guardian then t.guardian else t.staff end,
         case when m.by_guardian then 'guardian' else t.capacity end,
         case when m.by_guardian then ${pick(GUARDIAN_BODIES, u('m.id', 39))} else ${pick(STAFF_BODIES, u('m.id', 39))} end,
         'web', null, m.created_at
       from y_message m join y_thread t on t.id = m.thread_id order by m.id`,
    // Read marks: each author has read at least up to their own last message (most up to the last one); the other
    // guardians with access have read half of the threads. Nobody else.
    `insert into message_read (thread_id, person_id, last_read_message_id, read_at)
       select t.id, x.person_id, t.msg0 + x.k,
         t.created_at + (x.k - 1) * t.gap_hours * interval '1 hour' + interval '30 minutes'
       from y_thread t cross join lateral (
         select t.staff as person_id,
           case when not t.guardian_last or ${u('t.id', 40)} < 0.85 then t.n_msgs else t.n_msgs - 1 end as k
           where not t.guardian_starts or t.n_msgs >= 2
         union all
         select t.guardian, case when t.guardian_last or ${u('t.id', 41)} < 0.7 then t.n_msgs else t.n_msgs - 1 end
           where t.guardian_starts or t.n_msgs >= 2
         union all
         select g, t.n_msgs from unnest(t.guardians) g where g <> t.guardian and ${u('t.id * 100000 + g % 100000', 42)} < 0.5
       ) x`,
    // Outbox: every message tells the other guardians with access and, when a guardian wrote, the staff side.
    `insert into outbox (created_at, recipient_person_id, category, event_type, school_id, pupil_id, payload,
         idempotency_key, read_at, planned_at)
       select m.created_at, r.person_id, 'messages', 'message.new', t.school_id, t.pupil_id,
         jsonb_build_object('threadId', t.id), 'message:' || m.id || ':' || r.person_id,
         case when ${u('m.id * 100000 + r.person_id % 100000', 43)} < 0.75 then m.created_at + interval '1 hour' end,
         m.created_at + interval '2 seconds'
       from y_message m join y_thread t on t.id = m.thread_id
       cross join lateral (
         select g as person_id from unnest(t.guardians) g where not (m.by_guardian and g = t.guardian)
         union all select t.staff where m.by_guardian
       ) r
       order by m.id, r.person_id`,
    // Delivery: both channels of every outbox row written here, as the planner and the worker leave them.
    `insert into delivery (outbox_id, channel, status, skip_reason, idempotency_key, attempts, next_attempt_at,
         claimed_by, provider_message_id, sent_at, delivered_at, created_at, updated_at)
       select o.id, c.channel, c.status, c.skip_reason, o.idempotency_key || ':' || c.channel,
         case when c.status = 'sent' then 1 else 0 end, o.planned_at,
         case when c.status = 'sent' then 'seed:1' end,
         case when c.status = 'sent' and c.channel = 'sms' then 'seed-' || o.id end,
         case when c.status = 'sent' then o.planned_at + interval '3 seconds' end,
         case when c.status = 'sent' and c.channel = 'sms' then o.planned_at + interval '9 seconds' end,
         o.planned_at, o.planned_at + case when c.status = 'sent' then interval '9 seconds' else interval '0' end
       from outbox o
       left join guardian_relation g on g.pupil_id = o.pupil_id and g.guardian_id = o.recipient_person_id
       cross join lateral (values
         ('sms', case when g.id is null then 'skipped' when ${u('o.id', 44)} < 0.7 then 'sent' else 'skipped' end,
           case when g.id is null then 'email_only' when ${u('o.id', 44)} < 0.7 then null else 'setting_off' end),
         ('email', case when g.id is null or ${u('o.id', 45)} < 0.3 then 'sent' else 'skipped' end,
           case when g.id is null or ${u('o.id', 45)} < 0.3 then null else 'setting_off' end)
       ) c(channel, status, skip_reason)
       where o.id > ${base('outbox')}
       order by o.id, c.channel`,

    // Consents: most guardians with access have answered their child's consents (a sub-consent only when its parent
    // is given), in the first weeks, after giving the general consent.
    `create temp table y_consent on commit drop as
       select * from (
         select p.pupil_id, g.guardian_id, ct.id as consent_type_id,
           case when ct.parent_id is null or ${u('p.pupil_id * 100000 + g.guardian_id', '40 + ct.parent_id')} < 0.85
             then (case when ${u('p.pupil_id * 100000 + g.guardian_id', '40 + ct.id')} < 0.85 then 'given' else 'refused' end)
             end as state,
           least(${oslo(`y.starts_on + 1 + floor(${u('p.pupil_id * 100000 + g.guardian_id', 39)} * 20)::int`, "'19:30'")},
             ${oslo(T, "'00:00'")} - interval '1 hour') as at
         from y_pupil p join y_year y on y.municipality_id = p.municipality_id
         cross join lateral unnest(p.guardians) g(guardian_id)
         join consent_type ct on ct.municipality_id = p.municipality_id and ct.active and ct.applies_to = 'school'
           and (ct.school_id is null or ct.school_id = p.school_id)
         where ${u('p.pupil_id * 100000 + g.guardian_id', 38)} < 0.85
           and not exists (select 1 from consent_answer ca where ca.pupil_id = p.pupil_id and ca.guardian_id = g.guardian_id)
       ) c where c.state is not null`,
    `create temp table y_general on commit drop as
       select c.guardian_id, min(c.at) - interval '10 minutes' as at from y_consent c
       where not exists (select 1 from general_consent gc where gc.guardian_id = c.guardian_id)
       group by c.guardian_id`,
    `insert into general_consent (guardian_id, state, decided_at) select guardian_id, 'given', at from y_general`,
    `insert into general_consent_event (at, guardian_id, from_state, to_state)
       select at, guardian_id, 'unanswered', 'given' from y_general order by at`,
    `insert into consent_answer (pupil_id, guardian_id, consent_type_id, state, answered_at)
       select pupil_id, guardian_id, consent_type_id, state, at from y_consent`,
    `insert into consent_event (at, pupil_id, guardian_id, consent_type_id, changed_by, from_state, to_state, reason)
       select at, pupil_id, guardian_id, consent_type_id, guardian_id, 'unanswered', state, 'answer' from y_consent
       order by at, pupil_id, guardian_id, consent_type_id`,

    // Audit rows for what was done through the pages: threads, messages, absence reports, leave, general consent.
    `insert into audit_log (at, actor_person_id, actor_role, action, subject_person_id, record_type, record_id, details)
       select created_at, case when guardian_starts then guardian else staff end,
         case when guardian_starts then 'guardian' else capacity end, 'message_thread.create', pupil_id,
         'message_thread', id::text, jsonb_build_object('kind', kind)
       from y_thread
       union all
       select m.created_at, case when m.by_guardian then t.guardian else t.staff end,
         case when m.by_guardian then 'guardian' else t.capacity end, 'message.send', t.pupil_id, 'message', m.id::text,
         jsonb_build_object('threadId', t.id, 'via', 'web', 'recipients', cardinality(t.guardians))
       from y_message m join y_thread t on t.id = m.thread_id
       union all
       select ${oslo('from_date', "'07:00'")} - r_time * interval '14 hours', reported_by, 'guardian', 'absence.report',
         pupil_id, 'absence_report', id::text,
         jsonb_build_object('kind', kind, 'from', to_char(from_date, 'YYYY-MM-DD'), 'to', to_char(to_date, 'YYYY-MM-DD'))
       from y_report
       union all
       select ${oslo('from_date', "'07:30'")}, reported_by, 'guardian', 'absence.withdraw', pupil_id, 'absence_report',
         id::text, null from y_report where withdrawn
       union all
       select created_at, guardians[1], 'guardian', 'leave.apply', pupil_id, 'leave_application', id::text,
         jsonb_build_object('from', to_char(from_date, 'YYYY-MM-DD'), 'to', to_char(to_date, 'YYYY-MM-DD'))
       from y_leave
       union all
       select created_at + interval '2 days', leader, 'leadership', 'leave.decide', pupil_id, 'leave_application',
         id::text, jsonb_build_object('status', status)
       from y_leave where status in ('granted', 'partly_granted', 'refused')
       union all
       select at, guardian_id, 'guardian', 'general_consent.give', guardian_id, 'general_consent', guardian_id::text, null
       from y_general`,

    // The identity sequences continue after the ids written here.
    ...['message_thread', 'message', 'absence_report', 'application'].map(
      (table) =>
        `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table})) where exists (select 1 from ${table})`,
    ),
  ];
}
