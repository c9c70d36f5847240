import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import {
  findEditablePrivacyStatement,
  findPrivacyStatement,
  listStatementOwners,
  MAX_PURPOSES,
  parsePrivacyStatement,
  savePrivacyStatement,
  type PrivacyStatementField,
  type PrivacyStatementInput,
} from '../domain/privacy/statement.ts';
import { fill } from '../i18n/index.ts';
import { privacyStatementText } from '../i18n/privacy-statement.ts';
import { actorOf } from '../middleware/session.ts';
import { privacyStatementPaths } from '../paths/privacy-statements.ts';
import {
  legalBasisName,
  PrivacyStatementEditPage,
  purposeName,
  STATEMENT_FIELD_NAMES,
} from '../views/privacy/edit-page.tsx';
import { PrivacyOwnersPage } from '../views/privacy/owners-page.tsx';
import { PrivacyStatementPage } from '../views/privacy/statement-page.tsx';
import { nowOf } from './clock.ts';
import { type FormBody, readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The form as typed: every field, and the purpose rows up to the last one posted (empty rows kept in place). */
function statementInput(body: FormBody): PrivacyStatementInput {
  const fields = Object.fromEntries(
    (Object.entries(STATEMENT_FIELD_NAMES) as [PrivacyStatementField, string][]).map(([field, name]) => [
      field,
      text(body[name]),
    ]),
  ) as Record<PrivacyStatementField, string>;
  const purposes = Array.from({ length: MAX_PURPOSES }, (_, i) => ({
    purpose: text(body[purposeName(i)]),
    legalBasis: text(body[legalBasisName(i)]),
  }));
  const last = purposes.findLastIndex((p) => p.purpose.trim() !== '' || p.legalBasis.trim() !== '');
  return { ...fields, purposes: purposes.slice(0, Math.max(last + 1, 1)) };
}

/**
 * Issue 16, item 7: the school owners' privacy statements. /privacy lists the owners and /privacy/:municipalityId
 * shows one (both public); the school owner edits its own at /municipalities/:id/privacy-statement (others 404).
 */
export const privacyStatementRoutes = new Hono<AppEnv>()
  .get(privacyStatementPaths.list, async (c) => {
    const owners = await listStatementOwners(c.get('deps').db);
    return render(
      c,
      privacyStatementText[c.get('locale')].title,
      <PrivacyOwnersPage page={pageContext(c)} owners={owners} />,
    );
  })
  .get('/privacy/:municipalityId', async (c) => {
    const statement = await findPrivacyStatement(c.get('deps').db, idParam(c.req.param('municipalityId')));
    const title = fill(privacyStatementText[c.get('locale')].statementTitle, { name: statement.owner.name });
    return render(c, title, <PrivacyStatementPage page={pageContext(c)} statement={statement} />);
  })
  .get('/municipalities/:id/privacy-statement', async (c) => {
    const statement = await findEditablePrivacyStatement(c.get('deps').db, actorOf(c), idParam(c.req.param('id')));
    const title = fill(privacyStatementText[c.get('locale')].editTitle, { name: statement.owner.name });
    const page = (
      <PrivacyStatementEditPage page={pageContext(c)} statement={statement} saved={c.req.query('saved') === '1'} />
    );
    return render(c, title, page);
  })
  .post('/municipalities/:id/privacy-statement', async (c) => {
    const { db } = c.get('deps');
    const municipalityId = idParam(c.req.param('id'));
    const statement = await findEditablePrivacyStatement(db, actorOf(c), municipalityId);
    const input = statementInput(await readForm(c));
    const parsed = parsePrivacyStatement(input);
    if (!parsed.ok) {
      const title = fill(privacyStatementText[c.get('locale')].editTitle, { name: statement.owner.name });
      const page = (
        <PrivacyStatementEditPage page={pageContext(c)} statement={statement} form={{ input, errors: parsed.errors }} />
      );
      return render(c, title, page, 422);
    }
    await savePrivacyStatement(db, actorOf(c), municipalityId, parsed.values, nowOf(c));
    return c.redirect(privacyStatementPaths.saved(municipalityId), 303);
  });
