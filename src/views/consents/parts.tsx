import type { ConsentState } from '../../domain/consents/state.ts';
import { formatDate } from '../../i18n/index.ts';
import { consentsText } from '../../i18n/consents.ts';
import type { PageContext } from '../page-context.ts';
export { ErrorSummary, Notice } from '../components/form.tsx';

export const card = 'rounded-lg border border-slate-200 bg-white p-4';
export const primaryButton = 'rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900';
export const secondaryButton = 'rounded border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100';
export const link = 'text-sky-900 underline underline-offset-2';

const SYMBOL: Record<ConsentState, string> = { given: '✓', refused: '✗', unanswered: '?' };
const TONE: Record<ConsentState, string> = {
  given: 'border-emerald-700 bg-emerald-50 text-emerald-950',
  refused: 'border-red-800 bg-red-50 text-red-950',
  unanswered: 'border-slate-500 bg-slate-50 text-slate-900',
};

/** A state as symbol AND text (never colour alone). */
export function StateBadge({ page, state }: { page: PageContext; state: ConsentState }) {
  return (
    <span class={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-sm font-semibold print:border-0 print:text-xs print:bg-transparent print:p-0 ${TONE[state]}`}>
      <span aria-hidden="true" safe>{SYMBOL[state]}</span>{' '}
      <span safe>{consentsText[page.locale].state[state]}</span>
    </span>
  );
}

const TIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** dd.mm.yyyy hh:mm in Norwegian time (history rows). */
export function formatDateTime(value: Date): string {
  return `${formatDate(value)} ${TIME.format(value)}`;
}
