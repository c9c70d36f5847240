/** A link that swaps the child page's section with htmx and pushes its URL (a full page of its own without JS). */
export function SectionLink({ href, class: className, text }: { href: string; class: string; text: string }) {
  return (
    <a href={href} hx-get={href} hx-target="#child-section" hx-push-url="true" class={className} safe>
      {text}
    </a>
  );
}
