import type { Children } from '@kitajs/html';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5;

/** A heading whose level depends on where the view is placed (a page of its own, or a section of the child page). */
export function Heading({
  level,
  id,
  class: className,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  class?: string;
  children: Children;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} class={className}>
      {children}
    </Tag>
  );
}
