/**
 * 月报表（一） not-applicable cells (地标 二级/三级, the third 标杆 sub-row) take the usual marks, and
 * (达标不分级) is printed in the 一级 position of the 地标 row, where the 地标 count replaces it
 * (DOMAIN: decisions after the first release, Not applicable).
 */
import { blankTemplate } from "../../../src/rules/layout/blank-template";
import { cellAddress, recognize, type TableRecognition } from "../../../src/rules/recognize";
import { getTemplate } from "../../../src/rules/templates/catalog";
import type { TableTemplate } from "../../../src/rules/templates/schema";
import { fromA1 } from "../../../src/rules/grid";
import { ofRule, Sheet } from "../../helpers/filled";

const IDS = ["anxi-2024-monthly-1", "jinjiang-2024-monthly-1"];
// A 0 kept as text (a cell formatted 文本, an .xls from WPS) or full-width is the 0 DOMAIN accepts.
const MARKS = ["/", "—", "-", "不适用", "无", "／", "0", "０", " 0 "];
const NA_CELLS = ["create.l2", "create.l3", "bench.large", "bench.medium", "bench.small"];

describe.each(IDS)("%s", (id) => {
  const t = getTemplate(id) as TableTemplate;
  const types = t.rows.map((r) => r.key);

  it.each(MARKS)("accepts %p in every not-applicable cell of both unit types", (mark) => {
    const s = new Sheet(id, { seed: 4 });
    for (const type of types) for (const col of NA_CELLS) s.set(`${type}.local`, col, mark);
    expect(s.findings()).toEqual([]);
  });

  it("a number as text in a not-applicable cell gets one warning, never “按数字 … 汇总” (it is not summed)", () => {
    const s = new Sheet(id, { seed: 5 }).set(`${types[1]}.local`, "create.l3", "4");
    expect(s.findings().map((f) => [f.rule, f.cell])).toEqual([
      ["not-applicable", s.address(`${types[1]}.local`, "create.l3")],
    ]);
  });

  it("still warns about a number in a not-applicable cell", () => {
    const s = new Sheet(id, { seed: 5 }).set(`${types[1]}.local`, "create.l3", 4);
    expect(s.findings().map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["not-applicable", "warning", s.address(`${types[1]}.local`, "create.l3")],
    ]);
  });

  it("prints (达标不分级) in the 一级 position of each 地标 row, 二级/三级 left empty", () => {
    const { grid } = blankTemplate(t);
    const rec = recognize(grid) as TableRecognition;
    for (const type of types) {
      const at = (col: string) => {
        const { row, col: c } = fromA1(cellAddress(rec, `${type}.local`, col)!);
        return grid.values[row][c];
      };
      expect([at("create.l1"), at("create.l2"), at("create.l3")]).toEqual([
        "（达标不分级）",
        null,
        null,
      ]);
    }
  });

  it("a 地标 count cell still holding (达标不分级) is unfilled: says what belongs there, citing 注5", () => {
    const s = new Sheet(id, { seed: 6 }).set(`${types[0]}.local`, "create.l1", "（达标不分级）");
    const findings = s.findings();
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["blank", s.address(`${types[0]}.local`, "create.l1")],
    ]);
    expect(findings[0]).toMatchObject({ severity: "error", source: "月报表（一）注5" });
    expect(findings[0].message).toMatch(
      /仍是表样文字“（达标不分级）”.*应填.*地标.*一级企业.*不分级/
    );
    expect(findings[0].fix).toBeUndefined();
  });

  it("a unit that fills only its own rows leaves the other type's printed label without a finding", () => {
    for (const type of types) {
      const s = new Sheet(id, { seed: 7, rowTypes: [type], otherRows: "blank" });
      const other = types.find((x) => x !== type)!;
      expect(s.get(`${other}.local`, "create.l1")).toBe("（达标不分级）");
      expect(s.findings()).toEqual([]);
    }
  });

  it("a unit that writes 0 across the other type's rows (注8) gets no finding either", () => {
    for (const type of types) {
      const s = new Sheet(id, { seed: 7, rowTypes: [type] });
      const other = types.find((x) => x !== type)!;
      expect(s.get(`${other}.local`, "create.l1")).toBe(0);
      expect(s.findings()).toEqual([]);
    }
  });
});

describe("other tables", () => {
  it("季报表（一） has no not-applicable cell: / in a data cell is still not a number", () => {
    const s = new Sheet("nanan-2026-quarterly-1").set("village", "base.total", "/");
    expect(ofRule(s.findings(), "not-number")).toHaveLength(1);
  });
});
