import Html from '@kitajs/html';
import { connectionLostText } from '../../i18n/connection-lost.ts';
import { link, primaryButton } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

export interface SubmittedForm {
  /** Where the form was posted (a local path), so «Prøv igjen» posts there again. */
  action: string;
  /** Every text field as sent, in order (a field sent twice appears twice). */
  fields: [name: string, value: string][];
  /** Whether the form carried files (they are not kept: the user attaches them again). */
  hadFiles: boolean;
}

/** Ids, choices and flags the page put in the form: sent again, but not shown as "what you wrote". */
const notTyped = (value: string) => value.trim() === '' || /^(?:[a-z_]+:)?[\d-]+$|^(?:on|true|false)$/i.test(value);

/**
 * The database connection was lost during the request (503). Nothing was saved: the transaction was rolled back.
 * For a form, what the user wrote is shown read-only, and «Prøv igjen» posts the same fields to the same address
 * (same-origin, as every form of the app; files are not kept). For a page, a link to load it again.
 */
export function ConnectionLostPage({
  page,
  form,
  retryPath,
}: {
  page: PageContext;
  form?: SubmittedForm;
  retryPath: string;
}) {
  const t = connectionLostText[page.locale];
  if (!form)
    return (
      <div class="max-w-prose space-y-4">
        <h1 class="text-3xl font-bold" safe>
          {t.titleShow}
        </h1>
        <p safe>{t.leadShow}</p>
        <p>
          <a href={retryPath} class={link} safe>
            {t.retry}
          </a>
        </p>
      </div>
    );
  const typed = form.fields.filter(([, value]) => !notTyped(value));
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.titleSend}
      </h1>
      <p safe>{t.leadSend}</p>
      {typed.length > 0 ? (
        <fieldset class="space-y-2">
          <legend class="font-semibold" safe>
            {t.yourText}
          </legend>
          {typed.map(([name, value]) => (
            <textarea
              readonly
              rows={String(Math.min(8, value.split('\n').length + 1))}
              aria-label={`${t.field} ${name}`}
              class="w-full rounded border border-slate-500 bg-slate-50 p-2"
              safe
            >
              {value}
            </textarea>
          ))}
        </fieldset>
      ) : (
        ''
      )}
      {form.hadFiles ? <p safe>{t.filesDropped}</p> : ''}
      <form method="post" action={Html.escapeHtml(form.action)} class="space-y-2">
        {form.fields.map(([name, value]) => (
          // kitajs escapes only `"` in attributes: escape the rest here so the value comes back exactly as typed.
          <input type="hidden" name={Html.escapeHtml(name)} value={Html.escapeHtml(value)} />
        ))}
        <p class="text-sm text-slate-700" safe>
          {t.retryHint}
        </p>
        <button type="submit" class={primaryButton} safe>
          {t.retry}
        </button>
      </form>
    </div>
  );
}
