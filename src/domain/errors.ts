/** Errors the domain raises; the web layer turns each into one status page. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'Not found') {
    super(message);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = 'Forbidden') {
    super(message);
  }
}

/** Field errors keyed by form field name; messages are already in the user's language. */
export type FieldErrors = Record<string, string>;
