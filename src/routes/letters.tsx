import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { listDevMailbox, openDevMailboxLetter } from '../domain/letters/dev-mailbox.ts';
import { downloadManualLetter, markHandledManually } from '../domain/letters/manual.ts';
import { findLetterOverview } from '../domain/letters/overview.ts';
import { createPrintBatch, downloadPrintBatch } from '../domain/letters/print-batch.ts';
import { lettersText } from '../i18n/letters.ts';
import { actorOf } from '../middleware/session.ts';
import { DevDigitalPostPage } from '../views/letters/dev-mailbox.tsx';
import { LettersPage } from '../views/letters/overview.tsx';
import { letterPaths } from '../paths/letters.ts';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';
import { sendDocument } from './send-document.ts';

const Notice = v.optional(v.picklist(['created', 'empty', 'handled']));
const PDF = '{[0-9]+\\.pdf}';

/** D3, D4: decision letters by digital post or the school office's daily paper print batch. Leadership of the school only (404). */
export const letterRoutes = new Hono<AppEnv>()
  .get(letterPaths.overview, async (c) => {
    const school = c.req.query('school');
    const overview = await findLetterOverview(
      c.get('deps').db,
      actorOf(c),
      school === undefined ? undefined : idParam(school),
      nowOf(c),
    );
    const notice = v.safeParse(Notice, c.req.query('notice'));
    const page = pageContext(c);
    return render(
      c,
      lettersText[page.locale].title,
      <LettersPage page={page} overview={overview} notice={notice.success ? notice.output : undefined} />,
    );
  })
  .post(letterPaths.printBatches, async (c) => {
    const body = await readForm(c);
    const schoolId = idParam(typeof body.school_id === 'string' ? body.school_id : '');
    const batch = await createPrintBatch(c.get('deps').db, actorOf(c), schoolId, todayOf(c), nowOf(c));
    return c.redirect(letterPaths.school(schoolId, batch ? 'created' : 'empty'), 303);
  })
  .get(`/letters/print-batches/:file${PDF}`, async (c) => {
    const batch = await downloadPrintBatch(
      c.get('deps').db,
      actorOf(c),
      idParam(c.req.param('file').replace('.pdf', '')),
      nowOf(c),
    );
    return sendDocument(c, batch);
  })
  .get(`/letters/:file${PDF}`, async (c) => {
    const doc = await downloadManualLetter(
      c.get('deps').db,
      actorOf(c),
      idParam(c.req.param('file').replace('.pdf', '')),
      nowOf(c),
    );
    return sendDocument(c, doc);
  })
  .post('/letters/:id/manual-handling', async (c) => {
    const schoolId = await markHandledManually(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), nowOf(c));
    return c.redirect(letterPaths.school(schoolId, 'handled'), 303);
  })
  // The dev mailbox: development only (app.ts: /dev/* is a 404 in production); each person sees only their letters.
  .get(letterPaths.devDigitalPost, async (c) => {
    const page = pageContext(c);
    return render(
      c,
      lettersText[page.locale].dev.title,
      <DevDigitalPostPage page={page} letters={await listDevMailbox(c.get('deps').db, actorOf(c).personId)} />,
    );
  })
  .get(`${letterPaths.devDigitalPost}/:file${PDF}`, async (c) => {
    const letter = await openDevMailboxLetter(
      c.get('deps').db,
      actorOf(c).personId,
      idParam(c.req.param('file').replace('.pdf', '')),
      nowOf(c),
    );
    return sendDocument(c, letter, { inline: true });
  });
