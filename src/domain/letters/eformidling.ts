import { createHash } from 'node:crypto';
import { type DigitalLetter, type DigitalPostClient, PermanentSendError } from './digital-post.ts';
import type { LetterNotification } from './routing.ts';

/**
 * Production digital post (D4): eFormidling's integrasjonspunkt, which the school owner runs next to Skolebro, speaks
 * DPI (Digital post til innbyggere) for us. Its v2 REST API ("eFormidling 2", docs.digdir.no → eFormidling → Utvikling,
 * and the integrasjonspunkt's own NextMoveMessageOutController / MessageStatusController), one letter in four calls:
 *
 *   POST /api/messages/out                      the StandardBusinessDocument (JSON) → 200 with the SBD as stored
 *   PUT  /api/messages/out/{messageId}?title=…  the PDF as the body; Content-Type, Content-Disposition with filename
 *   POST /api/messages/out/{messageId}          send: the integrasjonspunkt queues it for DPI
 *   GET  /api/statuses?messageId=…              a page of statuses: OPPRETTET, SENDT, MOTTATT, LEVERT, LEST, FEIL, …
 *
 * The integrasjonspunkt itself looks the recipient up in KRR (mailbox, certificate, e-mail, mobile) and adds the
 * sender (its `difi.move.org.number`), so `letter.mailbox` and `letter.notification` are not sent: routing.ts has
 * already decided, on the same KRR, that the letter may go digital. Errors: a 4xx the request caused is a
 * PermanentSendError (the letter goes on paper); 5xx, timeouts, an unreachable host and answers that mean "not
 * configured right" (401, 403, 404, 408, 429) stay retryable. Never called against a real integrasjonspunkt here: the
 * tests run it against the double in eformidling-dev-server.ts, which speaks the same API.
 */
export interface EFormidlingSettings {
  /** The integrasjonspunkt, e.g. http://integrasjonspunkt:9093; user:password@ in it → HTTP Basic authentication. */
  url: string;
  /** The SBD sender (the school owner's organisation number); unset → the integrasjonspunkt's own `difi.move.org.number`. */
  senderOrgNumber?: string | undefined;
  /** The ID-porten level the recipient needs to open the letter (`digital.sikkerhetsnivaa`: 3 or 4). */
  securityLevel?: 3 | 4;
  timeoutMs?: number;
}

/** eFormidling's names for what we send: a vedtak (the process obliges notification) as document type `digital`. */
export const EFORMIDLING = {
  process: 'urn:no:difi:profile:digitalpost:vedtak:ver1.0',
  standard: 'urn:no:difi:digitalpost:xsd:digital::digital',
  type: 'digital',
  authority: 'iso6523-actorid-upis',
  /** ICD for Norwegian organisation numbers in `sender.identifier.value` ("0192:<orgnr>"). */
  icd: '0192',
} as const;

/** Statuses after which the letter will never arrive. */
const FAILED = new Set(['FEIL', 'LEVETID_UTLOPT']);

export class EFormidlingDigitalPostClient implements DigitalPostClient {
  private readonly base: string;
  private readonly authorization: string | undefined;

  constructor(
    private readonly settings: EFormidlingSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const url = new URL(settings.url);
    this.authorization =
      url.username || url.password
        ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
        : undefined;
    url.username = '';
    url.password = '';
    this.base = url.href.replace(/\/$/, '');
  }

