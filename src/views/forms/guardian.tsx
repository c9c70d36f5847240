import type { ChildForm, Answers, AnswerError } from '../../domain/forms/answer.ts';
import { isOpen } from '../../domain/forms/answer.ts';
import type { listChildForms } from '../../domain/forms/answer.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { formsText } from '../../i18n/forms.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { link, listCard, primaryButton } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import { ErrorSummary, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { QuestionInput, questionFieldId } from './question-input.tsx';
import { formPaths } from '../../paths/forms.ts';

type FormListItem = Awaited<ReturnType<typeof listChildForms>>[number];

/** G13: the forms sent for the child, with answered / not answered and the deadline. */
export function ChildFormsSection({
  page,
  child,
  forms,
  today,
}: {
  page: PageContext;
  child: GuardianChild;
  forms: FormListItem[];
  today: string;
}) {
  const t = formsText[page.locale];
  return (
    <section aria-labelledby="forms-heading" class="space-y-3">
      <h2 id="forms-heading" class="text-xl font-semibold" safe>
        {t.childHeading}
      </h2>
      {forms.length === 0 ? (
        <p safe>{fill(t.childEmpty, { name: child.givenName })}</p>
      ) : (
        <ul class={listCard} role="list">
          {forms.map((f) => (
            <li class="space-y-1 px-4 py-3">
              <a href={formPaths.childForm(child.pupilId, f.id)} class={`${link} font-semibold`} safe>
                {f.title}
              </a>
              <p class="text-sm text-slate-700">
                <span safe>
                  {f.answered_at ? fill(t.answered, { date: formatDate(f.answered_at) }) : t.notAnswered}
                </span>
                <span
                  safe
                >{` · ${isOpen(f.deadline, today) ? fill(t.deadline, { date: formatDate(f.deadline) }) : t.closed}`}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One form to answer for the child (or see, after the deadline). Values kept and errors shown on a 422. */
export function ChildFormAnswer({
  page,
  child,
  form,
  today,
  input,
  errors = {},
  saved,
}: {
  page: PageContext;
  child: GuardianChild;
  form: ChildForm;
  today: string;
  input?: Answers;
  errors?: Record<number, AnswerError>;
  saved?: boolean;
}) {
  const t = formsText[page.locale];
  const open = isOpen(form.deadline, today);
  const values = input ?? form.answer?.answers ?? {};
  const shown = (id: number) => {
    const v = values[id];
    const q = form.questions.find((x) => x.id === id);
    return q?.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  };
  const summary = form.questions.flatMap((q) =>
    errors[q.id] ? [{ field: questionFieldId(q), message: `${q.label}: ${t.answerErrors[errors[q.id]!]}` }] : [],
  );
  return (
    <section aria-labelledby="form-heading" class="space-y-4">
      <p>
        <a href={formPaths.childList(child.pupilId)} class={link} safe>
          {t.back}
        </a>
      </p>
      <h2 id="form-heading" class="text-xl font-semibold" safe>
        {form.title}
      </h2>
      <p
        class="text-sm text-slate-700"
        safe
      >{`${form.schoolName} · ${fill(t.deadline, { date: formatDate(form.deadline) })}`}</p>
      {form.description ? (
        <p class="max-w-prose whitespace-pre-line" safe>
          {form.description}
        </p>
      ) : (
        ''
      )}
      {saved ? <Notice text={t.saved} /> : ''}
      {form.answer ? (
        <p class="text-sm" safe>
          {fill(t.answeredBy, { name: form.answer.answeredBy, date: formatDateTime(form.answer.updatedAt) })}
        </p>
      ) : (
        ''
      )}
      {open ? (
        ''
      ) : (
        <p class="rounded border-l-4 border-amber-700 bg-amber-50 p-3" safe>
          {t.closedNotice}
        </p>
      )}
      <form
        method="post"
        action={formPaths.childAnswer(child.pupilId, form.id)}
        class="max-w-prose space-y-4"
        novalidate
        hx-post={formPaths.childAnswer(child.pupilId, form.id)}
        hx-target="#child-section"
        hx-swap="innerHTML"
      >
        <h3 class="font-semibold" safe>
          {fill(t.answerHeading, { name: child.givenName })}
        </h3>
        <p class="text-sm text-slate-700" safe>
          {t.answerLead}
        </p>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        {form.questions.map((q) => (
          <QuestionInput page={page} question={q} value={shown(q.id)} error={errors[q.id]} disabled={!open} />
        ))}
        {open ? (
          <button type="submit" class={primaryButton} safe>
            {form.answer ? t.update : t.submit}
          </button>
        ) : (
          ''
        )}
      </form>
    </section>
  );
}
