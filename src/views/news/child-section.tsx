import type { Paged } from '../../domain/paging.ts';
import type { ReceivedBroadcast } from '../../domain/broadcasts/received.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import type { NewsItem } from '../../domain/news/posts.ts';
import { fill } from '../../i18n/index.ts';
import { newsText } from '../../i18n/news.ts';
import { LatestBroadcasts } from '../broadcasts/guardian.tsx';
import { card, link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { NewsArticle } from './article.tsx';
import { newsPaths } from '../../paths/news.ts';

/** G15 on the child page: the latest notices about the child, then news and weekly plans (newest first, paged). */
export function ChildNewsSection({
  page,
  child,
  news,
  broadcasts,
}: {
  page: PageContext;
  child: GuardianChild;
  news: Paged<NewsItem>;
  broadcasts: ReceivedBroadcast[];
}) {
  const t = newsText[page.locale];
  const pageLink = (n: number, text: string, rel: 'prev' | 'next') => (
    <a
      href={newsPaths.child(child.pupilId, n)}
      hx-get={newsPaths.child(child.pupilId, n)}
      hx-target="#child-section"
      hx-push-url="true"
      rel={rel}
      class={link}
      safe
    >
      {text}
    </a>
  );
  return (
    <section aria-labelledby="news-heading" class="space-y-4">
      <h2 id="news-heading" class="text-2xl font-semibold" safe>
        {fill(t.childHeading, { name: child.givenName })}
      </h2>
      <p class="text-slate-700" safe>
        {t.childLead}
      </p>
      {news.page === 1 ? <LatestBroadcasts page={page} childName={child.givenName} broadcasts={broadcasts} /> : ''}
      {news.items.length === 0 ? (
        <p class={card} safe>
          {t.childEmpty}
        </p>
      ) : (
        <ul class="space-y-3" role="list" aria-label={t.allNews}>
          {news.items.map((post) => (
            <li>
              <NewsArticle
                page={page}
                post={post}
                heading="h3"
                attachmentHref={(id) => newsPaths.childAttachment(child.pupilId, post.id, id)}
              />
            </li>
          ))}
        </ul>
      )}
      {news.page > 1 || news.hasNext ? (
        <nav aria-label={t.pageLabel} class="flex flex-wrap gap-x-6 gap-y-2">
          {news.page > 1 ? pageLink(news.page - 1, t.previous, 'prev') : ''}
          {news.hasNext ? pageLink(news.page + 1, t.next, 'next') : ''}
        </nav>
      ) : (
        ''
      )}
    </section>
  );
}
