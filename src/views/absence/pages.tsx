import type { AbsenceOverview, PupilAbsence } from '../../domain/absence/overview.ts';
import { absenceText } from '../../i18n/absence.ts';
import { fill } from '../../i18n/index.ts';
import { link } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { absencePaths } from '../../paths/absence.ts';
import { pupilPaths } from '../../paths/pupils.ts';
import { AbsenceList, AbsenceTotals } from './list.tsx';

/** P1: the pupil's own absence this school year, read only (the guardians' notes are left out). */
export function OwnAbsencePage({ page, overview }: { page: PageContext; overview: AbsenceOverview }) {
  const t = absenceText[page.locale];
  return (
    <div class="max-w-2xl space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {t.ownHeading}
      </h1>
      <AbsenceTotals page={page} overview={overview} level={2} />
      <AbsenceList page={page} overview={overview} level={2} showNotes={false} />
    </div>
  );
}

export const pupilAbsenceTitle = (page: PageContext, data: PupilAbsence) =>
  fill(absenceText[page.locale].pupilHeading, { name: `${data.pupil.givenName} ${data.pupil.familyName}` });

/** S4: a pupil's absence for staff; leadership and the contact teacher mark documentation received. */
export function PupilAbsencePage({ page, data, notice }: { page: PageContext; data: PupilAbsence; notice?: string }) {
  const t = absenceText[page.locale];
  const pupilId = data.pupil.id;
  return (
    <div class="max-w-2xl space-y-6">
      <div>
        <p>
          <a href={pupilPaths.pupil(pupilId)} class={link} safe>
            {t.backToPupil}
          </a>
        </p>
        <h1 class="text-3xl font-bold" safe>
          {pupilAbsenceTitle(page, data)}
        </h1>
        <p class="text-slate-700" safe>{`${data.pupil.schoolName}, ${data.pupil.className}`}</p>
      </div>
      <Notice text={notice} />
      <AbsenceTotals page={page} overview={data.overview} level={2} />
      <AbsenceList
        page={page}
        overview={data.overview}
        level={2}
        showNotes
        documentationPath={data.canMarkDocumented ? (id) => absencePaths.documentation(pupilId, id) : undefined}
      />
    </div>
  );
}
