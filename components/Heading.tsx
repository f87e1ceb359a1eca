import type { ComponentChildren } from 'preact';

export type Level = 1 | 2 | 3 | 4 | 5 | 6;

/** A heading whose level the caller picks: the same view sits at different depths in the popup and the glossary page. */
export function Heading({
  level,
  children,
  ...rest
}: {
  level: Level;
  id?: string;
  class?: string;
  tabIndex?: number;
  children: ComponentChildren;
}) {
  const Tag = `h${level}` as 'h2';
  return <Tag {...rest}>{children}</Tag>;
}

/** The next level down, capped at h6. */
export const below = (level: Level): Level => Math.min(6, level + 1) as Level;
