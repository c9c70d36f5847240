import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireManagedSchool, type ManagedSchool } from '../domain/access/scope.ts';
import {
  applyRollover,
  lastRollover,
  listFormerPupils,
  proposalInput,
  rolloverProposal,
  type RolloverDone,
  type RolloverErrors,
  type RolloverInput,
} from '../domain/office/rollover.ts';
import { pageNumber, pageWindow, toPaged } from '../domain/paging.ts';
import { fill } from '../i18n/index.ts';
import { officeRolloverText } from '../i18n/office-rollover.ts';
import { actorOf } from '../middleware/session.ts';
import { officeRolloverPaths } from '../paths/office-rollover.ts';
import { FormerPupilsPage } from '../views/office/rollover-former.tsx';
import { RolloverPage } from '../views/office/rollover.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const t = (c: Context<AppEnv>) => officeRolloverText[c.get('locale')];
const FORMER_PER_PAGE = 50;

const managedSchool = (c: Context<AppEnv>) =>
  requireManagedSchool(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));

async function rolloverPage(
  c: Context<AppEnv>,
  school: ManagedSchool,
  form?: { input: RolloverInput; errors: RolloverErrors },
  applied?: RolloverDone,
  status: 200 | 409 = 200,
) {
  const proposal = await rolloverProposal(c.get('deps').db, school, todayOf(c));
  const input = form?.input ?? (proposal ? proposalInput(proposal) : { names: {}, placements: {} });
  const body = (
    <RolloverPage
      page={pageContext(c)}
      school={school}
      proposal={proposal}
      input={input}
      errors={form?.errors}
      applied={applied}
    />
  );
  return render(c, fill(t(c).title, { school: school.name }), body, form ? 422 : status);
}

/** The fields `name_<classId>` and `pupil_<enrolmentId>` of the rollover form. */
function rolloverInput(body: Record<string, unknown>): RolloverInput {
  const input: RolloverInput = { names: {}, placements: {} };
  for (const [key, value] of Object.entries(body)) {
    const match = /^(name|pupil)_(\d{1,12})$/.exec(key);
    if (!match || typeof value !== 'string') continue;
    (match[1] === 'name' ? input.names : input.placements)[Number(match[2])] = value;
  }
  return input;
}

/**
 * The school year's life (issue 11, D8, S11): the year rollover of one school and its former pupils (the archive).
 * The school's office only (requireManagedSchool: leadership, the school owner); for everyone else 404.
 */
export const officeRolloverRoutes = new Hono<AppEnv>()
  .get('/office/schools/:id/rollover', async (c) => {
    const school = await managedSchool(c);
    if (c.req.query('done') !== '1') return rolloverPage(c, school);
    const details = await lastRollover(c.get('deps').db, school);
    return rolloverPage(c, school, undefined, details);
  })
  .post('/office/schools/:id/rollover', async (c) => {
    const school = await managedSchool(c);
    const input = rolloverInput(await readForm(c));
    const result = await applyRollover(c.get('deps').db, actorOf(c), school, input, todayOf(c), nowOf(c));
    if (!result.ok && 'errors' in result) return rolloverPage(c, school, { input, errors: result.errors });
    // Refused (done, or nothing to roll over): the page says why; nothing changed.
    if (!result.ok) return rolloverPage(c, school, undefined, undefined, 409);
    return c.redirect(officeRolloverPaths.rolledOver(school.id), 303);
  })
  .get('/office/schools/:id/former-pupils', async (c) => {
    const school = await managedSchool(c);
    const page = pageNumber(c.req.query('page'));
    const rows = await listFormerPupils(c.get('deps').db, school, todayOf(c), pageWindow(page, FORMER_PER_PAGE));
    const body = (
      <FormerPupilsPage page={pageContext(c)} school={school} pupils={toPaged(rows, page, FORMER_PER_PAGE)} />
    );
    return render(c, fill(t(c).formerTitle, { school: school.name }), body);
  });
