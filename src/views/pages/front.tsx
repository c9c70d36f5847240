import { card } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

export function FrontPage({ page }: { page: PageContext }) {
  const t = page.t.front;
  return (
    <div class="space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p class="max-w-prose text-lg" safe>
        {t.lead}
      </p>
      <div class="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="for-guardians" class={card}>
          <h2 id="for-guardians" class="text-xl font-semibold" safe>
            {t.forGuardians}
          </h2>
          <p class="mt-2" safe>
            {t.forGuardiansText}
          </p>
        </section>
        <section aria-labelledby="for-staff" class={card}>
          <h2 id="for-staff" class="text-xl font-semibold" safe>
            {t.forStaff}
          </h2>
          <p class="mt-2" safe>
            {t.forStaffText}
          </p>
        </section>
      </div>
    </div>
  );
}
