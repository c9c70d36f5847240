import type { Letter, LetterSection } from '../documents/api.ts';
import { renderLetterPdf } from '../documents/pdf.ts';
import { extraBlocks, type ExtraText } from './extra-lines.ts';
import type { MyData } from './types.ts';

/** Labels the PDF needs, in the reader's language (the views' i18n module passes them in). */
export interface MyDataPdfText extends ExtraText {
  title: string;
  lead: string;
  you: string;
  name: string;
  fodselsnummer: string;
  address: string;
  email: string;
  mobile: string;
  phone: string;
  sms: string;
  smsOn: string;
  smsOff: string;
  notRegistered: string;
  child: string;
  birthDate: string;
  school: string;
  enrolledFrom: string;
  guardians: string;
  log: string;
  logPupil: string;
  logNone: string;
  pupilLead: string;
  yourSchool: string;
  staffLead: string;
  rolesHeading: string;
  yourActions: string;
  yourActionsNone: string;
  actionsMore: string;
  /** A staff role and the period, and an action with its record kind, as lines. */
  staffRole: (role: NonNullable<MyData['staff']>['roles'][number]) => string;
  staffAction: (action: NonNullable<MyData['staff']>['actions'][number]) => string;
  exportLimited: string;
  /** One row of a child's log as "who (capacity) – what", in the reader's language. */
  logLine: (entry: MyData['children'][number]['log'][number]) => string;
  /** The row's time, dd.mm.yyyy hh:mm in Norwegian time. */
  logTime: (at: string) => string;
}

/** The areas' data as rows, translated as on the page (extraBlocks). */
function extraRows(extra: Record<string, unknown>, t: ExtraText): LetterSection['rows'] {
  return extraBlocks(extra, t).flatMap((block) =>
    block.lines.length
      ? block.lines.map((line) => ({ label: block.heading, value: line }))
      : [{ label: block.heading, value: t.none }],
  );
}

/** The readable PDF version of "my data" (G16). */
export function renderMyDataPdf(
  data: MyData,
  t: MyDataPdfText,
  lang: 'nb' | 'nn' | 'en',
  date: string,
): Promise<Uint8Array> {
  const g = data.guardian;
  const pupil = data.subject === 'pupil';
  const or = (value: string | null | undefined) => value || t.notRegistered;
  const sections: LetterSection[] = [
    {
      heading: t.you,
      rows: [
        { label: t.name, value: g.name },
        { label: t.fodselsnummer, value: or(g.fodselsnummer) },
        {
          label: t.address,
          value: or(
            [g.address.line, [g.address.postalCode, g.address.postalPlace].filter(Boolean).join(' ')]
              .filter(Boolean)
              .join(', '),
          ),
        },
        ...(pupil
          ? []
          : [
              { label: t.email, value: or(g.contact?.email) },
              { label: t.mobile, value: or(g.contact?.mobile) },
              { label: t.phone, value: or(g.contact?.phone) },
              { label: t.sms, value: g.contact?.smsEnabled === false ? t.smsOff : t.smsOn },
            ]),
        ...extraRows(g.extra, t),
      ],
    },
  ];
  if (data.staff) {
    sections.push({
      heading: t.rolesHeading,
      rows: data.staff.roles.map((r) => ({ label: '', value: t.staffRole(r) })),
    });
    sections.push({
      heading: t.yourActions,
      rows: [
        ...(data.staff.actions.length
          ? data.staff.actions.map((a) => ({ label: t.logTime(a.at), value: t.staffAction(a) }))
          : [{ label: '', value: t.yourActionsNone }]),
        ...(data.staff.actionsMore ? [{ label: '', value: t.actionsMore }] : []),
      ],
    });
  }
  for (const child of data.children) {
    sections.push({
      heading: pupil ? t.yourSchool : `${t.child}: ${child.name}`,
      rows: [
        { label: t.birthDate, value: or(child.birthDate?.split('-').reverse().join('.')) },
        { label: t.school, value: `${child.school}, ${child.className}` },
        { label: t.enrolledFrom, value: or(child.enrolledFrom.split('-').reverse().join('.')) },
        { label: t.guardians, value: child.guardians.map((x) => x.name).join(', ') },
        ...extraRows(child.extra, t),
      ],
    });
    sections.push({
      heading: pupil ? t.logPupil : `${t.log}: ${child.name}`,
      rows: [
        ...(child.log.length
          ? child.log.map((entry) => ({ label: t.logTime(entry.at), value: t.logLine(entry) }))
          : [{ label: '', value: t.logNone }]),
        ...(child.logMore ? [{ label: '', value: t.exportLimited }] : []),
      ],
    });
  }
  const letter: Letter = {
    sender: ['Skolebro'],
    recipient: [g.name],
    date,
    title: t.title,
    intro: pupil ? t.pupilLead : data.subject === 'staff' ? t.staffLead : t.lead,
    sections,
    lang,
  };
  return renderLetterPdf(letter);
}
