import type { ComponentProps } from 'react';

/**
 * Every `<span>` of a lecture's markdown, KaTeX's output included, goes through here. A display
 * formula may be wider than the column and scroll sideways, so it is made focusable for
 * keyboard users (WCAG: scrollable regions must be keyboard accessible).
 */
export function Span(props: ComponentProps<'span'>) {
  if (props.className === 'katex-display') {
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    return <span {...props} tabIndex={0} />;
  }
  return <span {...props} />;
}
