import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { EFORMIDLING } from './eformidling.ts';

/**
 * A development integrasjonspunkt: the part of eFormidling's v2 API that EFormidlingDigitalPostClient uses, with the
 * same paths, validation and error bodies (Spring's: status, error, exception, message, path), its state in memory.
 * A message goes OPPRETTET (create) → file uploaded → SENDT and at once LEVERT (send; the mailbox "delivers" it);
 * LEST comes when someone marks it read (markRead, or POST /dev/messages/{id}/read). The /dev paths are ours, not
 * the integrasjonspunkt's. Run alone for `npm start`: `npx tsx src/domain/letters/eformidling-dev-server.ts [port]`
 * (default 9093, the integrasjonspunkt's usual port), then EFORMIDLING_URL=http://localhost:9093.
 */
export interface DevMessage {
  messageId: string;
  conversationId: string;
  sbd: Sbd;
  files: { filename: string; title: string | null; contentType: string; content: Uint8Array }[];
  statuses: { id: number; status: string; lastUpdate: string; description: string | null }[];
  /** On the outgoing queue (created, not yet sent): only then can files be added and the message sent. */
  queued: boolean;
}

export interface DevIntegrasjonspunkt {
  url: string;
  messages: Map<string, DevMessage>;
  /** Every request, in order: `METHOD /path`. */
  requests: string[];
  markRead(messageId: string, at?: Date): void;
  /** A delivery failure reported by the mailbox (status FEIL). */
  fail(messageId: string, description: string): void;
  /** The next `count` requests answer `status` (e.g. 503: the integrasjonspunkt is restarting). */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

type Sbd = {
  standardBusinessDocumentHeader: {
    documentIdentification: { instanceIdentifier: string };
    businessScope: { scope: { type: string; instanceIdentifier: string }[] };
  };
  digital: { hoveddokument: string };
};

export async function startEFormidlingDevServer(
  options: { port?: number; hostname?: string; clock?: () => Date } = {},
): Promise<DevIntegrasjonspunkt> {
  const state = newState(options.clock ?? (() => new Date()));
  const app = eformidlingDevApp(state);
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.hostname ?? '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.hostname ?? '127.0.0.1'}:${port}`,
    messages: state.messages,
    requests: state.requests,
    markRead: (id, at) => state.addStatus(id, 'LEST', null, at),
    fail: (id, description) => state.addStatus(id, 'FEIL', description),
    failNext: (status, count = 1) => state.failures.push(...Array.from({ length: count }, () => status)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type State = ReturnType<typeof newState>;

function newState(clock: () => Date) {
  const messages = new Map<string, DevMessage>();
  let nextStatusId = 1;
  return {
    messages,
    requests: [] as string[],
    failures: [] as number[],
    clock,
    addStatus(messageId: string, status: string, description: string | null, at: Date = clock()) {
      const message = messages.get(messageId);
      if (!message) throw new Error(`no message ${messageId}`);
      message.statuses.push({ id: nextStatusId++, status, lastUpdate: at.toISOString(), description });
    },
  };
}

export function eformidlingDevApp(state: State): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    state.requests.push(`${c.req.method} ${new URL(c.req.url).pathname}`);
    const status = state.failures.shift();
    if (status) return springError(c, status, 'org.springframework.web.server.ResponseStatusException', 'injected');
    await next();
  });

  app.post('/api/messages/out', async (c) => {
    const body = await c.req.json().catch(() => null);
    const errors = validateDigitalSbd(body);
    if (errors.length)
      return springError(c, 400, 'jakarta.validation.ConstraintViolationException', errors.join(', '), errors);
    const sbd = body as Sbd;
    const header = sbd.standardBusinessDocumentHeader;
    const messageId = (header.documentIdentification.instanceIdentifier ||= crypto.randomUUID());
    const conversation = header.businessScope.scope.find((s) => s.type === 'ConversationId')!;
    conversation.instanceIdentifier ||= crypto.randomUUID();
    if (state.messages.has(messageId)) return exception(c, 400, 'MessageAlreadyExistsException', messageId);
    state.messages.set(messageId, {
      messageId,
      conversationId: conversation.instanceIdentifier,
      sbd,
      files: [],
      statuses: [],
      queued: true,
    });
    state.addStatus(messageId, 'OPPRETTET', null);
    return c.json(sbd);
  });

  app.get('/api/messages/out/:messageId', (c) => {
    const message = queued(state, c.req.param('messageId'));
    return message ? c.json(message.sbd) : exception(c, 404, 'MessageNotFoundException', c.req.param('messageId'));
  });

