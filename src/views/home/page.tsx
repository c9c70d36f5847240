import type { CareChildSummary } from '../../domain/care/guardian-children.ts';
import { careGuardianText } from '../../i18n/care-guardian.ts';
import { careGuardianPaths } from '../../paths/care-guardian.ts';
import { newsPaths } from '../../paths/news.ts';
import { newsText } from '../../i18n/news.ts';
import type { ChildSummary } from '../../domain/guardian/children.ts';
import type { StarterSummary } from '../../domain/guardian/starters.ts';
import { StarterCard } from './starter-card.tsx';
import type { listStaffUnits, findOwnClass } from '../../domain/school/units.ts';
import { fill } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import type { OwnClassList } from '../../domain/pupils/class-list.ts';
import { timetableText } from '../../i18n/timetable.ts';
import { absencePaths } from '../../paths/absence.ts';
import { broadcastPaths } from '../../paths/broadcasts.ts';
import { childPaths } from '../../paths/children.ts';
import { contactCardPaths } from '../../paths/contact-card.ts';
import { pupilPaths } from '../../paths/pupils.ts';
import { timetablePaths } from '../../paths/timetable.ts';
import { contactText } from '../../i18n/contact.ts';
import { NotificationList } from '../notifications.tsx';
import type { listNotifications } from '../../domain/notifications/outbox.ts';
import type { TodayLesson } from '../../domain/attendance/today.ts';
import { RegisterLink, TodayLessons } from '../attendance/today.tsx';
import { officePaths } from '../../paths/office.ts';
import { StaffWaiting, type StaffWaitingCounts } from './staff-waiting.tsx';
import { ChildGlanceParts, GeneralConsentState } from './glance.tsx';
import type { GuardianGlance } from '../../domain/guardian/glance.ts';
import { card, link } from '../components/classes.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import type { CareUnitInfo } from '../../domain/access/care-scope.ts';
import { careBoardText } from '../../i18n/care-board.ts';
import { CareBoardLinks } from '../care/board-page.tsx';

