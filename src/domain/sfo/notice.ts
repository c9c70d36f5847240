/**
 * The notice period for terminating an SFO place (issue 12): the SFO's `notice_months` (default 1) counted in whole
 * months after the month notice is given, so the first day without a place is the first of the month after them.
 * One month's notice given on 05.12 → the place runs through January and ends: the first day without it is 01.02.
 * Zero months: the place may end from today.
 *
 * @param today the day notice is given (YYYY-MM-DD)
 * @returns the earliest first day without a place (YYYY-MM-DD)
 */
export function earliestTerminationDate(today: string, noticeMonths = 1): string {
  if (noticeMonths <= 0) return today;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)); // 1–12
  const index = year * 12 + (month - 1) + 1 + noticeMonths; // the month after today's, plus the full months
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}
