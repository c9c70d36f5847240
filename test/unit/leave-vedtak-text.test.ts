import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApplicationCase } from '../../src/domain/applications/definition.ts';
import type { LeaveDetails } from '../../src/domain/leave/details.ts';
import { leaveVedtakParts } from '../../src/domain/leave/vedtak.ts';

const app = (from: string, to: string): ApplicationCase<LeaveDetails> => ({
  id: 1,
  kind: 'leave',
  status: 'submitted',
  pupilId: 1,
  pupilName: 'Sofie Nordmann',
  className: '5A',
  schoolId: 1,
  schoolName: 'Bjørkelia skole',
  schoolAddress: [],
  hovudmaal: 'nb',
  municipalityId: 1,
  municipalityName: 'Demo kommune',
  sfoId: null,
  applicantName: 'Kari Nordmann',
  submittedAt: new Date('2027-01-10T10:00:00Z'),
  details: {
    reason: 'reise',
    justification: 'Reise',
    from,
    to,
    schoolDays: 3,
    grantedFrom: null,
    grantedTo: null,
    grantedDays: null,
  },
  decision: null,
});
const decision = (grantedFrom: string, grantedTo: string) => ({
  outcome: 'partly_granted' as const,
  reasons: null,
  grant: { grantedFrom, grantedTo, grantedDays: 1 },
  deciderName: 'Torunn Holmvik',
  deciderTitle: 'Rektor',
  decidedAt: new Date('2027-01-12T10:00:00Z'),
});

test('a one-day period in a vedtak reads as one date, not "25.01.2027–25.01.2027"', () => {
  const oneDay = leaveVedtakParts(app('2027-01-25', '2027-01-25'), decision('2027-01-25', '2027-01-25'));
  assert.equal(oneDay.applied.find((r) => r.label === 'Periode')?.value, '25.01.2027');
  assert.equal(oneDay.outcome, 'Delvis innvilget: 25.01.2027 (1 skoledag)');
  const longer = leaveVedtakParts(app('2027-01-25', '2027-01-27'), decision('2027-01-25', '2027-01-25'));
  assert.equal(longer.applied.find((r) => r.label === 'Periode')?.value, '25.01.2027–27.01.2027');
});
