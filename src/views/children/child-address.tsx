import { childAddressText } from '../../i18n/child-address.ts';
import { card } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

/** The child's registered address, when the guardian may see it (src/domain/guardian/child-address.ts). */
export function ChildAddress({ page, address }: { page: PageContext; address: string[] | null }) {
  if (!address) return '';
  return (
    <section aria-labelledby="child-address" class={card}>
      <h2 id="child-address" class="text-lg font-semibold" safe>
        {childAddressText[page.locale].heading}
      </h2>
      <p>
        {address.map((line, i) => (
          <>
            {i > 0 ? <br /> : ''}
            <span safe>{line}</span>
          </>
        ))}
      </p>
    </section>
  );
}
