import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// SFO places (issue 12; G8, G9, G10, S8, S9). Amounts are integers in øre.
//
// - The school owner sets the free hours (12 a week for trinn 1–3 by law; 4. trinn can be added).
// - Each SFO has its billing months (11 by default: July is free), its sibling discount, its capacity (places) and its
//   notice period, and offers: full time, or part time as days a week or a percentage, each with a monthly price,
//   food money and the hours a week it stands for (the free hours are deducted in proportion).
// - A place (sfo_enrolment) now says its offer, its days (part time by days), its payer and whether the payer asked
//   to share the invoice with the other guardian; a change ends one row the day before and starts the next.
// - SFO applications are applications (0014) of four more kinds; sfo_application holds place / change / termination,
//   sfo_reduced_payment_application the reduced payment (6 % of household income).
// - A payment reduction granted (income cap, or free SFO for 5.–7. trinn with special needs) is kept per pupil and
//   school year.
// - Summer SFO: a period per SFO and year with open and closed weeks, a price per day and an answer deadline, and the
//   guardians' answers per week (the days the child comes).
const statements = `
  alter table municipality
    add column sfo_free_hours_per_week smallint not null default 12 check (sfo_free_hours_per_week between 0 and 40),
    add column sfo_free_hours_last_trinn smallint not null default 3 check (sfo_free_hours_last_trinn between 0 and 4);

  alter table sfo
    add column billing_months smallint[] not null default '{1,2,3,4,5,6,8,9,10,11,12}',
    add column sibling_discount_percent smallint not null default 0 check (sibling_discount_percent between 0 and 100),
    add column capacity integer check (capacity is null or capacity >= 0),
    add column notice_months smallint not null default 1 check (notice_months between 0 and 6);

  create table sfo_offer (
    id bigint generated always as identity primary key,
    sfo_id bigint not null references sfo,
    name text not null,
    kind text not null check (kind in ('full', 'days', 'percent')),
    days_per_week smallint check (days_per_week between 1 and 4),
    percent smallint check (percent between 1 and 99),
    hours_per_week smallint not null check (hours_per_week between 1 and 60),
    monthly_price_ore integer not null check (monthly_price_ore >= 0),
    food_ore integer not null default 0 check (food_ore >= 0),
    closed_on date,
    created_at timestamptz not null default now(),
    check ((kind = 'days') = (days_per_week is not null)),
    check ((kind = 'percent') = (percent is not null))
  );
  create index sfo_offer_sfo_idx on sfo_offer (sfo_id);

  alter table sfo_enrolment
    add column offer_id bigint references sfo_offer,
    add column days smallint[],
    add column payer_id bigint references person,
    add column shared_invoice boolean not null default false,
    add column application_id bigint references application;
  create index sfo_enrolment_sfo_period_idx on sfo_enrolment (sfo_id, starts_on, ends_on);

  alter table application drop constraint application_kind_check;
  alter table application add constraint application_kind_check
    check (kind in ('leave', 'sfo_place', 'sfo_change', 'sfo_termination', 'sfo_reduced_payment'));

  create table sfo_application (
    application_id bigint primary key references application,
    offer_id bigint references sfo_offer,
    days smallint[],
    from_date date not null,
    comment text not null default '',
    shared_invoice boolean not null default false,
    enrolment_id bigint references sfo_enrolment,
    granted_offer_id bigint references sfo_offer,
    granted_days smallint[],
    granted_from date
  );
  create index sfo_application_enrolment_idx on sfo_application (enrolment_id) where enrolment_id is not null;

  create table sfo_reduced_payment_application (
    application_id bigint primary key references application,
    school_year_id bigint not null references school_year,
    household_members text not null,
    household_size smallint not null check (household_size between 1 and 20),
    gross_income_ore bigint not null check (gross_income_ore >= 0),
    attachment_document_id bigint references document,
    granted_income_ore bigint
  );

  create table sfo_payment_reduction (
    id bigint generated always as identity primary key,
    pupil_id bigint not null references person,
    school_year_id bigint not null references school_year,
    kind text not null check (kind in ('income_cap', 'free')),
    household_income_ore bigint,
    application_id bigint references application,
    decided_by bigint not null references person,
    reason text not null default '',
    created_at timestamptz not null default now(),
    ended_at timestamptz,
    check ((kind = 'income_cap') = (household_income_ore is not null))
  );
  create unique index sfo_payment_reduction_current_key on sfo_payment_reduction (pupil_id, school_year_id)
    where ended_at is null;

  create table sfo_summer_period (
    id bigint generated always as identity primary key,
    sfo_id bigint not null references sfo,
    year smallint not null,
    first_day date not null,
    last_day date not null,
    answer_deadline date not null,
    price_per_day_ore integer not null check (price_per_day_ore >= 0),
    sent_at timestamptz,
    unique (sfo_id, year),
    check (first_day <= last_day)
  );

  create table sfo_summer_week (
    period_id bigint not null references sfo_summer_period,
    week_start date not null,
    open boolean not null,
    primary key (period_id, week_start)
  );

  create table sfo_summer_answer (
    period_id bigint not null references sfo_summer_period,
    pupil_id bigint not null references person,
    week_start date not null,
    days smallint[] not null,
    answered_by bigint not null references person,
    answered_at timestamptz not null,
    primary key (period_id, pupil_id, week_start)
  );
  create index sfo_summer_answer_pupil_idx on sfo_summer_answer (pupil_id);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
