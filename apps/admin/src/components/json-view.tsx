/** Pretty JSON in a scrollable region that keyboard users can reach and scroll. */
import { formatJson } from '../lib/format.js';

export function JsonView({ value, label }: { value: unknown; label: string }) {
  return (
    <section aria-label={label} className="json-region">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <pre className="json" tabIndex={0}>
        {formatJson(value)}
      </pre>
    </section>
  );
}
