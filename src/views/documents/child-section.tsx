import type { GuardianChild } from '../../domain/guardian/child.ts';
import { documentsText, type DocumentsMessages } from '../../i18n/documents.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { card, link, listCard } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { documentPaths } from '../../paths/documents.ts';

/** What the list shows of one document (the route maps domain rows to this). */
export interface DocumentListItem {
  id: number;
  title: string;
  kind: keyof DocumentsMessages['kind'];
  createdAt: Date;
  sizeBytes: number;
  href: string;
}

/** 834 byte, 34 kB, 1,2 MB — in the reader's language. */
export function formatSize(bytes: number, t: DocumentsMessages): string {
  if (bytes < 1000) return `${bytes} ${t.sizeUnits.b}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} ${t.sizeUnits.kb}`;
  return `${(bytes / 1_000_000).toFixed(1).replace('.', t.decimal)} ${t.sizeUnits.mb}`;
}

function isoDate(date: Date): string {
  return formatDate(date).split('.').reverse().join('-');
}

/** The documents section of the child page: newest first, one page at a time, plain links (no JS needed). */
export function ChildDocuments(props: {
  page: PageContext;
  child: GuardianChild;
  documents: DocumentListItem[];
  olderThan: number | null;
  isOlderPage: boolean;
}) {
  const t = documentsText[props.page.locale];
  const name = props.child.givenName;
  const navLink = (href: string, text: string) => (
    <a href={href} hx-get={href} hx-target="#child-section" hx-push-url="true" class={link} safe>
      {text}
    </a>
  );
  return (
    <section aria-labelledby="documents-heading" class="space-y-3">
      <h2 id="documents-heading" class="text-xl font-semibold" safe>
        {t.heading}
      </h2>
      <p class="text-slate-700" safe>
        {fill(t.lead, { name })}
      </p>
      {props.documents.length === 0 ? (
        <p class={card} safe>
          {props.isOlderPage ? t.noOlder : fill(t.empty, { name })}
        </p>
      ) : (
        <ul role="list" aria-label={fill(t.listLabel, { name })} class={listCard}>
          {props.documents.map((doc) => (
            <li class="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p class="font-semibold" safe>
                  {doc.title}
                </p>
                <p class="text-sm text-slate-700">
                  <span safe>{t.kind[doc.kind]}</span>
                  {' · '}
                  <span safe>{`${t.date} `}</span>
                  <time datetime={isoDate(doc.createdAt)} safe>
                    {formatDate(doc.createdAt)}
                  </time>
                </p>
              </div>
              <a href={doc.href} download="" class={`${link} shrink-0 font-semibold`}>
                <span safe>{t.download}</span>
                <span class="sr-only" safe>{` ${doc.title}`}</span>
                <span safe>{` (${fill(t.fileInfo, { size: formatSize(doc.sizeBytes, t) })})`}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.olderThan !== null || props.isOlderPage ? (
        <nav aria-label={t.heading} class="flex flex-wrap gap-x-6 gap-y-2">
          {props.olderThan !== null ? navLink(documentPaths.child(props.child.pupilId, props.olderThan), t.older) : ''}
          {props.isOlderPage ? navLink(documentPaths.child(props.child.pupilId), t.newest) : ''}
        </nav>
      ) : (
        ''
      )}
    </section>
  );
}
