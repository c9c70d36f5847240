import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { downloadDocument, listChildDocuments } from '../domain/documents/access.ts';
import { documentPaths } from '../paths/documents.ts';
import { requireGuardianChild } from '../domain/guardian/child.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { ChildDocuments } from '../views/documents/child-section.tsx';
import { renderChildSection } from './child-section.tsx';
import { idParam } from './params.ts';
import { pageContext } from './render.tsx';
import { sendDocument } from './send-document.ts';

const Before = v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.transform(Number)));

/** G14: the child page's documents section and the guardian's download (audited). */
export const documentRoutes = new Hono<AppEnv>()
  .get('/children/:id/documents', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')));
    const parsed = v.safeParse(Before, c.req.query('before'));
    const before = parsed.success ? parsed.output : undefined;
    const { documents, olderThan } = await listChildDocuments(db, actor, child, before);
    const items = documents.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      createdAt: d.createdAt,
      sizeBytes: d.sizeBytes,
      href: documentPaths.download(d.id),
    }));
    return renderChildSection(
      c,
      child,
      'documents',
      <ChildDocuments
        page={pageContext(c)}
        child={child}
        documents={items}
        olderThan={olderThan}
        isOlderPage={before !== undefined}
      />,
    );
  })
  .get('/documents/:id', async (c) => {
    const doc = await downloadDocument(c.get('deps').db, actorOf(c), idParam(c.req.param('id')));
    return sendDocument(c, doc);
  });