/** Guardian home (G1): every child the guardian may see, across schools and school owners. */
export function GuardianHome({
  page,
  children,
  glance,
  today,
  notifications = [],
  starters = [],
  careChildren = [],
}: {
  page: PageContext;
  children: ChildSummary[];
  /** Children with an SFO or kindergarten place today (issue 13): a link to the care page; kindergarten children a card. */
  careChildren?: CareChildSummary[];
  /** Skolestartere (issue 12): admitted to 1. trinn from a later day; their card leads to the SFO. */
  starters?: StarterSummary[];
  glance: GuardianGlance;
  today: string;
  notifications?: Awaited<ReturnType<typeof listNotifications>>;
}) {
  const t = page.t.home;
  const care = careGuardianText[page.locale];
  const schoolIds = new Set(children.map((c) => c.pupilId));
  const sfoToday = new Set(careChildren.filter((c) => c.kind === 'sfo').map((c) => c.childId));
  const kindergartenChildren = careChildren.filter((c) => c.kind === 'kindergarten' && !schoolIds.has(c.childId));
  if (children.length === 0 && starters.length === 0 && kindergartenChildren.length === 0) {
    return (
      <div class="max-w-prose space-y-4">
        <h1 class="text-3xl font-bold" safe>
          {t.noChildrenTitle}
        </h1>
        <p safe>{t.noChildrenBody}</p>
      </div>
    );
  }
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.greeting, { name: page.userName ?? '' })}
      </h1>
      <h2 class="text-xl font-semibold" safe>
        {t.childrenHeading}
      </h2>
      <ul class="grid gap-4 sm:grid-cols-2" role="list">
        {children.map((child) => (
          <li class={`${card} space-y-2`}>
            <h3 class="text-lg font-semibold">
              <a
                href={childPaths.overview(child.pupilId)}
                class={link}
                safe
              >{`${child.givenName} ${child.familyName}`}</a>
            </h3>
            <p safe>{`${child.schoolName}, ${child.className}`}</p>
            <p class="text-sm text-slate-700" safe>
              {fill(t.owner, { owner: child.ownerName })}
            </p>
            {child.contactTeachers.length ? (
              <p class="text-sm" safe>{`${t.contactTeacher}: ${child.contactTeachers.join(', ')}`}</p>
            ) : (
              ''
            )}
            {sfoToday.has(child.pupilId) ? (
              <p>
                <a href={careGuardianPaths.child(child.pupilId)} class={link} data-care-link safe>
                  {care.sfoToday}
                </a>
              </p>
            ) : (
              ''
            )}
            {glance.children.has(child.pupilId) ? (
              <ChildGlanceParts
                page={page}
                glance={glance.children.get(child.pupilId)!}
                childName={child.givenName}
                today={today}
              />
            ) : (
              ''
            )}
          </li>
        ))}
        {starters.map((starter) => (
          <StarterCard page={page} starter={starter} />
        ))}
        {kindergartenChildren.map((child) => (
          <li class={`${card} space-y-2`} data-kindergarten-child={String(child.childId)}>
            <h3 class="text-lg font-semibold">
              <a
                href={careGuardianPaths.child(child.childId)}
                class={link}
                safe
              >{`${child.givenName} ${child.familyName}`}</a>
            </h3>
            <p safe>{child.departmentName ? `${child.unitName}, ${child.departmentName}` : child.unitName}</p>
            <p>
              <a href={careGuardianPaths.child(child.childId)} class={link} data-care-link safe>
                {care.kindergartenToday}
              </a>
            </p>
            <p>
              <a href={newsPaths.careChild(child.childId)} class={link} safe>
                {newsText[page.locale].kindergartenLatest}
              </a>
            </p>
          </li>
        ))}
      </ul>
      <GeneralConsentState page={page} state={glance.generalConsent} />
      <p class="flex flex-wrap gap-x-6 gap-y-2">
        <a href={contactCardPaths.card} class={link} safe>
          {contactText[page.locale].homeLink}
        </a>
        <a href={broadcastPaths.list} class={link} safe>
          {broadcastsText[page.locale].receivedTitle}
        </a>
      </p>
      <NotificationList page={page} notifications={notifications} />
    </div>
  );
}

type StaffUnits = Awaited<ReturnType<typeof listStaffUnits>>;

