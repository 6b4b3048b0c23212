/** Sheets that are no report must never be recognized as one. */
import type { Grid } from "../../src/rules/grid";
import { recognize } from "../../src/rules/recognize";
import { allTemplates } from "../../src/rules/templates/catalog";
import { rng } from "../helpers/grids";

const sheet = (name: string, values: Grid["values"], merges: Grid["merges"] = []): Grid => ({
  name,
  values,
  merges,
});

describe("non-template sheets", () => {
  it("an empty sheet", () => {
    expect(recognize(sheet("Sheet1", [])).kind).toBe("none");
    expect(recognize(sheet("Sheet2", [[null, null], [null]])).kind).toBe("none");
  });

  it.each(allTemplates().map((t) => [t.id, t.title]))(
    "a sheet with only the title of %s",
    (_id, title) => {
      const rec = recognize(
        sheet("标题", [
          [title],
          [],
          ["填报单位（盖章）：      填表人：     联系电话：     年  月  日"],
        ])
      );
      expect(rec.kind).toBe("none");
    }
  );

  it("a budget table", () => {
    const rec = recognize(
      sheet("预算", [
        ["金淘镇2026年安全生产工作经费预算表"],
        ["序号", "项目", "单位", "数量", "单价（元）", "金额（万元）", "备注"],
        [1, "安全生产宣传", "场次", 12, 2000, 2.4, ""],
        [2, "专题培训", "场次", 4, 5000, 2, ""],
        [3, "应急救援队伍装备", "套", 10, 3000, 3, ""],
        ["合计", "", "", "", "", 7.4, ""],
      ])
    );
    expect(rec.kind).toBe("none");
  });

  it("a roster that shares a few words with the reports (村, 总数, 企业数量)", () => {
    const rec = recognize(
      sheet("企业名册", [
        ["填报单位类型", "企业名称", "企业数量（家）", "总数", "联系人", "联系电话"],
        ["村", "朴里石材厂", 1, 1, "陈", "13800000000"],
        ["镇直单位", "金淘镇卫生院", 1, 1, "林", "0595-86000000"],
      ])
    );
    expect(rec.kind).toBe("none");
  });

  it("the notes under a table, without the table", () => {
    const t = allTemplates()[0];
    const notes = Object.entries(t.notes).map(([n, x]) => [`${n}.${x}`]);
    expect(recognize(sheet("注", notes)).kind).toBe("none");
  });

  it("a header with no unit rows under it (nothing to report)", () => {
    const rec = recognize(
      sheet("表头", [
        ["填报单位类型", "企业底数（家）", null, null, null],
        [null, "总数", "规上企业", "中等企业", "小微企业"],
      ])
    );
    expect(rec.kind).toBe("none");
  });

  it("random text grids", () => {
    const words = [
      "项目",
      "合计",
      "金额",
      "日期",
      "备注",
      "姓名",
      "地址",
      "序号",
      "单位",
      "数量",
      "安全",
      "检查",
      "2026",
      "#REF!",
      "——",
      "无",
    ];
    const rand = rng(7);
    for (let k = 0; k < 200; k++) {
      const rows = 1 + Math.floor(rand() * 30);
      const values = Array.from({ length: rows }, () =>
        Array.from({ length: Math.floor(rand() * 20) }, () =>
          rand() < 0.5
            ? words[Math.floor(rand() * words.length)]
            : rand() < 0.5
              ? Math.floor(rand() * 100)
              : null
        )
      );
      expect(recognize(sheet(`r${k}`, values)).kind).toBe("none");
    }
  });

  it("names the nearest candidates when it recognizes nothing", () => {
    const rec = recognize(
      sheet("残表", [
        ["企业底数（家）", null, null],
        ["总数", "规上企业", "中等企业"],
      ])
    );
    expect(rec.kind).toBe("none");
    expect(rec.candidates[0]?.id).toMatch(/^nanan-2026-quarterly-1|anxi|jinjiang/);
  });
});
