import type { Paged } from '../../domain/paging.ts';
import type { NewsItem } from '../../domain/news/posts.ts';
import { fill } from '../../i18n/index.ts';
import { newsText } from '../../i18n/news.ts';
import { careGuardianPaths } from '../../paths/care-guardian.ts';
import { newsPaths } from '../../paths/news.ts';
import { card, link } from '../components/classes.ts';
import { Pager } from '../components/pager.tsx';
import type { PageContext } from '../page-context.ts';
import { NewsArticle } from './article.tsx';

interface Props {
  page: PageContext;
  childId: number;
  childName: string;
  news: Paged<NewsItem>;
}

function NewsList({ page, childId, posts }: { page: PageContext; childId: number; posts: NewsItem[] }) {
  const t = newsText[page.locale];
  return posts.length === 0 ? (
    <p class={card} safe>
      {t.childEmpty}
    </p>
  ) : (
    <ul class="space-y-3" role="list" aria-label={t.allNews}>
      {posts.map((post) => (
        <li>
          <NewsArticle
            page={page}
            post={post}
            heading="h3"
            attachmentHref={(id) => newsPaths.careChildAttachment(childId, post.id, id)}
          />
        </li>
      ))}
    </ul>
  );
}

/** GET /care/children/:id/news: a kindergarten child's news and weekly plans (issue 13), newest first, paged. */
export function KindergartenChildNewsPage({ page, childId, childName, news }: Props) {
  const t = newsText[page.locale];
  return (
    <div class="max-w-prose space-y-4">
      <p>
        <a href={careGuardianPaths.child(childId)} class={link} safe>
          {t.backToCare}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.childHeading, { name: childName })}
      </h1>
      <p class="text-slate-700" safe>
        {t.kindergartenLead}
      </p>
      <NewsList page={page} childId={childId} posts={news.items} />
      <Pager
        label={t.pageLabel}
        page={news.page}
        hasNext={news.hasNext}
        href={(n) => newsPaths.careChild(childId, n)}
        previousText={t.previous}
        nextText={t.next}
      />
    </div>
  );
}

/** On the guardian's daily-care page: the latest posts of the kindergarten and department, and a link to all. */
export function KindergartenNewsLatest({
  page,
  childId,
  posts,
}: {
  page: PageContext;
  childId: number;
  posts: NewsItem[];
}) {
  const t = newsText[page.locale];
  return (
    <section id="care-news" aria-labelledby="care-news-heading" class="space-y-3">
      <h2 id="care-news-heading" class="text-2xl font-semibold" safe>
        {t.kindergartenLatest}
      </h2>
      <NewsList page={page} childId={childId} posts={posts} />
      <p>
        <a href={newsPaths.careChild(childId)} class={link} safe>
          {t.kindergartenAll}
        </a>
      </p>
    </section>
  );
}
