/** One series of bars (a colour of the legend). */
export interface Series {
  name: string;
  color: string;
}

const WIDTH = 420;
const LABEL = 120;
const BAR = 14;
const GAP = 10;
const LEGEND = 24;

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ','));

/**
 * A horizontal bar chart drawn on the server as plain SVG (no JavaScript): a row per group, a bar per series, the
 * value at the end of each bar. `role="img"` with the chart's name; the table after it says the same in words.
 */
export function BarChart({
  label,
  series,
  groups,
  unit = '',
}: {
  label: string;
  series: Series[];
  groups: { label: string; values: (number | null)[] }[];
  unit?: string;
}) {
  if (groups.length === 0) return '';
  const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const span = WIDTH - LABEL - 44;
  const groupHeight = series.length * BAR + GAP;
  const height = LEGEND + groups.length * groupHeight;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${height}`}
      class="w-full max-w-md"
      font-family="system-ui, sans-serif"
      font-size="12"
    >
      {series.map((s, i) => (
        <g>
          <rect x={String(i * 190)} y="4" width="12" height="12" fill={s.color} />
          <text x={String(i * 190 + 16)} y="14" fill="#0f172a" safe>
            {s.name}
          </text>
        </g>
      ))}
      {groups.map((g, gi) => {
        const top = LEGEND + gi * groupHeight;
        return (
          <g>
            <text
              x={String(LABEL - 6)}
              y={String(top + (series.length * BAR) / 2 + 4)}
              text-anchor="end"
              fill="#0f172a"
              safe
            >
              {g.label}
            </text>
            {g.values.map((v, si) => {
              const w = v ? Math.max(1, Math.round((v / max) * span)) : 0;
              const y = top + si * BAR;
              return (
                <g>
                  <rect
                    x={String(LABEL)}
                    y={String(y + 1)}
                    width={String(w)}
                    height={String(BAR - 2)}
                    fill={series[si]!.color}
                  />
                  <text x={String(LABEL + w + 4)} y={String(y + BAR - 3)} fill="#0f172a" safe>
                    {v === null ? '–' : `${fmt(v)}${unit}`}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

export const DAYS_COLOR = '#075985';
export const HOURS_COLOR = '#b45309';
