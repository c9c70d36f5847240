import * as v from 'valibot';

const Id = v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.transform(Number));

/** A numeric id from the path; anything else becomes 0, which is nobody (the scoped lookup answers 404). */
export function idParam(value: string): number {
  const parsed = v.safeParse(Id, value);
  return parsed.success ? parsed.output : 0;
}
