import type { BroadcastAudience } from '../../domain/broadcasts/audience.ts';
import { AUDIENCE_KINDS, audienceKey } from '../../domain/broadcasts/audience.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import type { PageContext } from '../page-context.ts';
import { audienceLabel } from '../broadcasts/parts.tsx';

/**
 * The audience chooser of notices and forms: one option per class, trinn, group, school or SFO the actor may
 * reach, grouped by kind; the school is named when the actor reaches several (and always for a trinn).
 */
export function AudienceSelect({
  page,
  id,
  label,
  audiences,
  value,
  error,
  describedBy,
}: {
  page: PageContext;
  id: string;
  label: string;
  audiences: BroadcastAudience[];
  value: string;
  error?: string;
  describedBy?: string;
}) {
  const t = broadcastsText[page.locale];
  const severalSchools = new Set(audiences.map((a) => a.schoolId)).size > 1;
  const errorId = `${id}-error`;
  return (
    <div class="space-y-1">
      <label for={id} class="block font-semibold" safe>
        {label}
      </label>
      {error ? (
        <p id={errorId} class="font-semibold text-red-900" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <select
        id={id}
        name="audience"
        class={`w-full rounded border p-2 ${error ? 'border-2 border-red-800' : 'border-slate-500'}`}
        aria-describedby={[describedBy ?? '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? 'true' : undefined}
      >
        <option value="">–</option>
        {AUDIENCE_KINDS.map((kind) => {
          const list = audiences.filter((a) => a.kind === kind);
          return list.length ? (
            <optgroup label={t.kind[kind]}>
              {list.map((a) => (
                <option value={audienceKey(a)} selected={value === audienceKey(a)} safe>
                  {audienceLabel(page.locale, a, severalSchools || kind === 'trinn')}
                </option>
              ))}
            </optgroup>
          ) : (
            ''
          );
        })}
      </select>
    </div>
  );
}
