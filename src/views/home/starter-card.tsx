import type { StarterSummary } from '../../domain/guardian/starters.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { startersText } from '../../i18n/starters.ts';
import { sfoPlacePaths } from '../../paths/sfo-places.ts';
import { card, link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

/** A skolestarter's card on the guardian's home page (issue 12): the first school day and the way to the SFO. */
export function StarterCard({ page, starter }: { page: PageContext; starter: StarterSummary }) {
  const t = startersText[page.locale];
  return (
    <li class={`${card} space-y-2`}>
      <h3 class="text-lg font-semibold">
        <a
          href={sfoPlacePaths.child(starter.pupilId)}
          class={link}
          safe
        >{`${starter.givenName} ${starter.familyName}`}</a>
      </h3>
      <p safe>{`${starter.schoolName}, ${starter.className}`}</p>
      <p class="font-semibold" safe>
        {fill(t.startsOn, { date: formatDate(starter.startsOn) })}
      </p>
      <p>
        <a href={sfoPlacePaths.child(starter.pupilId)} class={link} safe>
          {fill(t.sfoLink, { name: starter.givenName })}
        </a>
      </p>
    </li>
  );
}
