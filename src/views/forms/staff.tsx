import type { BroadcastAudience } from '../../domain/broadcasts/audience.ts';
import { AudienceSelect } from '../components/audience-select.tsx';
import type {
  listManagedForms,
  ManagedForm,
  NewFormErrors,
  NewFormInput,
  QuestionErrors,
  QuestionInput,
} from '../../domain/forms/builder.ts';
import { QUESTION_KINDS } from '../../domain/forms/builder.ts';
import { formsText } from '../../i18n/forms.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { card, link, listCard, primaryButton, primaryLink, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { formPaths } from '../../paths/forms.ts';

type FormSummary = Awaited<ReturnType<typeof listManagedForms>>[number];

export function FormListPage({ page, forms }: { page: PageContext; forms: FormSummary[] }) {
  const t = formsText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p>
        <a href={formPaths.new} class={primaryLink} safe>
          {t.newForm}
        </a>
      </p>
      {forms.length === 0 ? (
        <p safe>{t.noForms}</p>
      ) : (
        <ul class={listCard} role="list">
          {forms.map((f) => (
            <li class="px-4 py-3">
              <a href={formPaths.form(f.id)} class={`${link} font-semibold`} safe>
                {f.title}
              </a>
              <p class="text-sm text-slate-700" safe>
                {[
                  f.sent_at ? fill(t.sentOn, { date: formatDate(f.sent_at) }) : t.draft,
                  fill(t.deadline, { date: formatDate(f.deadline) }),
                  f.sent_at ? fill(t.answersCount, { answers: f.answers, recipients: f.recipients }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function NewFormPage({
  page,
  audiences,
  input,
  errors = {},
}: {
  page: PageContext;
  audiences: BroadcastAudience[];
  input?: NewFormInput;
  errors?: NewFormErrors;
}) {
  const t = formsText[page.locale];
  const values = input ?? { title: '', description: '', deadline: '', audience: '' };
  const message = (f: keyof NewFormInput) => (errors[f] ? t.newErrors[errors[f]!] : undefined);
  const summary = (
    [
      ['title', 'form-title'],
      ['description', 'form-description'],
      ['deadline', 'form-deadline'],
      ['audience', 'form-audience'],
    ] as const
  ).flatMap(([f, id]) => (message(f) ? [{ field: id, message: message(f)! }] : []));
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.newForm}
      </h1>
      <form method="post" action={formPaths.create} class="space-y-4" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <Field
          id="form-title"
          name="title"
          label={t.formTitle}
          value={values.title}
          error={message('title')}
          maxlength={200}
        />
        <Field
          id="form-description"
          name="description"
          label={t.description}
          hint={t.descriptionHint}
          value={values.description}
          error={message('description')}
          maxlength={4000}
          multiline
        />
        <Field
          id="form-deadline"
          name="deadline"
          label={t.deadlineLabel}
          hint={t.dateHint}
          value={values.deadline}
          error={message('deadline')}
          inputmode="numeric"
          maxlength={10}
        />
        <AudienceSelect
          page={page}
          id="form-audience"
          label={t.audience}
          audiences={audiences}
          value={values.audience}
          error={message('audience')}
        />
        <button type="submit" class={primaryButton} safe>
          {t.create}
        </button>
      </form>
    </div>
  );
}

export interface QuestionFormState {
  input: QuestionInput;
  errors: QuestionErrors;
}

/** A draft: its questions, a form to add one, and Send; a sent form links to its results. */
export function FormBuilderPage({
  page,
  form,
  audienceName,
  question,
  notice,
}: {
  page: PageContext;
  form: ManagedForm;
  audienceName: string;
  question?: QuestionFormState;
  notice?: string;
}) {
  const t = formsText[page.locale];
  const draft = form.sentAt === null;
  const q = question?.input ?? { kind: 'single', label: '', required: true, options: '' };
  const message = (f: keyof QuestionErrors) =>
    question?.errors[f] ? t.questionErrors[question.errors[f]!] : undefined;
  const summary = (
    [
      ['label', 'question-label'],
      ['kind', 'question-kind-0'],
      ['options', 'question-options'],
    ] as const
  ).flatMap(([f, id]) => (message(f) ? [{ field: id, message: message(f)! }] : []));
  return (
    <div class="max-w-prose space-y-4">
      <p>
        <a href={formPaths.list} class={link} safe>
          {t.myForms}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {form.title}
      </h1>
      <p class="text-slate-700" safe>
        {[
          audienceName,
          fill(t.deadline, { date: formatDate(form.deadline) }),
          form.sentAt ? fill(t.sentOn, { date: formatDate(form.sentAt) }) : t.draft,
        ].join(' · ')}
      </p>
      <Notice text={notice} />
      {form.description ? (
        <p class="whitespace-pre-line" safe>
          {form.description}
        </p>
      ) : (
        ''
      )}
      {form.sentAt ? (
        <p>
          <a href={formPaths.results(form.id)} class={primaryLink} safe>
            {t.results}
          </a>
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="questions-heading" class={`space-y-3 ${card}`}>
        <h2 id="questions-heading" class="text-xl font-semibold" safe>
          {t.questions}
        </h2>
        {form.questions.length === 0 ? (
          <p safe>{t.noQuestions}</p>
        ) : (
          <ol class="list-decimal space-y-2 pl-6">
            {form.questions.map((question) => (
              <li>
                <span class="font-semibold" safe>
                  {question.label}
                </span>
                <span
                  class="text-sm text-slate-700"
                  safe
                >{` – ${t.kinds[question.kind]}${question.required ? `, ${t.requiredLabel.toLowerCase()}` : ''}${question.options.length ? `: ${question.options.join(' / ')}` : ''}`}</span>
                {draft ? (
                  <form method="post" action={formPaths.questionDeletion(form.id, question.id)} class="inline">
                    <button
                      type="submit"
                      class="ml-2 text-sm text-red-900 underline"
                      aria-label={`${t.remove}: ${question.label}`}
                      safe
                    >
                      {t.remove}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      {draft ? (
        <section aria-labelledby="add-question-heading" class={`space-y-3 ${card}`}>
          <h2 id="add-question-heading" class="text-xl font-semibold" safe>
            {t.addQuestion}
          </h2>
          <form method="post" action={formPaths.questions(form.id)} class="space-y-4" novalidate>
            <ErrorSummary heading={t.errorSummary} errors={summary} />
            <Field
              id="question-label"
              name="label"
              label={t.questionLabel}
              value={q.label}
              error={message('label')}
              maxlength={500}
            />
            <fieldset class="space-y-1">
              <legend class="font-semibold" safe>
                {t.kind}
              </legend>
              {QUESTION_KINDS.map((kind, i) => (
                <div class="flex items-center gap-2">
                  <input
                    id={`question-kind-${i}`}
                    type="radio"
                    name="kind"
                    value={kind}
                    checked={q.kind === kind}
                    class="h-5 w-5"
                  />
                  <label for={`question-kind-${i}`} safe>
                    {t.kinds[kind]}
                  </label>
                </div>
              ))}
            </fieldset>
            <Field
              id="question-options"
              name="options"
              label={t.options}
              hint={t.optionsHint}
              value={q.options}
              error={message('options')}
              multiline
              maxlength={4000}
            />
            <div class="flex items-center gap-2">
              <input
                id="question-required"
                type="checkbox"
                name="required"
                value="yes"
                checked={q.required}
                class="h-5 w-5"
              />
              <label for="question-required" safe>
                {t.requiredLabel}
              </label>
            </div>
            <button type="submit" class={secondaryButton} safe>
              {t.addQuestion}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      {draft && form.questions.length ? (
        <form method="post" action={formPaths.sending(form.id)} class="space-y-2">
          <p id="send-hint" class="text-sm text-slate-700" safe>
            {t.sendHint}
          </p>
          <button type="submit" class={primaryButton} aria-describedby="send-hint" safe>
            {t.send}
          </button>
        </form>
      ) : (
        ''
      )}
    </div>
  );
}
