/** A source file shown read-only; focusable so that a keyboard can scroll it. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="code-figure">
      <figcaption className="muted">{label}</figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling code block must be reachable by keyboard */}
      <pre className="code" tabIndex={0}>
        {code}
      </pre>
    </figure>
  );
}
