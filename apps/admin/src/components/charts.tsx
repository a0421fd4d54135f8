/**
 * Charts in plain SVG: no chart library. Each chart is a figure with a caption, an accessible
 * name, and its numbers as a visually hidden table for screen readers.
 */

export interface Bar {
  label: string;
  value: number;
  /** A CSS class for the bar's colour (`bar-ok`, `bar-warn`, `bar-bad`, `bar-info`). */
  tone?: string;
}

export function BarChart({ title, bars, unit = '' }: { title: string; bars: Bar[]; unit?: string }) {
  const width = 560;
  const height = 180;
  const padding = { top: 12, bottom: 36, left: 36, right: 8 };
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = (width - padding.left - padding.right) / Math.max(1, bars.length);
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  const plotHeight = height - padding.top - padding.bottom;
  const showEvery = Math.ceil(bars.length / 12);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="chart-svg">
        <line
          x1={padding.left}
          x2={width - padding.right}
          y1={height - padding.bottom}
          y2={height - padding.bottom}
          className="chart-axis"
        />
        <text x={padding.left - 6} y={padding.top + 4} textAnchor="end" className="chart-label">
          {max}
        </text>
        <text x={padding.left - 6} y={height - padding.bottom} textAnchor="end" className="chart-label">
          0
        </text>
        {bars.map((bar, index) => {
          const barHeight = (bar.value / max) * plotHeight;
          const x = padding.left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={bar.label}>
              <rect
                x={x}
                y={height - padding.bottom - barHeight}
                width={barWidth}
                height={barHeight}
                className={`chart-bar ${bar.tone ?? 'bar-info'}`}
              >
                <title>{`${bar.label}: ${bar.value}${unit}`}</title>
              </rect>
              {index % showEvery === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={height - padding.bottom + 16}
                  textAnchor="middle"
                  className="chart-label"
                >
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>
                {bar.value}
                {unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** One horizontal bar split by parts (e.g. tasks by state), with a legend. */
export function StackedBar({ title, parts }: { title: string; parts: Bar[] }) {
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let offset = 0;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox="0 0 400 24"
        role="img"
        aria-label={`${title}: ${parts.map((p) => `${p.label} ${p.value}`).join(', ')}`}
        className="chart-svg stacked"
      >
        <rect x={0} y={0} width={400} height={24} className="chart-track" />
        {total > 0
          ? parts.map((part) => {
              const width = (part.value / total) * 400;
              const x = offset;
              offset += width;
              return (
                <rect
                  key={part.label}
                  x={x}
                  y={0}
                  width={width}
                  height={24}
                  className={`chart-bar ${part.tone ?? 'bar-info'}`}
                />
              );
            })
          : null}
      </svg>
      <ul className="legend">
        {parts.map((part) => (
          <li key={part.label}>
            <span className={`swatch ${part.tone ?? 'bar-info'}`} aria-hidden="true" /> {part.label}:{' '}
            <strong>{part.value}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}