  /**
   * Idempotent: the message id is derived from the letter's reference, so a resend after a crash meets the
   * integrasjonspunkt's "already exists" answer (a 400 naming MessageAlreadyExistsException; 409 accepted too) and
   * carries on from where the first attempt stopped, reading the statuses: anything past OPPRETTET means it was sent.
   * One gap remains: a send accepted but not yet taken off the integrasjonspunkt's queue still shows only OPPRETTET;
   * the dispatcher's back-off (minutes) is far longer than that queue normally takes.
   */
  async send(letter: DigitalLetter): Promise<{ messageId: string }> {
    const messageId = eformidlingMessageId(letter);
    const created = await this.call('create', 'POST', '/api/messages/out', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.businessDocument(letter, messageId)),
    });
    if (created.ok) {
      await this.upload(messageId, letter);
      await this.dispatch(messageId);
      return { messageId };
    }
    const error = await readError(created);
    if (created.status === 409 || error.exception === 'MessageAlreadyExistsException') {
      await this.resume(messageId, letter);
      return { messageId };
    }
    throw failure('create', created.status, error);
  }

  /** The opening receipt arrives as the status LEST (the letter asks for one: `aapningskvittering`). */
  async openedAt(messageId: string): Promise<Date | null> {
    const read = (await this.statuses(messageId)).find((s) => s.status === 'LEST');
    return read ? new Date(read.lastUpdate) : null;
  }

  /**
   * Nothing to do, on purpose: DPI has no call for a new notice after sending. The notices are part of the letter
   * (`digital.varsler`), and the integrasjonspunkt asks the mailbox to repeat them "at once and after 7 days"
   * (docs.digdir.no, transformation from `digital` to DPI) — the week's reminder the pipeline asks for here.
   */
  async renotify(_messageId: string, _notification: LetterNotification): Promise<void> {}

  /** The SBD for one letter, addressed from the school owner to the recipient's fødselsnummer. */
  businessDocument(letter: DigitalLetter, messageId: string) {
    const sender = this.settings.senderOrgNumber;
    return {
      standardBusinessDocumentHeader: {
        headerVersion: '1.0',
        ...(sender
          ? { sender: [{ identifier: { authority: EFORMIDLING.authority, value: `${EFORMIDLING.icd}:${sender}` } }] }
          : {}),
        receiver: [{ identifier: { authority: EFORMIDLING.authority, value: letter.recipientFnr } }],
        documentIdentification: {
          standard: EFORMIDLING.standard,
          typeVersion: '1.0',
          instanceIdentifier: messageId,
          type: EFORMIDLING.type,
          creationDateAndTime: this.clock().toISOString(),
        },
        businessScope: {
          scope: [{ type: 'ConversationId', instanceIdentifier: messageId, identifier: EFORMIDLING.process }],
        },
      },
      digital: {
        sikkerhetsnivaa: this.settings.securityLevel ?? 3,
        hoveddokument: letter.filename,
        tittel: letter.title,
        // The documented examples write "NO"; the field is described as ISO 639-1. Letters are bokmål or nynorsk.
        spraak: 'NO',
        // aapningskvittering: the mailbox asks the recipient for an opening receipt; without it no LEST comes back.
        digitalPostInfo: { virkningsdato: osloDate(this.clock()), aapningskvittering: true },
        // Documented as required; the integrasjonspunkt's model has them optional. E-mail and mobile come from KRR.
        varsler: {
          epostTekst: `Du har fått et brev fra ${letter.sender.name} i den digitale postkassen din.`,
          smsTekst: `Du har fått et brev fra ${letter.sender.name} i den digitale postkassen din.`,
        },
      },
    };
  }

  /** After "already exists": finish whatever the first attempt left undone, or stop if it failed for good. */
  private async resume(messageId: string, letter: DigitalLetter): Promise<void> {
    const statuses = await this.statuses(messageId);
    if (statuses.some((s) => FAILED.has(s.status)))
      throw new PermanentSendError(`eFormidling: message ${messageId} failed earlier (${statuses.at(-1)?.status})`);
    if (statuses.some((s) => s.status !== 'OPPRETTET')) return;
    const queued = await this.call('resume', 'GET', `/api/messages/out/${messageId}`, {});
    if (queued.status === 404) return; // taken off the outgoing queue: being sent right now
    if (!queued.ok) throw failure('resume', queued.status, await readError(queued));
    await this.upload(messageId, letter, { resuming: true });
    await this.dispatch(messageId, { resuming: true });
  }

  private async upload(messageId: string, letter: DigitalLetter, options: { resuming?: boolean } = {}) {
    const response = await this.call(
      'upload',
      'PUT',
      `/api/messages/out/${messageId}?title=${encodeURIComponent(letter.title)}`,
      {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': contentDisposition(letter.title, letter.filename),
        },
        body: new Uint8Array(letter.content), // a copy on its own ArrayBuffer, as fetch's BodyInit wants
      },
    );
    if (response.ok) return;
    const error = await readError(response);
    if (options.resuming && error.exception === 'DuplicateFilenameException') return; // uploaded the first time
    throw failure('upload', response.status, error);
  }

  private async dispatch(messageId: string, options: { resuming?: boolean } = {}) {
    const response = await this.call('send', 'POST', `/api/messages/out/${messageId}`, {});
    if (response.ok || (options.resuming && response.status === 404)) return; // 404: already sent and dequeued
    throw failure('send', response.status, await readError(response));
  }

  private async statuses(messageId: string): Promise<{ status: string; lastUpdate: string }[]> {
    const response = await this.call(
      'status',
      'GET',
      `/api/statuses?messageId=${encodeURIComponent(messageId)}&size=100`,
      { headers: { accept: 'application/json' } },
    );
    if (!response.ok) throw failure('status', response.status, await readError(response));
    const page = (await response.json()) as { content?: unknown };
    if (!Array.isArray(page.content)) throw new Error('eFormidling status answered without "content"');
    return page.content
      .filter((s): s is { status: string; lastUpdate: string } => typeof s?.status === 'string')
      .sort((a, b) => Date.parse(a.lastUpdate) - Date.parse(b.lastUpdate));
  }

  private async call(
    step: string,
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> },
  ): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, {
        method,
        headers: { ...init.headers, ...(this.authorization ? { authorization: this.authorization } : {}) },
        body: init.body,
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new Error(`eFormidling ${step} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

/**
 * The message id (also the conversation id) for a letter: a name-based UUID (version 5) of the school's organisation
 * number and the letter's reference. The integrasjonspunkt wants UUIDs; the same letter always gets the same one.
 */
export function eformidlingMessageId(letter: Pick<DigitalLetter, 'reference' | 'sender'>): string {
  const hash = createHash('sha1')
    .update(Buffer.from(MESSAGE_ID_NAMESPACE.replaceAll('-', ''), 'hex'))
    .update(`${letter.sender.orgNumber}/${letter.reference}`)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Skolebro's namespace for eformidlingMessageId (fixed: changing it would resend every letter in flight). */
const MESSAGE_ID_NAMESPACE = '5b0f8a52-3c1e-4e6b-9d8f-2a7c41e0b9d3';

/**
 * `attachment; name="…"; filename="…"`, with RFC 5987 `name*` / `filename*` (UTF-8) when the value is not plain
 * ASCII: the integrasjonspunkt parses both and prefers the starred form, so `hoveddokument` can stay the real name.
 */
export function contentDisposition(title: string, filename: string): string {
  const param = (key: string, value: string) =>
    /^[\x20-\x7e]*$/.test(value) && !/["\\]/.test(value)
      ? `; ${key}="${value}"`
      : `; ${key}="${value.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; ${key}*=UTF-8''${encodeRfc5987(value)}`;
  return `attachment${param('name', title)}${param('filename', filename)}`;
}

const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const osloDate = (date: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(date);

interface ErrorBody {
  /** The exception's simple class name, e.g. MessageAlreadyExistsException. */
  exception: string | null;
}

/**
 * The integrasjonspunkt's error body (Spring's error attributes: timestamp, status, error, exception, message, path).
 * Only the exception's class name is kept: the message may name the recipient.
 */
async function readError(response: Response): Promise<ErrorBody> {
  const text = await response.text().catch(() => '');
  let body: { exception?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON (a proxy's page): no exception name
  }
  if (typeof body.exception === 'string' && /^[\w.$]+Exception$/.test(body.exception))
    return { exception: body.exception.slice(body.exception.lastIndexOf('.') + 1) };
  // Without server.error.include-exception only the message (messages.properties) tells the two we handle.
  const message = typeof body.message === 'string' ? body.message : '';
  if (/^Message with messageId = .* already exists$/.test(message))
    return { exception: 'MessageAlreadyExistsException' };
  if (/^Filename already exists in message/.test(message)) return { exception: 'DuplicateFilenameException' };
  return { exception: null };
}

/** Retryable: the integrasjonspunkt or our configuration, not the letter (see the class comment). */
const RETRYABLE_4XX = new Set([401, 403, 404, 408, 429]);

function failure(step: string, status: number, error: ErrorBody): Error {
  const message = `eFormidling ${step} answered ${status}${error.exception ? ` (${error.exception})` : ''}`;
  return status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)
    ? new PermanentSendError(message)
    : new Error(message);
}
