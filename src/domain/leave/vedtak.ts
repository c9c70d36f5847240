import { fill, formatDate, formatDateRange } from '../../i18n/index.ts';
import { leaveDecisionText, vedtakText } from '../../i18n/leave-decision.ts';
import type { ApplicationCase, VedtakDecision, VedtakParts } from '../applications/definition.ts';
import type { LeaveGrant } from './decision.ts';
import type { LeaveDetails } from './details.ts';

const range = formatDateRange;

/**
 * Leave's parts of the vedtak, in the school's hovudmål: what was applied for, the outcome with the granted period,
 * the legal basis (opplæringslova § 2-2 fourth paragraph and the municipality's local forskrift; the fifth
 * paragraph for religious holidays), the parents' duty during the leave, and the appeal body (Statsforvalteren).
 */
export function leaveVedtakParts(
  app: ApplicationCase<LeaveDetails>,
  decision: VedtakDecision<LeaveGrant>,
): VedtakParts {
  const lang = app.hovudmaal;
  const t = vedtakText[lang];
  const leave = app.details;
  const days = (n: number) => fill(n === 1 ? t.schoolDay : t.schoolDays_, { count: n });
  const { grantedFrom, grantedTo, grantedDays } = decision.grant;
  const granted =
    decision.outcome !== 'refused' && grantedFrom && grantedTo
      ? {
          from: formatDate(grantedFrom),
          to: formatDate(grantedTo),
          period: range(grantedFrom, grantedTo),
          days: days(grantedDays ?? 0),
        }
      : {
          from: formatDate(leave.from),
          to: formatDate(leave.to),
          period: range(leave.from, leave.to),
          days: days(leave.schoolDays),
        };
  const given = app.pupilName.split(' ')[0]!.toLowerCase();
  return {
    title: t.title,
    documentTitle: fill(t.documentTitle, { name: app.pupilName }),
    filename: fill(t.filename, { name: given, date: formatDate(decision.decidedAt) }),
    intro: fill(t.intro, {
      name: app.pupilName,
      received: formatDate(app.submittedAt ?? decision.decidedAt),
      applicant: app.applicantName,
    }),
    applied: [
      { label: t.period, value: range(leave.from, leave.to) },
      { label: t.schoolDays, value: String(leave.schoolDays) },
      { label: t.reason, value: leaveDecisionText[lang].reasonsByCode[leave.reason] },
      { label: t.justification, value: leave.justification },
    ],
    outcome: fill(t.outcome[decision.outcome], granted),
    statement: fill(t.statement[decision.outcome], { name: app.pupilName, ...granted }),
    legal: [
      fill(t.legal, { municipality: app.municipalityName }),
      ...(leave.reason === 'religion' ? [t.legalReligion] : []),
    ],
    sections: decision.outcome === 'refused' ? [] : [{ heading: t.dutyHeading, rows: [{ label: '', value: t.duty }] }],
    appealBody: t.appealBody,
  };
}
