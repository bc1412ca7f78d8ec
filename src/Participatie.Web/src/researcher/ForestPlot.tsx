import { useId } from "react";
import { nl } from "../i18n/nl";
import { forestLayout, type ForestInput } from "./forest";
import { formatTick } from "./figures";
import "./researcher.css";

const t = nl.researcher.results;

/**
 * Each arm's difference from control with its 95% interval, drawn as SVG. The picture is one image for assistive
 * technology, named and described by its title and a description that lists every arm; the table after it gives the
 * same figures to read.
 */
export function ForestPlot({
  title,
  description,
  rows,
  labels,
  axisTitle,
  synthetic,
}: {
  title: string;
  description: string;
  rows: ForestInput[];
  /** What a screen reader hears per row (already formatted). */
  labels: string[];
  axisTitle: string;
  synthetic: boolean;
}) {
  const id = useId();
  const layout = forestLayout(rows);
  return (
    <svg
      className="participatie-forest"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{[description, ...labels, synthetic ? nl.researcher.results.syntheticText : ""].join(" ")}</desc>
      <g className="participatie-forest__grid">
        {layout.ticks.map((tick) => (
          <line key={tick.value} x1={tick.x} x2={tick.x} y1={4} y2={layout.axisY} />
        ))}
      </g>
      <line className="participatie-forest__zero" x1={layout.zeroX} x2={layout.zeroX} y1={4} y2={layout.axisY} />
      {layout.rows.map((row) => (
        <g key={row.label} className={`participatie-forest__row participatie-forest__row--${row.kind}`}>
          <text x={layout.plotLeft - 12} y={row.y} textAnchor="end" dominantBaseline="middle">
            {row.label}
          </text>
          {row.kind === "point" ? (
            <>
              <line className="participatie-forest__interval" x1={row.xLow} x2={row.xHigh} y1={row.y} y2={row.y} />
              <line className="participatie-forest__interval" x1={row.xLow} x2={row.xLow} y1={row.y - 7} y2={row.y + 7} />
              <line className="participatie-forest__interval" x1={row.xHigh} x2={row.xHigh} y1={row.y - 7} y2={row.y + 7} />
              <rect className="participatie-forest__estimate" x={row.x - 6} y={row.y - 6} width={12} height={12} />
            </>
          ) : (
            <text className="participatie-forest__note" x={layout.plotLeft + 8} y={row.y} dominantBaseline="middle">
              {row.kind === "suppressed" ? `${t.suppressed} (${t.suppressedWhy})` : t.notAvailable}
            </text>
          )}
        </g>
      ))}
      <line className="participatie-forest__axis" x1={layout.plotLeft} x2={layout.plotRight} y1={layout.axisY} y2={layout.axisY} />
      {layout.ticks.map((tick) => (
        <g key={tick.value}>
          <line className="participatie-forest__axis" x1={tick.x} x2={tick.x} y1={layout.axisY} y2={layout.axisY + 6} />
          <text x={tick.x} y={layout.axisY + 20} textAnchor="middle">
            {formatTick(tick.value)}
          </text>
        </g>
      ))}
      <text x={(layout.plotLeft + layout.plotRight) / 2} y={layout.axisY + 44} textAnchor="middle" className="participatie-forest__axis-title">
        {axisTitle}
      </text>
      {synthetic ? (
        <text x={layout.width - 8} y={14} textAnchor="end" className="participatie-forest__synthetic">
          {nl.researcher.results.syntheticMark.toUpperCase()}
        </text>
      ) : null}
    </svg>
  );
}
