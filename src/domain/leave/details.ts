import type { LeaveReason } from '../../db/schema.ts';

/** A leave application's own details: what was applied for and, once decided, what was granted. */
export interface LeaveDetails {
  reason: LeaveReason;
  justification: string;
  from: string;
  to: string;
  schoolDays: number;
  grantedFrom: string | null;
  grantedTo: string | null;
  grantedDays: number | null;
}
