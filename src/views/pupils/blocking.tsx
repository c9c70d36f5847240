import type { BlockingTarget } from '../../domain/pupils/guardian-access.ts';
import { fill } from '../../i18n/index.ts';
import { pupilPaths } from '../../paths/pupils.ts';
import { link, primaryButton } from '../components/classes.ts';
import { ErrorSummary, Field } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';

const FIELD = 'blocking-reason';

/**
 * S11: the confirmation step for blocking a guardian's access (or lifting a block): what happens, the reason (kept in
 * the log) and a button that says what it does. Its own URL, the one the form posts to, so a 422 leaves the browser
 * on a page that shows the same form again.
 */
export function BlockingPage({
  page,
  target,
  reason = '',
  error,
}: {
  page: PageContext;
  target: BlockingTarget;
  reason?: string;
  error?: string;
}) {
  const t = page.t.pupil;
  const names = { guardian: target.guardianName, pupil: target.pupilName };
  const blocking = !target.blocked;
  return (
    <div class="max-w-xl space-y-4">
      <p>
        <a href={pupilPaths.pupil(target.pupilId)} class={link} safe>
          {target.pupilName}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(blocking ? t.blockTitle : t.unblockTitle, names)}
      </h1>
      <ErrorSummary heading={page.t.errors.summaryHeading} errors={error ? [{ field: FIELD, message: error }] : []} />
      <p id="blocking-lead" safe>
        {fill(blocking ? t.blockLead : t.unblockLead, names)}
      </p>
      <form
        method="post"
        action={pupilPaths.guardianBlocking(target.pupilId, target.guardianId)}
        class="space-y-4"
        novalidate
      >
        <input type="hidden" name="blocked" value={blocking ? 'true' : 'false'} />
        <Field id={FIELD} name="reason" label={t.blockReason} value={reason} error={error} maxlength={500} />
        <div class="flex flex-wrap items-center gap-4">
          <button type="submit" class={primaryButton} safe>
            {blocking ? t.blockConfirm : t.unblockConfirm}
          </button>
          <a href={pupilPaths.pupil(target.pupilId)} class={link} safe>
            {t.cancel}
          </a>
        </div>
      </form>
    </div>
  );
}
