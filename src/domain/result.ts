/**
 * The one result shape of the domain's parsers and of commands that may say no without an exception (a 404 or 403 is
 * an exception, src/domain/errors.ts). `ok: true` with what was made; `ok: false` with either `errors`, a message code
 * per field (the form is shown again with the user's values), or one `reason` that belongs to no field (the day has
 * started, the application was already decided).
 */
export type Ok<T extends object = object> = { ok: true } & T;
export type Invalid<E> = { ok: false; errors: E };
export type Refused<R extends string> = { ok: false; reason: R };

/** What a parser gives: the checked values, or the errors per field. */
export type Checked<V, E> = Ok<{ values: V }> | Invalid<E>;

/** The parser's answer from the errors it found: the values (made only when there are none) or the errors. */
export function checked<V, E extends object>(errors: E, values: () => V): Checked<V, E> {
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values: values() };
}
