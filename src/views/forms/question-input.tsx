import type { AnswerError, AnswerValue, FormQuestionView } from '../../domain/forms/answer.ts';
import { fieldName } from '../../domain/forms/answer.ts';
import { formsText } from '../../i18n/forms.ts';
import type { PageContext } from '../page-context.ts';

export const questionFieldId = (q: FormQuestionView) =>
  q.kind === 'text' || q.kind === 'date' ? fieldName(q.id) : `${fieldName(q.id)}-0`;

/** One question as an accessible input: a fieldset with a legend for choices, a labelled field otherwise. */
export function QuestionInput({
  page,
  question: q,
  value,
  error,
  disabled,
}: {
  page: PageContext;
  question: FormQuestionView;
  value: AnswerValue | undefined;
  error?: AnswerError;
  disabled?: boolean;
}) {
  const t = formsText[page.locale];
  const name = fieldName(q.id);
  const errorId = `${name}-error`;
  const textValue: string = typeof value === 'string' ? value : '';
  const message = error ? (
    <p id={errorId} class="font-semibold text-red-900" safe>
      {t.answerErrors[error]}
    </p>
  ) : (
    ''
  );
  const marker = <span class="font-normal text-slate-700" safe>{` ${q.required ? t.required : t.optional}`}</span>;
  if (q.kind === 'text' || q.kind === 'date') {
    const hintId = `${name}-hint`;
    const describedBy = [q.kind === 'date' ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
    const inputClass = `w-full rounded border p-2 ${error ? 'border-2 border-red-800' : 'border-slate-500'}`;
    return (
      <div class="space-y-1">
        <label for={name} class="block font-semibold">
          <span safe>{q.label}</span>
          {marker}
        </label>
        {q.kind === 'date' ? (
          <p id={hintId} class="text-sm text-slate-700" safe>
            {t.dateHint}
          </p>
        ) : (
          ''
        )}
        {message}
        {q.kind === 'text' ? (
          <textarea
            id={name}
            name={name}
            rows="3"
            maxlength={2000}
            class={inputClass}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy}
            disabled={disabled}
            safe
          >
            {textValue}
          </textarea>
        ) : (
          <input
            id={name}
            name={name}
            type="text"
            inputmode="numeric"
            value={textValue}
            maxlength={10}
            class={inputClass}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy}
            disabled={disabled}
          />
        )}
      </div>
    );
  }
  const options =
    q.kind === 'yes_no'
      ? [
          { value: 'yes', label: t.yes },
          { value: 'no', label: t.no },
        ]
      : q.options.map((o) => ({ value: o, label: o }));
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <fieldset
      class={`space-y-1 rounded border p-3 ${error ? 'border-2 border-red-800' : 'border-slate-300'}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend class="px-1 font-semibold">
        <span safe>{q.label}</span>
        {marker}
      </legend>
      {message}
      {options.map((o, i) => (
        <div class="flex items-center gap-2">
          <input
            id={`${name}-${i}`}
            type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
            name={name}
            value={o.value}
            checked={chosen.includes(o.value)}
            class="h-5 w-5"
            disabled={disabled}
          />
          <label for={`${name}-${i}`} safe>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
