import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import {
  defaultExtractPeriod,
  extractForOwner,
  parseExtractInput,
  requireArchiveOwner,
  type ExtractInput,
} from '../domain/archive/owner.ts';
import { archiveText } from '../i18n/archive.ts';
import { formatDate } from '../i18n/index.ts';
import { actorOf } from '../middleware/session.ts';
import { archivePaths } from '../paths/archive.ts';
import { ArchivePage } from '../views/archive/page.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';
import { attachmentDisposition } from './send-document.ts';

async function page(
  c: Context<AppEnv>,
  input: ExtractInput,
  state: { errors?: Parameters<typeof ArchivePage>[0]['errors']; empty?: boolean } = {},
  status: 200 | 422 = 200,
) {
  const owner = await requireArchiveOwner(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));
  return render(
    c,
    `${archiveText[c.get('locale')].title}: ${owner.name}`,
    <ArchivePage page={pageContext(c)} owner={owner} input={input} {...state} />,
    status,
  );
}

/** D7 (issue 16, item 2): the school owner downloads a Noark 5 arkivuttrekk of a period; others get 404. */
export const archiveRoutes = new Hono<AppEnv>()
  .get(archivePaths.pattern, (c) => {
    const period = defaultExtractPeriod(todayOf(c));
    return page(c, { from: formatDate(period.from), to: formatDate(period.to) });
  })
  .post(`${archivePaths.pattern}/extract`, async (c) => {
    const body = await readForm(c);
    const input = { from: String(body.from ?? ''), to: String(body.to ?? '') };
    const parsed = parseExtractInput(input);
    if (!parsed.ok) return page(c, input, { errors: parsed.errors }, 422);
    const extract = await extractForOwner(
      c.get('deps').db,
      actorOf(c),
      idParam(c.req.param('id') ?? ''),
      parsed.period,
      nowOf(c),
    );
    if (!extract) return page(c, input, { empty: true }, 422);
    const { result, cleanup } = extract;
    const file = createReadStream(result.tar);
    file.on('close', () => void cleanup());
    return c.body(Readable.toWeb(file) as ReadableStream, 200, {
      'Content-Type': 'application/x-tar',
      'Content-Length': String((await stat(result.tar)).size),
      'Content-Disposition': attachmentDisposition(
        `arkivuttrekk-${result.name}-${parsed.period.from}-${parsed.period.to}.tar`,
      ),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
