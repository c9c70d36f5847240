import type { AbsenceOverview } from '../../domain/absence/overview.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { absenceText } from '../../i18n/absence.ts';
import { fill } from '../../i18n/index.ts';
import { primaryLink, secondaryLink } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import { SectionLink } from '../components/section-link.tsx';
import type { PageContext } from '../page-context.ts';
import { AbsenceList, AbsenceTotals, reportSummary } from './list.tsx';
import { absencePaths } from '../../paths/absence.ts';

interface Props {
  page: PageContext;
  child: GuardianChild;
  overview: AbsenceOverview;
  /** The report just saved (PRG: `?saved=id`), for the receipt. */
  savedId?: number;
  withdrawn?: boolean;
  alert?: string;
}

/** G6: the child's absence this school year, with the ways to report more. */
export function ChildAbsenceSection({ page, child, overview, savedId, withdrawn, alert }: Props) {
  const t = absenceText[page.locale];
  const saved = overview.year.entries.find((e) => e.source === 'home' && e.reportId === savedId);
  const notice =
    saved?.source === 'home' ? fill(t.saved, { what: reportSummary(t, saved) }) : withdrawn ? t.withdrawn : undefined;
  return (
    <section aria-labelledby="absence-heading" class="space-y-4">
      <h2 id="absence-heading" class="text-2xl font-semibold" safe>
        {fill(t.heading, { name: child.givenName })}
      </h2>
      <Notice text={notice} />
      {alert ? (
        <p class="rounded border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-950" role="alert" safe>
          {alert}
        </p>
      ) : (
        ''
      )}
      <p class="flex flex-wrap gap-3">
        <SectionLink href={absencePaths.newReport(child.pupilId, 'days')} class={primaryLink} text={t.reportDays} />
        <SectionLink
          href={absencePaths.newReport(child.pupilId, 'lessons')}
          class={secondaryLink}
          text={t.reportLessons}
        />
      </p>
      <AbsenceTotals page={page} overview={overview} level={3} />
      <p class="text-sm text-slate-700" safe>
        {t.withdrawHelp}
      </p>
      <AbsenceList
        page={page}
        overview={overview}
        level={3}
        withdrawPath={(id) => absencePaths.withdrawal(child.pupilId, id)}
        showNotes
      />
    </section>
  );
}
