import { fill } from '../../i18n/index.ts';
import { link, listCard } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { pupilPaths } from '../../paths/pupils.ts';

interface PupilRow {
  id: number;
  given_name: string;
  family_name: string;
}

/** A link to a related page of the unit, e.g. the class's consent overview. */
export interface UnitAction {
  href: string;
  label: string;
}

/** A class or group: its pupils (only those the actor may see), each linking to the pupil card. */
export function UnitPage({
  page,
  title,
  subtitle,
  pupils,
  actions = [],
}: {
  page: PageContext;
  title: string;
  subtitle: string;
  pupils: PupilRow[];
  actions?: UnitAction[];
}) {
  const t = page.t.unit;
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {title}
      </h1>
      <p class="text-slate-700" safe>
        {subtitle}
      </p>
      {actions.length ? (
        <p class="flex flex-wrap gap-4">
          {actions.map((a) => (
            <a href={a.href} class={link} safe>
              {a.label}
            </a>
          ))}
        </p>
      ) : (
        ''
      )}
      <h2 class="text-xl font-semibold" safe>{`${t.pupils} (${pupils.length})`}</h2>
      {pupils.length === 0 ? (
        <p safe>{t.empty}</p>
      ) : (
        <ul class={listCard} role="list">
          {pupils.map((p) => (
            <li class="px-4 py-2">
              <a href={pupilPaths.pupil(p.id)} class={link} safe>{`${p.family_name}, ${p.given_name}`}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const classTitle = (page: PageContext, name: string) => fill(page.t.unit.classTitle, { name });
export const groupTitle = (page: PageContext, name: string) => fill(page.t.unit.groupTitle, { name });
