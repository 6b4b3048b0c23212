/* Recognition speed: a filled 100-row × 60-column sheet (goal: under 5 ms). */
const { recognize } = require("../lib/rules/recognize");
const { blankTemplate } = require("../lib/rules/layout/blank-template");
const { getTemplate } = require("../lib/rules/templates/catalog");

function sheet() {
  const layout = blankTemplate(getTemplate("nanan-2026-quarterly-3"));
  const values = layout.grid.values.map((r) => [...r]);
  for (let r = 0; r < 100; r++) {
    values[r] = values[r] || [];
    for (let c = 0; c < 60; c++)
      if (values[r][c] === null || values[r][c] === undefined)
        values[r][c] = r > layout.body.top ? (r * 7 + c) % 50 : null;
  }
  return { name: "九小场所", values, merges: layout.grid.merges };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

module.exports = function benchRecognize() {
  const grid = sheet();
  for (let i = 0; i < 20; i++) recognize(grid); // warm up
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t = process.hrtime.bigint();
    const rec = recognize(grid);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (rec.template?.id !== "nanan-2026-quarterly-3")
      throw new Error("benchmark sheet not recognized");
  }
  return {
    name: "recognize 100×60 sheet",
    median_ms: +median(times).toFixed(3),
    p95_ms: +times.sort((a, b) => a - b)[189].toFixed(3),
    goal: "< 5 ms",
  };
};
