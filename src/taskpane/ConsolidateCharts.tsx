/**
 * 汇总's pictures, drawn as inline SVG (a chart library would weigh more than the page's whole
 * pane): each unit's state, and the totals against the task list's milestones. The numbers come
 * from rules/consolidation/chart-data; each picture carries them in its label and in text beside it.
 */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Milestones } from "../rules/consolidation/chart-data";
import { UNIT_STATES, type UnitState, type UnitStates } from "../rules/consolidation/counts";
import type { Strings } from "./i18n";

const COLOR: Record<UnitState, string> = {
  onTime: tokens.colorPaletteGreenBackground3,
  late: tokens.colorPaletteMarigoldBackground3,
  undated: tokens.colorPaletteBlueBorderActive,
  missing: tokens.colorPaletteRedBackground3,
  notSummed: tokens.colorNeutralForeground3,
};

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { width: "100%", height: "20px", display: "block" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: "2px",
  },
  strip: { display: "block", maxWidth: "100%", height: "auto" },
  measure: { display: "flex", flexDirection: "column", gap: "2px" },
});

const SQUARE = 14;
const GAP = 3;
const PER_ROW = 20;

/** A stacked bar of the states, a legend with the counts, and a square a unit (its name on hover). */
export function UnitStatusChart({ states, t }: { states: UnitStates; t: Strings }) {
  const styles = useStyles();
  const total = states.units.length;
  if (total === 0) return null;
  const shown = UNIT_STATES.filter((s) => states.counts[s] > 0 || s !== "undated");
  const label = t.unitChartLabel(
    total,
    shown.map((s) => `${t.unitStates[s]} ${states.counts[s]}`)
  );
  let x = 0;
  const rows = Math.ceil(total / PER_ROW);
  const cols = Math.min(total, PER_ROW);
  return (
    <figure className={styles.figure}>
      <Subtitle2 as="h3">{t.unitChart}</Subtitle2>
      <svg
        className={styles.bar}
        viewBox={`0 0 ${total} 1`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        {UNIT_STATES.map((s) => {
          const w = states.counts[s];
          const r = w > 0 && (
            <rect key={s} x={x} y={0} width={w} height={1} style={{ fill: COLOR[s] }} />
          );
          x += w;
          return r;
        })}
      </svg>
      <ul className={styles.legend} aria-label={t.unitChart}>
        {shown.map((s) => (
          <li key={s}>
            <span className={styles.swatch} style={{ background: COLOR[s] }} aria-hidden />
            {t.unitStates[s]} {states.counts[s]}
          </li>
        ))}
      </ul>
      <svg
        className={styles.strip}
        width={cols * (SQUARE + GAP)}
        height={rows * (SQUARE + GAP)}
        viewBox={`0 0 ${cols * (SQUARE + GAP)} ${rows * (SQUARE + GAP)}`}
        aria-hidden
      >
        {states.units.map((u, i) => (
          <rect
            key={i}
            x={(i % PER_ROW) * (SQUARE + GAP)}
            y={Math.floor(i / PER_ROW) * (SQUARE + GAP)}
            width={SQUARE}
            height={SQUARE}
            rx={2}
            style={{ fill: COLOR[u.state] }}
          >
            <title>{`${u.unit}：${t.unitStates[u.state]}`}</title>
          </rect>
        ))}
      </svg>
    </figure>
  );
}

/** A bar a measure: done against the year's target, a line where the month's milestone stands. */
export function MilestoneChart({ data, t }: { data: Milestones; t: Strings }) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <Subtitle2 as="h3">{t.milestoneChart(data.month)}</Subtitle2>
      {data.measures.map((m) => {
        const behind = m.milestone !== undefined && m.done < m.needed;
        const text =
          t.measureLine(t.measures[m.measure], m.done, m.annual, m.unit) +
          (m.milestone
            ? t.milestoneDue(m.milestone.month, m.milestone.percent, m.needed, m.unit, behind)
            : "");
        const scale = Math.max(m.annual, m.done, 1);
        return (
          <div key={m.measure} className={styles.measure}>
            <svg
              className={styles.bar}
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              role="img"
              aria-label={text}
            >
              <rect
                x={0}
                y={1}
                width={100}
                height={8}
                style={{ fill: tokens.colorNeutralBackground5 }}
              />
              <rect
                x={0}
                y={1}
                width={(100 * m.done) / scale}
                height={8}
                style={{ fill: behind ? COLOR.late : COLOR.onTime }}
              />
              {m.milestone && (
                <rect
                  x={Math.min(99.4, (100 * m.needed) / scale)}
                  y={0}
                  width={0.6}
                  height={10}
                  style={{ fill: tokens.colorNeutralForeground1 }}
                />
              )}
            </svg>
            <Caption1>{text}</Caption1>
          </div>
        );
      })}
    </figure>
  );
}
