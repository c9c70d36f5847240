import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { listSkoleruteOwners, requireSkolerute, type SkoleruteOwner } from '../domain/access/scope.ts';
import { NotFoundError } from '../domain/errors.ts';
import {
  addDays,
  listOwnerYears,
  loadSkolerute,
  openingYear,
  removeDays,
  renameRange,
  type SkoleruteYear,
} from '../domain/school/skolerute.ts';
import { fill } from '../i18n/index.ts';
import { skoleruteText } from '../i18n/skolerute.ts';
import { actorOf } from '../middleware/session.ts';
import { skolerutePaths } from '../paths/skolerute.ts';
import { SkoleruteChooser, SkolerutePage, type SkoleruteState } from '../views/skolerute/page.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const NOTICES = ['added', 'renamed', 'removed'] as const;

async function page(
  c: Context<AppEnv>,
  owner: SkoleruteOwner,
  askedYear: number,
  state: SkoleruteState,
  status: 200 | 422 = 200,
) {
  const { db } = c.get('deps');
  const years = await listOwnerYears(db, owner.id);
  const year = years.find((y) => y.id === askedYear) ?? openingYear(years, todayOf(c));
  const skolerute = year ? await loadSkolerute(db, owner.id, year) : undefined;
  return render(
    c,
    fill(skoleruteText[c.get('locale')].pageTitle, { name: owner.name }),
    <SkolerutePage page={pageContext(c)} owner={owner} years={years} year={year} skolerute={skolerute} state={state} />,
    status,
  );
}

/** The school owner's change: the owner (else 404), the body, and the school year it names (one of the owner's). */
async function change(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const owner = await requireSkolerute(db, actorOf(c), idParam(c.req.param('id') ?? ''), true);
  const body = await readForm(c);
  const yearId = idParam(text(body.year));
  const year: SkoleruteYear | undefined = (await listOwnerYears(db, owner.id)).find((y) => y.id === yearId);
  if (!year) throw new NotFoundError();
  return { db, owner, body, year };
}

/**
 * The skolerute (issue 11, S3): holidays and planning days per school year of a school owner. The school owner edits
 * it; leadership of the owner's schools reads it (no forms; their POSTs are 404); everyone else gets 404.
 */
export const skoleruteRoutes = new Hono<AppEnv>()
  .get(skolerutePaths.start, async (c) => {
    const owners = await listSkoleruteOwners(c.get('deps').db, actorOf(c));
    if (owners.length === 0) return c.notFound();
    if (owners.length === 1) return c.redirect(skolerutePaths.page(owners[0]!.id), 302);
    return render(c, skoleruteText[c.get('locale')].title, <SkoleruteChooser page={pageContext(c)} owners={owners} />);
  })
  .get('/municipalities/:id/skolerute', async (c) => {
    const owner = await requireSkolerute(c.get('deps').db, actorOf(c), idParam(c.req.param('id')));
    const notice = NOTICES.find((n) => n === c.req.query('notice'));
    return page(c, owner, idParam(c.req.query('year') ?? ''), { notice });
  })
  .post('/municipalities/:id/skolerute/days', async (c) => {
    const { db, owner, body, year } = await change(c);
    const input = { from: text(body.from), to: text(body.to), kind: text(body.kind), name: text(body.name) };
    const result = await addDays(db, actorOf(c), owner, year, input, nowOf(c));
    if (!result.ok) return page(c, owner, year.id, { add: { input, errors: result.errors } }, 422);
    return c.redirect(skolerutePaths.page(owner.id, year.id, 'added'), 303);
  })
  .post('/municipalities/:id/skolerute/rename', async (c) => {
    const { db, owner, body, year } = await change(c);
    const kind = text(body.kind);
    const oldName = text(body.old_name);
    const input = { name: text(body.name) };
    const result = await renameRange(db, actorOf(c), owner, year, { kind, oldName, ...input }, nowOf(c));
    if (!result.ok)
      return page(c, owner, year.id, { rename: { kind, oldName: oldName.trim(), input, errors: result.errors } }, 422);
    return c.redirect(skolerutePaths.page(owner.id, year.id, 'renamed'), 303);
  })
  .post('/municipalities/:id/skolerute/day-removal', async (c) => {
    const { db, owner, body, year } = await change(c);
    await removeDays(db, actorOf(c), owner, year, { date: text(body.date) }, nowOf(c));
    return c.redirect(skolerutePaths.page(owner.id, year.id, 'removed'), 303);
  })
  .post('/municipalities/:id/skolerute/range-removal', async (c) => {
    const { db, owner, body, year } = await change(c);
    await removeDays(db, actorOf(c), owner, year, { kind: text(body.kind), name: text(body.name) }, nowOf(c));
    return c.redirect(skolerutePaths.page(owner.id, year.id, 'removed'), 303);
  });
