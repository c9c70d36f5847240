import type { ApplicationKind } from '../../db/schema.ts';
import type { ApplicationPage, PageOf } from '../../domain/applications/queue.ts';
import type { DecisionConflict } from '../../domain/applications/status.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { formatDate } from '../../i18n/index.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { DecisionForm, DecisionSummary } from './decision.tsx';
import type { DecisionFormState } from './kind-view.ts';
import { viewOf } from './kinds.tsx';
import { link } from '../components/classes.ts';
import { Section } from '../components/section.tsx';
import { Row } from './parts.tsx';

export const applicationPageTitle = (page: PageContext, view: ApplicationPage) =>
  viewOf(view.kind).pageTitle(page.locale, view.app);

interface Props<K extends ApplicationKind> {
  page: PageContext;
  view: PageOf<K>;
  form?: DecisionFormState<K>;
  notice?: 'decided' | DecisionConflict;
}

/** S8: one application in full, its kind's own sections (e.g. the pupil's absence), and the decision. */
export function ApplicationPageView<K extends ApplicationKind>({ page, view, form, notice }: Props<K>) {
  const t = applicationsText[page.locale];
  const kind = viewOf<K>(view.kind);
  const { app } = view;
  return (
    <div id="application" class="max-w-3xl space-y-6">
      <div>
        <p>
          <a href={applicationPaths.queue()} class={link} safe>
            {t.backToQueue}
          </a>
        </p>
        <h1 class="text-3xl font-bold" safe>
          {kind.pageTitle(page.locale, app)}
        </h1>
        <p class="text-slate-700" safe>
          {[app.schoolName, app.className].filter(Boolean).join(', ')}
        </p>
      </div>
      {notice === 'decided' ? (
        <Notice text={t.decided} />
      ) : notice ? (
        <p class="rounded border-2 border-amber-700 bg-amber-50 p-3" role="alert" safe>
          {t.conflict[notice]}
        </p>
      ) : (
        ''
      )}
      <Section id="application-details" heading={t.applicationHeading}>
        <dl>
          <kind.DetailRows page={page} app={app} />
          <Row label={t.applicant}>
            <span safe>{app.applicantName}</span>
          </Row>
          <Row label={t.received}>{app.submittedAt ? <span safe>{formatDate(app.submittedAt)}</span> : ''}</Row>
          <Row label={t.status}>
            <span id="application-status" safe>
              {t.statuses[app.status]}
            </span>
          </Row>
        </dl>
      </Section>
      <kind.Sections page={page} view={view} />
      <Section id="application-decision" heading={t.decisionHeading}>
        {app.decision ? (
          <DecisionSummary page={page} view={view} />
        ) : app.status === 'submitted' ? (
          <DecisionForm page={page} view={view} form={form} />
        ) : (
          <p safe>{t.statuses[app.status]}</p>
        )}
      </Section>
    </div>
  );
}
