import { isSfoPlaceKind } from '../../domain/sfo/place-form.ts';
import { fill } from '../../i18n/index.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { sfoPlacesText } from '../../i18n/sfo-places.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { documentPaths } from '../../paths/documents.ts';
import { sfoPlacePaths } from '../../paths/sfo-places.ts';
import { sfoSupportPaths } from '../../paths/sfo-support.ts';
import type { PageContext } from '../page-context.ts';

/** What an SFO place event's notification needs (views/notifications.tsx passes its row). */
interface SfoNotification {
  event_type: string;
  payload: unknown;
  pupil_id: number | null;
  pupil_given_name: string | null;
  pupil_family_name: string | null;
}

type Payload = {
  applicationId?: number;
  applicantName?: string;
  guardianName?: string;
  outcome?: 'granted' | 'partly_granted' | 'refused';
  documentId?: number;
};

/**
 * The words and link for '<sfo kind or sfo_reduced_payment>.confirmation_requested|declined|submitted|decided' (G8, S8), or null for any
 * other event (views/notifications.tsx falls back to its default).
 */
export function describeSfoPlaceNotification(
  page: PageContext,
  n: SfoNotification,
): { text: string; href?: string } | null {
  const [kind, event] = n.event_type.split('.');
  const reduced = kind === 'sfo_reduced_payment';
  if (!isSfoPlaceKind(kind) && !reduced) return null;
  const guardianPage = (pupilId: number) =>
    reduced ? sfoSupportPaths.reducedPayment(pupilId) : sfoPlacePaths.child(pupilId);
  const t = sfoPlacesText[page.locale];
  const p = (typeof n.payload === 'string' ? JSON.parse(n.payload) : (n.payload ?? {})) as Payload;
  const pupil = n.pupil_given_name ?? '';
  const pupilId = n.pupil_id ?? 0;
  const kindName = applicationsText[page.locale].kinds[kind].toLowerCase();
  switch (event) {
    case 'confirmation_requested':
      return {
        text: fill(t.notifications.confirmation_requested, { applicant: p.applicantName ?? '', pupil, kind: kindName }),
        href: guardianPage(pupilId),
      };
    case 'declined':
      return {
        text: fill(t.notifications.declined, { guardian: p.guardianName ?? '', pupil, kind: kindName }),
        href: guardianPage(pupilId),
      };
    case 'submitted':
      return {
        text: fill(t.notifications.submitted, {
          pupil: `${pupil} ${n.pupil_family_name ?? ''}`.trim(),
          kind: kindName,
        }),
        ...(p.applicationId ? { href: applicationPaths.application(p.applicationId) } : {}),
      };
    case 'decided':
      return {
        text: fill(t.notifications.decided, { pupil, outcome: p.outcome ? t.outcomes[p.outcome] : '' }),
        ...(p.documentId ? { href: documentPaths.download(p.documentId) } : {}),
      };
    default:
      return null;
  }
}
