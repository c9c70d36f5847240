import type { ExtractErrors, ExtractInput } from '../../domain/archive/owner.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { archiveText } from '../../i18n/archive.ts';
import { archivePaths } from '../../paths/archive.ts';
import { primaryButton } from '../components/classes.ts';
import { ErrorSummary, Field } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';

export interface ArchiveOwnerView {
  id: number;
  name: string;
  archived: number;
  firstDate: string | null;
}

/**
 * D7: the school owner's archive extract — how much is archived, and a plain form (no htmx: the answer is a file)
 * for the period. A 422 comes back with the dates typed and a message per field.
 */
export function ArchivePage({
  page,
  owner,
  input,
  errors = {},
  empty,
}: {
  page: PageContext;
  owner: ArchiveOwnerView;
  input: ExtractInput;
  errors?: ExtractErrors;
  empty?: boolean;
}) {
  const t = archiveText[page.locale];
  const message = (field: keyof ExtractInput) => (errors[field] ? t.errors[errors[field]!] : undefined);
  const summary = [
    ...(['from', 'to'] as const).flatMap((f) => (message(f) ? [{ field: `archive-${f}`, message: message(f)! }] : [])),
    ...(empty ? [{ field: 'archive-from', message: t.errors.empty }] : []),
  ];
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>{`${t.title}: ${owner.name}`}</h1>
      <p safe>{t.lead}</p>
      <p safe>
        {[
          fill(t.archived, { n: owner.archived }),
          owner.firstDate ? fill(t.since, { date: formatDate(owner.firstDate) }) : '',
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
      <form method="post" action={archivePaths.extract(owner.id)} class="space-y-4" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <Field
          id="archive-from"
          name="from"
          label={t.from}
          hint={t.dateHint}
          value={input.from}
          error={message('from')}
          maxlength={10}
        />
        <Field
          id="archive-to"
          name="to"
          label={t.to}
          hint={t.dateHint}
          value={input.to}
          error={message('to')}
          maxlength={10}
        />
        <button type="submit" class={primaryButton} safe>
          {t.submit}
        </button>
      </form>
    </div>
  );
}
