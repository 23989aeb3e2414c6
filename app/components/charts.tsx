import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** A target line drawn across the bar, when there is one. */
  target?: number;
}

/** Splits a label into lines of at most `width` characters, at spaces where it can. */
export function wrapLabel(label: string, width = 34): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A horizontal bar chart rendered on the server as SVG: each label on its own line(s) above its
 * bar, so labels never overlap whatever their length or language. It is an image with a title
 * and a description for screen readers, and the same numbers follow as a table.
 */
export function BarChart({
  title,
  description,
  bars,
  valueLabel,
  targetLabel,
}: {
  title: string;
  description: string;
  bars: Bar[];
  valueLabel: string;
  targetLabel?: string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => Math.max(bar.value, bar.target ?? 0)));
  const width = 320;
  const barSpace = 260; // room for the value after the longest bar
  const lineHeight = 14;
  const barHeight = 16;
  const gap = 10;
  const x = (value: number) => (value / max) * barSpace;
  const rows: { bar: Bar; lines: string[]; labelY: number; barY: number }[] = [];
  let top = 4;
  for (const bar of bars) {
    const lines = wrapLabel(bar.label);
    const row = { bar, lines, labelY: top + lineHeight - 3, barY: top + lines.length * lineHeight + 2 };
    rows.push(row);
    top = row.barY + barHeight + gap;
  }
  const height = top;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width * 1.5}px` }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map(({ bar, lines, labelY, barY }, index) => (
          <g key={index}>
            <text x="0" y={labelY} fontSize="12" fill="#1b1b1f">
              {lines.map((line, i) => (
                <tspan key={i} x="0" dy={i === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect x="0" y={barY} width={Math.max(bar.value > 0 ? 2 : 0, x(bar.value))} height={barHeight} fill="#9b1c1c" />
            <text x={x(bar.value) + 4} y={barY + barHeight - 4} fontSize="12" fill="#1b1b1f">
              {bar.value}
            </text>
            {bar.target !== undefined ? (
              <line
                x1={x(bar.target)}
                x2={x(bar.target)}
                y1={barY - 3}
                y2={barY + barHeight + 3}
                stroke="#1b1b1f"
                strokeWidth="2"
                strokeDasharray="3 2"
              />
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption>
        <details>
          <summary>{title}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col"> </th>
                <th scope="col">{valueLabel}</th>
                {targetLabel ? <th scope="col">{targetLabel}</th> : null}
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">{bar.label}</th>
                  <td>{bar.value}</td>
                  {targetLabel ? <td>{bar.target ?? '–'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

/** A funnel as labelled horizontal bars (plain HTML, so it reads as a list). */
export function Funnel({ title, steps }: { title: string; steps: { label: string; value: number }[] }) {
  const max = Math.max(1, ...steps.map((step) => step.value));
  return (
    <div className="funnel">
      <h3>{title}</h3>
      <ol>
        {steps.map((step) => (
          <li key={step.label}>
            <span className="funnel__label">{step.label}</span>
            <span className="funnel__bar" style={{ width: `${(step.value / max) * 100}%` }} aria-hidden="true" />
            <span className="funnel__value">{step.value}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
