import type { FregReportLine } from '../../domain/freg/report.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import type { FregMessages } from '../../i18n/freg.ts';

/** A change's details in words; a protected address is never among them. */
export function detailsText(t: FregMessages, line: FregReportLine): string {
  const d = line.details;
  const date = typeof d.date === 'string' && d.date ? fill(t.date, { date: formatDate(d.date) }) : '';
  switch (line.kind) {
    case 'address_changed':
      if (d.none) return t.noAddress;
      return d.protected || typeof d.line !== 'string'
        ? t.protectedAddress
        : [d.line, [d.postalCode, d.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    case 'name_changed':
      return `${String(d.from ?? '')} → ${String(d.to ?? '')}`;
    case 'new_protection':
      return t.protection[String(d.level)] ?? '';
    case 'new_guardian':
      return [String(d.relation ?? ''), d.responsibility === false ? t.withoutResponsibility : '']
        .filter(Boolean)
        .join(', ');
    case 'gone_guardian':
    case 'responsibility_lost':
    case 'responsibility_gained':
      return String(d.relation ?? '');
    case 'moved_out':
      return [typeof d.country === 'string' ? fill(t.abroad, { country: d.country }) : '', date]
        .filter(Boolean)
        .join(', ');
    case 'death':
      return date;
    default:
      return '';
  }
}
