import type { NewsItem } from '../../domain/news/posts.ts';
import { weekNumber } from '../../domain/news/week.ts';
import { documentsText } from '../../i18n/documents.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { newsText } from '../../i18n/news.ts';
import { card, link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { formatSize } from '../documents/child-section.tsx';

/** One post: a weekly plan marked with its week, who published it for whom, the text and its PDFs. */
export function NewsArticle({
  page,
  post,
  heading,
  attachmentHref,
}: {
  page: PageContext;
  post: NewsItem;
  heading: 'h1' | 'h3';
  attachmentHref: (attachmentId: number) => string;
}) {
  const t = newsText[page.locale];
  const headingId = `news-${post.id}-heading`;
  const title =
    heading === 'h1' ? (
      <h1 id={headingId} class="text-3xl font-bold" safe>
        {post.title}
      </h1>
    ) : (
      <h3 id={headingId} class="text-lg font-semibold" safe>
        {post.title}
      </h3>
    );
  return (
    <article aria-labelledby={headingId} class={`space-y-2 ${card}`}>
      {post.week ? (
        <p>
          <strong class="rounded bg-amber-100 px-2 py-0.5 text-amber-950" safe>
            {fill(t.weeklyPlanFor, { week: weekNumber(post.week) })}
          </strong>
        </p>
      ) : (
        ''
      )}
      {title}
      <p class="text-sm text-slate-700" safe>
        {[
          fill(t.forScope, { scope: post.scopeName }),
          fill(t.published, { date: formatDate(post.publishedAt), name: post.authorName }),
        ].join(' · ')}
      </p>
      {post.body ? (
        <p class="whitespace-pre-line" safe>
          {post.body}
        </p>
      ) : (
        ''
      )}
      {post.attachments.length ? (
        <ul role="list" aria-label={`${t.attachments}: ${post.title}`} class="space-y-1">
          {post.attachments.map((a) => (
            <li>
              <a href={attachmentHref(a.id)} download="" class={`${link} font-semibold`}>
                <span safe>{`${t.download} ${a.filename}`}</span>
                <span safe>{` (PDF, ${formatSize(a.sizeBytes, documentsText[page.locale])})`}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </article>
  );
}