  app.put('/api/messages/out/:messageId', async (c) => {
    const message = queued(state, c.req.param('messageId'));
    if (!message) return exception(c, 404, 'MessageNotFoundException', c.req.param('messageId'));
    const contentType = c.req.header('content-type');
    const disposition = parseContentDisposition(c.req.header('content-disposition'));
    if (!contentType) return exception(c, 400, 'MissingHttpHeaderException', 'Content-Type');
    if (!disposition?.filename) return exception(c, 400, 'MissingHttpHeaderException', 'Content-Disposition');
    if (message.files.some((f) => f.filename === disposition.filename))
      return exception(c, 400, 'DuplicateFilenameException', disposition.filename);
    message.files.push({
      filename: disposition.filename,
      title: c.req.query('title') ?? disposition.name,
      contentType,
      content: new Uint8Array(await c.req.arrayBuffer()),
    });
    return c.body(null, 200);
  });

  app.post('/api/messages/out/:messageId', (c) => {
    const message = queued(state, c.req.param('messageId'));
    if (!message) return exception(c, 404, 'MessageNotFoundException', c.req.param('messageId'));
    if (!message.files.some((f) => f.filename === message.sbd.digital.hoveddokument))
      return exception(c, 400, 'MissingPrimaryDocumentException');
    message.queued = false;
    state.addStatus(message.messageId, 'SENDT', null);
    state.addStatus(message.messageId, 'LEVERT', null);
    return c.body(null, 200);
  });

  const statusPage = (c: Context, messageId: string | undefined) => {
    const size = Number(c.req.query('size') ?? 10);
    const content = [...state.messages.values()]
      .filter((m) => !messageId || m.messageId === messageId)
      .flatMap((m) =>
        m.statuses.map((s) => ({ ...s, convId: 1, messageId: m.messageId, conversationId: m.conversationId })),
      )
      .sort((a, b) => a.id - b.id);
    return c.json({
      content: content.slice(0, size),
      totalElements: content.length,
      totalPages: Math.max(1, Math.ceil(content.length / size)),
      size,
      number: 0,
      first: true,
      last: content.length <= size,
      numberOfElements: Math.min(size, content.length),
      empty: content.length === 0,
    });
  };
  app.get('/api/statuses', (c) => statusPage(c, c.req.query('messageId')));
  app.get('/api/statuses/:messageId', (c) => statusPage(c, c.req.param('messageId')));

  app.get('/dev/messages', (c) =>
    c.json(
      [...state.messages.values()].map((m) => ({
        messageId: m.messageId,
        receiver: receiverOf(m.sbd),
        files: m.files.map((f) => ({ filename: f.filename, title: f.title, bytes: f.content.length })),
        statuses: m.statuses.map((s) => s.status),
      })),
    ),
  );
  app.post('/dev/messages/:messageId/read', (c) => {
    if (!state.messages.has(c.req.param('messageId'))) return c.body(null, 404);
    state.addStatus(c.req.param('messageId'), 'LEST', null);
    return c.body(null, 204);
  });

  app.notFound((c) => springError(c, 404, null, 'No static resource'));
  return app;
}

const queued = (state: State, messageId: string) => {
  const message = state.messages.get(messageId);
  return message?.queued ? message : undefined;
};

const receiverOf = (sbd: Sbd) =>
  (sbd.standardBusinessDocumentHeader as unknown as { receiver: { identifier: { value: string } }[] }).receiver[0]
    ?.identifier.value;

const MESSAGES: Record<string, (arg?: string) => string> = {
  MessageAlreadyExistsException: (id) => `Message with messageId = ${id} already exists`,
  MessageNotFoundException: (id) => `Message with messageId = ${id} was not found`,
  MissingHttpHeaderException: (name) => `Expected a HTTP header named '${name}'`,
  DuplicateFilenameException: (name) => `Filename already exists in message: ${name}.`,
  MissingPrimaryDocumentException: () =>
    'Missing a primary document. Please specify the hoveddokument property in the business message and verify that is equal to one of the filenames.',
};

const exception = (c: Context, status: number, name: string, arg?: string) =>
  springError(c, status, `no.difi.meldingsutveksling.exceptions.${name}`, MESSAGES[name]!(arg));

