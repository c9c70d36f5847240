import type { Paged } from '../../domain/paging.ts';
import type { ManagedNews } from '../../domain/news/manage.ts';
import type { NewsItem } from '../../domain/news/posts.ts';
import { weekNumber } from '../../domain/news/week.ts';
import {
  NEWS_BODY_MAX,
  TITLE_MAX,
  type NewsErrors,
  type NewsField,
  type NewsInput,
} from '../../domain/news/publish.ts';
import type { NewsScopeOption } from '../../domain/news/scopes.ts';
import { fill } from '../../i18n/index.ts';
import { newsText } from '../../i18n/news.ts';
import { Pager } from '../components/pager.tsx';
import { link, listCard, primaryButton, primaryLink, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { NewsArticle } from './article.tsx';
import { newsPaths } from '../../paths/news.ts';

/** GET /news for staff: the posts in the scopes they publish for, newest first. */
export function NewsListPage({
  page,
  posts,
  deleted,
}: {
  page: PageContext;
  posts: Paged<NewsItem>;
  deleted?: boolean;
}) {
  const t = newsText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <Notice text={deleted ? t.deletedNotice : undefined} />
      <p>
        <a href={newsPaths.new} class={primaryLink} safe>
          {t.newPost}
        </a>
      </p>
      {posts.items.length === 0 ? (
        <p safe>{t.none}</p>
      ) : (
        <ul class={listCard} role="list">
          {posts.items.map((p) => (
            <li class="px-4 py-3">
              <a href={newsPaths.post(p.id)} class={`${link} font-semibold`} safe>
                {p.title}
              </a>
              <p class="text-sm text-slate-700" safe>
                {[
                  p.week ? fill(t.weeklyPlanFor, { week: weekNumber(p.week) }) : t.kind.news,
                  fill(t.forScope, { scope: p.scopeName }),
                  p.authorName,
                ].join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager
        label={t.pageLabel}
        page={posts.page}
        hasNext={posts.hasNext}
        href={newsPaths.listPage}
        previousText={t.previous}
        nextText={t.next}
      />
    </div>
  );
}

const IDS: Record<NewsField, string> = {
  kind: 'news-kind-news',
  scope: 'news-scope',
  title: 'news-title',
  body: 'news-body',
  week: 'news-week',
  file: 'news-file',
};

interface NewFormProps {
  page: PageContext;
  scopes: NewsScopeOption[];
  nextWeek: number;
  input?: NewsInput;
  errors?: NewsErrors;
  /** A file came with the refused form: it is not kept, so the user must choose it again. */
  fileChosen?: boolean;
}

/** GET /news/new and the 422 re-render: every text field kept; a file must be chosen again (browsers cannot keep it). */
export function NewNewsPage({ page, scopes, nextWeek, input, errors = {}, fileChosen }: NewFormProps) {
  const t = newsText[page.locale];
  const values = input ?? { scope: '', kind: 'news', title: '', body: '', week: '' };
  const message = (field: NewsField) => {
    const code = errors[field];
    return code ? (t.errors[field as keyof typeof t.errors] as Record<string, string> | undefined)?.[code] : undefined;
  };
  const fileMessage = message('file') ?? (fileChosen ? t.chooseFileAgain : undefined);
  const summary = [
    ...(Object.keys(IDS) as NewsField[]).flatMap((f) =>
      f !== 'file' && message(f) ? [{ field: IDS[f], message: message(f)! }] : [],
    ),
    ...(fileMessage ? [{ field: IDS.file, message: fileMessage }] : []),
  ];
  const several = new Set(scopes.map((s) => `${s.schoolId}:${s.kindergartenId}`)).size > 1;
  return (
    <div class="max-w-prose space-y-4">
      <p>
        <a href={newsPaths.list} class={link} safe>
          {t.title}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {t.newPost}
      </h1>
      {scopes.length === 0 ? (
        <p safe>{t.noScopes}</p>
      ) : (
        <form method="post" action={newsPaths.create} enctype="multipart/form-data" class="space-y-4" novalidate>
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <fieldset class="space-y-1">
            <legend class="font-semibold" safe>
              {t.kindLegend}
            </legend>
            {(['news', 'weekly_plan'] as const).map((kind) => (
              <div class="flex items-center gap-2">
                <input
                  id={`news-kind-${kind}`}
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={values.kind === kind || (kind === 'news' && values.kind !== 'weekly_plan')}
                  class="h-5 w-5"
                />
                <label for={`news-kind-${kind}`} safe>
                  {t.kind[kind]}
                </label>
              </div>
            ))}
          </fieldset>
          <div class="space-y-1">
            <label for={IDS.scope} class="block font-semibold" safe>
              {t.scope}
            </label>
            {message('scope') ? (
              <p id="news-scope-error" class="font-semibold text-red-900" safe>
                {message('scope')}
              </p>
            ) : (
              ''
            )}
            <select
              id={IDS.scope}
              name="scope"
              class="w-full rounded border border-slate-500 p-2"
              aria-describedby={message('scope') ? 'news-scope-error' : undefined}
              aria-invalid={message('scope') ? 'true' : undefined}
            >
              <option value="">–</option>
              {(['school', 'class', 'sfo', 'kindergarten', 'department'] as const).map((scope) => {
                const list = scopes.filter((s) => s.scope === scope);
                return list.length ? (
                  <optgroup label={t.scopeKind[scope]}>
                    {list.map((s) => (
                      <option value={s.key} selected={values.scope === s.key} safe>
                        {several && scope !== 'school' && scope !== 'kindergarten'
                          ? `${s.name} (${s.schoolName})`
                          : s.name}
                      </option>
                    ))}
                  </optgroup>
                ) : (
                  ''
                );
              })}
            </select>
          </div>
          <Field
            id={IDS.title}
            name="title"
            label={t.postTitle}
            value={values.title}
            error={message('title')}
            maxlength={TITLE_MAX}
          />
          <Field
            id={IDS.week}
            name="week"
            label={t.week}
            hint={fill(t.weekHint, { week: nextWeek })}
            value={values.week}
            error={message('week')}
            inputmode="numeric"
            maxlength={10}
          />
          <Field
            id={IDS.body}
            name="body"
            label={t.body}
            hint={t.bodyHint}
            value={values.body}
            error={message('body')}
            maxlength={NEWS_BODY_MAX}
            multiline
          />
          <div class="space-y-1">
            <label for={IDS.file} class="block font-semibold" safe>
              {t.file}
            </label>
            <p id="news-file-hint" class="text-sm text-slate-700" safe>
              {t.fileHint}
            </p>
            {fileMessage ? (
              <p id="news-file-error" class="font-semibold text-red-900" safe>
                {fileMessage}
              </p>
            ) : (
              ''
            )}
            <input
              id={IDS.file}
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              class="block w-full"
              aria-describedby={['news-file-hint', fileMessage ? 'news-file-error' : ''].filter(Boolean).join(' ')}
              aria-invalid={message('file') ? 'true' : undefined}
            />
          </div>
          <button type="submit" class={primaryButton} safe>
            {t.publish}
          </button>
        </form>
      )}
    </div>
  );
}

/** GET /news/:id for staff: the post as guardians see it, and a delete button (not for a kindergarten's readers). */
export function ManagedNewsPage({ page, post, notified }: { page: PageContext; post: ManagedNews; notified?: number }) {
  const t = newsText[page.locale];
  return (
    <div class="max-w-prose space-y-4">
      <p>
        <a href={newsPaths.list} class={link} safe>
          {t.title}
        </a>
      </p>
      <Notice text={notified !== undefined ? fill(t.publishedNotice, { notified }) : undefined} />
      <NewsArticle page={page} post={post} heading="h1" attachmentHref={(id) => newsPaths.attachment(post.id, id)} />
      {post.mayManage ? (
        <form method="post" action={newsPaths.deletion(post.id)} class="space-y-1">
          <button type="submit" class={secondaryButton} aria-describedby="news-delete-hint" safe>
            {t.delete}
          </button>
          <p id="news-delete-hint" class="text-sm text-slate-700" safe>
            {t.deleteHint}
          </p>
        </form>
      ) : (
        <p class="text-sm text-slate-700" safe>
          {t.readOnlyHint}
        </p>
      )}
    </div>
  );
}

/** 413: the upload was too large to be read at all, so nothing (not even the text) could be kept. */
export function TooLargePage({ page }: { page: PageContext }) {
  const t = newsText[page.locale];
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.tooLargeTitle}
      </h1>
      <p safe>{t.tooLargeBody}</p>
      <p>
        <a href={newsPaths.new} class={link} safe>
          {t.back}
        </a>
      </p>
    </div>
  );
}