/** Staff home (S1, S3): their roles, classes, groups, schools and SFOs. */
export function StaffHome({
  page,
  units,
  today,
  waiting,
  careUnits = [],
}: {
  page: PageContext;
  units: StaffUnits;
  /** The daily-care units whose board the person uses (issue 13). */
  careUnits?: CareUnitInfo[];
  today?: { date: string; lessons: TodayLesson[] };
  /** What waits for this person (unread messages; for deciders and leadership, applications and letters). */
  waiting?: StaffWaitingCounts;
}) {
  const t = page.t.home;
  const empty =
    !units.classes.length && !units.groups.length && !units.schools.length && !units.sfos.length && !careUnits.length;
  return (
    <div class="space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.greeting, { name: page.userName ?? '' })}
      </h1>
      <p>
        <span safe>{`${t.roles}: `}</span>
        <span safe>{units.roles.map((role) => t.role[role]).join(', ')}</span>
      </p>
      {empty ? <p safe>{t.noStaffUnits}</p> : ''}
      {careUnits.length ? (
        <section aria-labelledby="care-heading" class="space-y-2">
          <h2 id="care-heading" class="text-xl font-semibold" safe>
            {careBoardText[page.locale].homeHeading}
          </h2>
          <CareBoardLinks page={page} units={careUnits} />
        </section>
      ) : (
        ''
      )}
      {waiting ? <StaffWaiting page={page} roles={units.roles} counts={waiting} /> : ''}
      {today && units.roles.some((role) => role === 'teacher' || role === 'contact_teacher') ? (
        <TodayLessons page={page} lessons={today.lessons} today={today.date} />
      ) : (
        ''
      )}
      {units.schools.length ? (
        <section aria-labelledby="schools-heading" class="space-y-2">
          <h2 id="schools-heading" class="text-xl font-semibold" safe>
            {t.schoolsHeading}
          </h2>
          <ul class="space-y-1" role="list">
            {units.schools.map((school) => (
              <li>
                <a href={officePaths.classList(school.id)} class={link} safe>
                  {school.name}
                </a>
                <span safe>{` – ${fill(t.pupilCount, { count: school.pupils })}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {units.classes.length ? (
        <section aria-labelledby="classes-heading" class="space-y-2">
          <h2 id="classes-heading" class="text-xl font-semibold" safe>
            {t.classesHeading}
          </h2>
          <ul class="grid gap-2 sm:grid-cols-3" role="list">
            {units.classes.map((c) => (
              <li class={card}>
                <a href={pupilPaths.class(c.id)} class={link} safe>{`${c.name}`}</a>
                <span
                  class="block text-sm text-slate-700"
                  safe
                >{`${c.schoolName} · ${fill(t.pupilCount, { count: c.pupils })}`}</span>
                <RegisterLink page={page} unit={{ kind: 'class', id: c.id }} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {units.groups.length ? (
        <section aria-labelledby="groups-heading" class="space-y-2">
          <h2 id="groups-heading" class="text-xl font-semibold" safe>
            {t.groupsHeading}
          </h2>
          <ul class="grid gap-2 sm:grid-cols-3" role="list">
            {units.groups.map((g) => (
              <li class={card}>
                <a href={pupilPaths.group(g.id)} class={link} safe>
                  {g.name}
                </a>
                <span
                  class="block text-sm text-slate-700"
                  safe
                >{`${g.schoolName} · ${fill(t.pupilCount, { count: g.pupils })}`}</span>
                <RegisterLink page={page} unit={{ kind: 'group', id: g.id }} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {units.sfos.length ? (
        <section aria-labelledby="sfo-heading" class="space-y-2">
          <h2 id="sfo-heading" class="text-xl font-semibold" safe>
            {t.sfoHeading}
          </h2>
          <ul role="list">
            {units.sfos.map((sfo) => (
              <li safe>{`${sfo.name} (${sfo.schoolName})`}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}

type OwnClass = NonNullable<Awaited<ReturnType<typeof findOwnClass>>>;

/** Pupil home (P1): own class and contact teacher. */
export function PupilHome({
  page,
  ownClass,
  classList,
}: {
  page: PageContext;
  ownClass: OwnClass;
  classList: OwnClassList | null;
}) {
  const t = page.t.home;
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.greeting, { name: page.userName ?? '' })}
      </h1>
      <p class="flex flex-wrap gap-x-6">
        <a href={timetablePaths.own()} class={link} safe>
          {timetableText[page.locale].title}
        </a>
        <a href={absencePaths.own} class={link} safe>
          {page.t.child.absence}
        </a>
      </p>
      <section aria-labelledby="own-class" class={card}>
        <h2 id="own-class" class="text-xl font-semibold" safe>
          {t.ownClassHeading}
        </h2>
        <p safe>{`${ownClass.schoolName}, ${ownClass.name}`}</p>
        {ownClass.contactTeachers.length ? (
          <p safe>{`${t.contactTeacher}: ${ownClass.contactTeachers.join(', ')}`}</p>
        ) : (
          ''
        )}
      </section>
      {classList ? (
        <section aria-labelledby="class-list" class={card}>
          <h2 id="class-list" class="text-xl font-semibold" safe>
            {t.classListHeading}
          </h2>
          <ul class="columns-1 sm:columns-2 gap-x-8">
            {classList.names.map((p) => (
              <li safe>{p.self ? `${p.name} ${t.classListYou}` : p.name}</li>
            ))}
          </ul>
          <p class="text-sm text-slate-700" safe>
            {t.classListNote}
          </p>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}