function springError(c: Context, status: number, exceptionName: string | null, message: string, errors?: string[]) {
  const reason: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 503: 'Service Unavailable' };
  return c.json(
    {
      timestamp: new Date().toISOString(),
      status,
      error: reason[status] ?? 'Error',
      ...(exceptionName ? { exception: exceptionName } : {}),
      message,
      path: new URL(c.req.url).pathname,
      ...(errors ? { errors: errors.map((e) => ({ defaultMessage: e })) } : {}),
    },
    status as 400,
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROCESSES = ['urn:no:difi:profile:digitalpost:info:ver1.0', 'urn:no:difi:profile:digitalpost:vedtak:ver1.0'];

/** What the integrasjonspunkt checks of a `digital` SBD for DPI (its bean validation and NextMoveValidator), in short. */
export function validateDigitalSbd(body: unknown): string[] {
  const errors: string[] = [];
  const need = (ok: boolean, field: string, rule: string) => {
    if (!ok) errors.push(`${field}: ${rule}`);
  };
  const sbd = (body ?? {}) as Record<string, any>;
  const header = sbd.standardBusinessDocumentHeader;
  need(typeof header === 'object' && header !== null, 'standardBusinessDocumentHeader', 'must not be null');
  if (!header || typeof header !== 'object') return errors;
  const receiver = header.receiver?.[0]?.identifier;
  need(/^\d{11}$/.test(receiver?.value ?? ''), 'receiver.identifier.value', 'must be a fødselsnummer (11 digits)');
  need(
    receiver?.authority === EFORMIDLING.authority,
    'receiver.identifier.authority',
    `must be ${EFORMIDLING.authority}`,
  );
  const sender = header.sender?.[0]?.identifier;
  if (sender) need(/^0192:\d{9}(:\d{9})?$/.test(sender.value ?? ''), 'sender.identifier.value', 'must be 0192:<orgnr>');
  const doc = header.documentIdentification ?? {};
  need(doc.standard === EFORMIDLING.standard, 'documentIdentification.standard', `must be ${EFORMIDLING.standard}`);
  need(doc.type === 'digital', 'documentIdentification.type', 'must be digital');
  need(typeof doc.typeVersion === 'string', 'documentIdentification.typeVersion', 'must not be null');
  if (doc.instanceIdentifier !== undefined)
    need(UUID.test(doc.instanceIdentifier), 'documentIdentification.instanceIdentifier', 'must be a UUID');
  const scope = (header.businessScope?.scope ?? []).find((s: { type?: string }) => s?.type === 'ConversationId');
  need(Boolean(scope), 'businessScope.scope', 'must have a ConversationId scope');
  if (scope) {
    need(PROCESSES.includes(scope.identifier), 'businessScope.scope.identifier', 'must be a digitalpost process');
    if (scope.instanceIdentifier !== undefined)
      need(UUID.test(scope.instanceIdentifier), 'businessScope.scope.instanceIdentifier', 'must be a UUID');
  }
  const digital = sbd.digital;
  need(typeof digital === 'object' && digital !== null, 'digital', 'must not be null');
  if (!digital || typeof digital !== 'object') return errors;
  need([3, 4].includes(digital.sikkerhetsnivaa), 'digital.sikkerhetsnivaa', 'must be 3 or 4');
  need(
    typeof digital.hoveddokument === 'string' && digital.hoveddokument !== '',
    'digital.hoveddokument',
    'must not be null',
  );
  need(typeof digital.tittel === 'string', 'digital.tittel', 'must not be null');
  need(/^[a-z]{2}$/i.test(digital.spraak ?? ''), 'digital.spraak', 'must be an ISO 639-1 code');
  const info = digital.digitalPostInfo;
  need(
    /^\d{4}-\d{2}-\d{2}$/.test(info?.virkningsdato ?? ''),
    'digital.digitalPostInfo.virkningsdato',
    'must be a date',
  );
  need(
    [true, false, 'true', 'false'].includes(info?.aapningskvittering),
    'digital.digitalPostInfo.aapningskvittering',
    'must be true or false',
  );
  if (digital.varsler !== undefined) {
    for (const key of ['epostTekst', 'smsTekst'])
      need(typeof digital.varsler?.[key] === 'string', `digital.varsler.${key}`, 'must be a string');
  }
  return errors;
}

/** RFC 6266 as the integrasjonspunkt reads it: `name`, `filename`, and their RFC 5987 `*` forms (which win). */
export function parseContentDisposition(
  header: string | undefined,
): { name: string | null; filename: string | null } | null {
  if (!header) return null;
  const params = new Map<string, string>();
  for (const part of header.match(/;\s*[^=;\s]+\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g) ?? []) {
    const [, key, raw] = /;\s*([^=\s]+)\s*=\s*(.*)$/s.exec(part)!;
    const value = raw!.trim();
    params.set(key!.toLowerCase(), value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value);
  }
  const decode = (v: string | undefined) => {
    const m = v ? /^UTF-8''(.*)$/i.exec(v) : null;
    return m ? decodeURIComponent(m[1]!) : null;
  };
  return {
    name: decode(params.get('name*')) ?? params.get('name') ?? null,
    filename: decode(params.get('filename*')) ?? params.get('filename') ?? null,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 9093);
  await startEFormidlingDevServer({ port, hostname: '0.0.0.0' });
  console.log(`Development integrasjonspunkt: EFORMIDLING_URL=http://localhost:${port}, messages at /dev/messages`);
}
