import type { SentAudienceKind } from '../../db/schema.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import { fill, type Locale } from '../../i18n/index.ts';
import { BODY_MAX, SUBJECT_MAX } from '../../domain/broadcasts/send.ts';
import { Field } from '../components/form.tsx';

const LIST_LOCALE: Record<Locale, string> = { nb: 'nb', nn: 'nn', en: 'en' };

/** "Sofie og Emil", "Sofie og Emil" (nn), "Sofie and Emil". */
export function namesList(locale: Locale, names: string[]): string {
  return new Intl.ListFormat(LIST_LOCALE[locale], { style: 'long', type: 'conjunction' }).format(names);
}

/** "5A", "Skolekor", "Bjørkelia skole", "5. trinn" — with the school when the actor reaches several schools. */
export function audienceLabel(
  locale: Locale,
  a: { kind: SentAudienceKind; name: string; trinn: number | null; schoolName: string },
  withSchool = false,
): string {
  const t = broadcastsText[locale];
  const name = a.kind === 'trinn' ? fill(t.trinnName, { trinn: a.trinn ?? '' }) : a.name;
  return withSchool && a.kind !== 'school' && a.kind !== 'municipality'
    ? fill(t.atSchool, { name, school: a.schoolName })
    : name;
}

export { Pager } from '../components/pager.tsx';

/** The subject and the text of a notice (a school's broadcast, the municipality's notice): the same fields and limits. */
export function NoticeTextFields({
  locale,
  ids,
  subject,
  body,
  errors,
}: {
  locale: Locale;
  ids: { subject: string; body: string };
  subject: string;
  body: string;
  errors: { subject?: string; body?: string };
}) {
  const t = broadcastsText[locale];
  return (
    <>
      <Field
        id={ids.subject}
        name="subject"
        label={t.subject}
        value={subject}
        error={errors.subject}
        maxlength={SUBJECT_MAX}
      />
      <Field
        id={ids.body}
        name="body"
        label={t.body}
        hint={t.bodyHint}
        value={body}
        error={errors.body}
        maxlength={BODY_MAX}
        multiline
      />
    </>
  );
}
