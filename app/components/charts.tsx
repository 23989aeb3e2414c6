import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** A target line drawn across the bar, when there is one. */
  target?: number;
}

/** An axis label longer than a bar is wide ("2. halvår 2026") goes on two lines, split at its last space. */
function axisLines(label: string): string[] {
  const space = label.lastIndexOf(' ');
  return label.length > 9 && space > 0 ? [label.slice(0, space), label.slice(space + 1)] : [label];
}

/**
 * A bar chart rendered on the server as SVG. It is an image with a title and a description for
 * screen readers, and the same numbers follow as a table for anyone who wants them exactly.
 */
export function BarChart({ title, description, bars, valueLabel, targetLabel }: {
  title: string;
  description: string;
  bars: Bar[];
  valueLabel: string;
  targetLabel?: string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => Math.max(bar.value, bar.target ?? 0)));
  const barWidth = 48;
  const gap = 20;
  const height = 160;
  const width = bars.length * (barWidth + gap) + gap;
  const y = (value: number) => height - (value / max) * (height - 20);
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height + 40}`}
        width="100%"
        style={{ maxWidth: `${width * 1.5}px` }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1="0" y1={height} x2={width} y2={height} stroke="#4a4a55" />
        {bars.map((bar, i) => {
          const x = gap + i * (barWidth + gap);
          return (
            <g key={bar.label}>
              <rect x={x} y={y(bar.value)} width={barWidth} height={height - y(bar.value)} fill="#9b1c1c" />
              <text x={x + barWidth / 2} y={y(bar.value) - 4} textAnchor="middle" fontSize="12" fill="#1b1b1f">
                {bar.value}
              </text>
              {bar.target !== undefined ? (
                <line x1={x - 4} x2={x + barWidth + 4} y1={y(bar.target)} y2={y(bar.target)} stroke="#1b1b1f" strokeWidth="2" strokeDasharray="4 2" />
              ) : null}
              <text x={x + barWidth / 2} y={height + 16} textAnchor="middle" fontSize="11" fill="#1b1b1f">
                {axisLines(bar.label).map((line, n) => (
                  <tspan key={n} x={x + barWidth / 2} dy={n === 0 ? 0 : 13}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
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
