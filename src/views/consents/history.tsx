import type { ChildConsents } from '../../domain/consents/child.ts';
import { consentsText } from '../../i18n/consents.ts';
import type { PageContext } from '../page-context.ts';
import { listCard } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';

/** Every change to the child's consents, newest first: when, whose answer, which consent, from → to. */
export function ConsentHistory({
  page,
  consents,
  headingTag = 'h3',
}: {
  page: PageContext;
  consents: ChildConsents;
  /** One level below the page's or section's heading. */
  headingTag?: 'h2' | 'h3';
}) {
  const Heading = headingTag;
  const text = consentsText[page.locale];
  const t = text.child;
  const typeName = (id: number) => consents.types.find((type) => type.id === id)?.name[page.locale] ?? '–';
  return (
    <section aria-labelledby="consent-history" class="space-y-2">
      <Heading id="consent-history" class="text-xl font-semibold" safe>
        {t.historyHeading}
      </Heading>
      {consents.history.length === 0 ? (
        <p safe>{t.historyEmpty}</p>
      ) : (
        <ol class={listCard} role="list">
          {consents.history.map((h) => (
            <li class="px-4 py-2">
              <span class="block text-sm text-slate-700" safe>{`${formatDateTime(h.at)} · ${h.guardian}`}</span>
              <span class="font-semibold" safe>{`${typeName(h.typeId)}: `}</span>
              <span safe>{`${text.state[h.from]} → ${text.state[h.to]}`}</span>
              {h.reason === 'general_withdrawn' ? (
                <span class="text-sm text-slate-700" safe>{` ${t.historyWithdrawn}`}</span>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
