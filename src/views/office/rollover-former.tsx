import type { ManagedSchool } from '../../domain/access/scope.ts';
import type { FormerPupil } from '../../domain/office/rollover.ts';
import type { Paged } from '../../domain/paging.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { officeRolloverText } from '../../i18n/office-rollover.ts';
import { officePaths } from '../../paths/office.ts';
import { officeRolloverPaths } from '../../paths/office-rollover.ts';
import { link } from '../components/classes.ts';
import { Pager } from '../components/pager.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

/** The school's former pupils (the archive, D8): read-only, newest leavers first, a page at a time. */
export function FormerPupilsPage({
  page,
  school,
  pupils,
}: {
  page: PageContext;
  school: ManagedSchool;
  pupils: Paged<FormerPupil>;
}) {
  const t = officeRolloverText[page.locale];
  const reason = (r: string | null) => (r && r in t.reasons ? t.reasons[r as keyof typeof t.reasons] : '');
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officePaths.classList(school.id)} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.formerTitle, { school: school.name })}
      </h1>
      <p safe>{t.formerLead}</p>
      {pupils.items.length === 0 ? (
        <p safe>{t.noFormer}</p>
      ) : (
        <TableRegion framed label={t.formerLink}>
          <table class="w-full text-left">
            <thead>
              <tr>
                <th class="p-2" safe>
                  {t.colName}
                </th>
                <th class="p-2" safe>
                  {t.colClass}
                </th>
                <th class="p-2" safe>
                  {t.colLast}
                </th>
                <th class="p-2" safe>
                  {t.colReason}
                </th>
              </tr>
            </thead>
            <tbody>
              {pupils.items.map((p) => (
                <tr class="border-t border-slate-200">
                  <td class="p-2" safe>{`${p.givenName} ${p.familyName}`}</td>
                  <td class="p-2" safe>
                    {p.className}
                  </td>
                  <td class="p-2" safe>
                    {formatDate(p.endsOn)}
                  </td>
                  <td class="p-2" safe>
                    {reason(p.endReason)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        label={t.pages}
        page={pupils.page}
        hasNext={pupils.hasNext}
        href={(n) => officeRolloverPaths.formerPupils(school.id, n)}
        previousText={t.previous}
        nextText={t.next}
      />
    </div>
  );
}
