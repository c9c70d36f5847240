import type { ConsentState } from '../../domain/consents/state.ts';
import { consentsText } from '../../i18n/consents.ts';
import type { PageContext } from '../page-context.ts';

const SYMBOL: Record<ConsentState, string> = { given: '✓', refused: '✗', unanswered: '?' };
const TONE: Record<ConsentState, string> = {
  given: 'border-emerald-700 bg-emerald-50 text-emerald-950',
  refused: 'border-red-800 bg-red-50 text-red-950',
  unanswered: 'border-slate-500 bg-slate-50 text-slate-900',
};

/** A state as symbol AND text (never colour alone). */
export function StateBadge({ page, state }: { page: PageContext; state: ConsentState }) {
  return (
    <span
      class={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-sm font-semibold print:border-0 print:text-xs print:bg-transparent print:p-0 ${TONE[state]}`}
    >
      <span aria-hidden="true" safe>
        {SYMBOL[state]}
      </span>{' '}
      <span safe>{consentsText[page.locale].state[state]}</span>
    </span>
  );
}
