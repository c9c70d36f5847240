import type { Db } from '../../db/database.ts';
import { consentsText } from '../../i18n/consents.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { actorName, type Actor } from '../access/actor.ts';
import type { Letter } from '../documents/api.ts';
import { renderLetterPdf } from '../documents/pdf.ts';
import { safeFilename, storeDocument } from '../documents/store.ts';
import { loadChildConsents } from './child.ts';
import type { ConsentChild } from './types.ts';

const TIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
const dateTime = (d: Date) => `${formatDate(d)} ${TIME.format(d)}`;

/**
 * G14: a receipt of this guardian's own consent answers for one child, as a PDF letter in the school's (or the
 * kindergarten's) hovudmål, stored as a document for this guardian only. Returns the document id.
 */
export async function createConsentReceipt(
  db: Db,
  actor: Actor,
  child: ConsentChild,
  now = new Date(),
): Promise<number> {
  const lang = child.hovudmaal;
  const text = consentsText[lang];
  const t = text.receipt;
  const consents = await loadChildConsents(db, actor, child);
  const childName = `${child.givenName} ${child.familyName}`;
  const kindergarten = child.kindergartenId !== undefined;
  const letter: Letter = {
    lang,
    sender: [child.schoolName],
    recipient: [actorName(actor)],
    date: formatDate(now),
    title: t.title,
    intro: fill(t.intro, { name: childName, date: dateTime(now) }),
    sections: [
      {
        heading: kindergarten ? t.childHeading : t.pupilHeading,
        rows: [
          { label: kindergarten ? t.child : t.pupil, value: childName },
          { label: kindergarten ? t.kindergarten : t.school, value: child.schoolName },
          { label: kindergarten ? t.department : t.class, value: child.className },
          { label: t.guardian, value: actorName(actor) },
        ],
      },
      {
        heading: t.consentsHeading,
        rows: consents.items.map((item) => ({
          label: `${item.parent ? '– ' : ''}${item.type.name[lang]}`,
          value: item.mine.answeredAt
            ? fill(t.answeredAt, { state: text.state[item.mine.state], date: dateTime(item.mine.answeredAt) })
            : text.state[item.mine.state],
        })),
      },
    ],
    footer: t.footer,
  };
  const content = await renderLetterPdf(letter, { now });
  const { id } = await storeDocument(db, {
    pupilId: child.pupilId,
    guardianId: actor.personId,
    kind: 'consent_receipt',
    title: `${t.title} – ${childName}`,
    filename: safeFilename(fill(t.filename, { name: child.givenName.toLowerCase(), date: formatDate(now) })),
    contentType: 'application/pdf',
    content,
    createdBy: actor.personId,
    createdAt: now,
  });
  return id;
}
