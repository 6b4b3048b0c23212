/** 汇总's pictures: the numbers are in each picture's label and in text beside it. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { Milestones } from "../../src/rules/consolidation/chart-data";
import type { UnitStates } from "../../src/rules/consolidation/counts";
import { MilestoneChart, UnitStatusChart } from "../../src/taskpane/ConsolidateCharts";
import { App } from "../../src/taskpane/App";
import { strings } from "../../src/taskpane/i18n";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";

const t = strings("zh");
const draw = (ui: React.ReactElement) =>
  render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("UnitStatusChart", () => {
  const states: UnitStates = {
    units: [
      { unit: "朴里村", state: "onTime" },
      { unit: "岭兜村", state: "late" },
      { unit: "金淘村", state: "missing" },
      { unit: "占石村", state: "notSummed" },
      { unit: "霞春村", state: "onTime" },
    ],
    counts: { onTime: 2, late: 1, undated: 0, missing: 1, notSummed: 1 },
  };

  it("labels the bar with every count in zh, lists them, and names each unit's square", () => {
    const { container } = draw(<UnitStatusChart states={states} t={t} />);
    expect(screen.getByRole("img")).toHaveAccessibleName(
      "各单位报送情况：共 5 个单位，按时 2，逾期 1，缺报 1，报表均未汇总 1"
    );
    const legend = screen.getByRole("list", { name: "各单位报送情况" });
    expect(
      within(legend)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(["按时 2", "逾期 1", "缺报 1", "报表均未汇总 1"]);
    // The stacked bar: one segment a state present, as wide as its count.
    const bar = screen.getByRole("img");
    expect([...bar.querySelectorAll("rect")].map((r) => r.getAttribute("width"))).toEqual([
      "2",
      "1",
      "1",
      "1",
    ]);
    expect([...container.querySelectorAll("title")].map((x) => x.textContent)).toEqual([
      "朴里村：按时",
      "岭兜村：逾期",
      "金淘村：缺报",
      "占石村：报表均未汇总",
      "霞春村：按时",
    ]);
  });

  it("shows 日期不明 only when some unit is", () => {
    draw(
      <UnitStatusChart
        states={{
          units: [{ unit: "朴里村", state: "undated" }],
          counts: { onTime: 0, late: 0, undated: 1, missing: 0, notSummed: 0 },
        }}
        t={t}
      />
    );
    expect(screen.getByRole("img")).toHaveAccessibleName(
      "各单位报送情况：共 1 个单位，按时 0，逾期 0，日期不明 1，缺报 0，报表均未汇总 0"
    );
  });
});

describe("MilestoneChart", () => {
  const data: Milestones = {
    month: 7,
    sheet: "月报表（一）汇总",
    measures: [
      {
        measure: "certified",
        zh: "评审达标企业",
        unit: "家",
        columns: [],
        annual: 10,
        done: 4,
        milestone: { month: 7, percent: 60, task: 75 },
        needed: 6,
      },
      {
        measure: "posts",
        zh: "示范岗位",
        unit: "个",
        columns: [],
        annual: 40,
        done: 25,
        milestone: { month: 7, percent: 50, task: 80 },
        needed: 20,
      },
    ],
  };

  it("draws done against the year with the milestone, saying it in zh", () => {
    draw(<MilestoneChart data={data} t={t} />);
    expect(screen.getByText("全年任务进度（对照任务清单 7 月底节点）")).toBeInTheDocument();
    const [certified, posts] = screen.getAllByRole("img");
    const behind =
      "评审达标企业：已完成 4 家，全年任务 10 家；7月底应完成 60%，即至少 6 家（落后）";
    expect(certified).toHaveAccessibleName(behind);
    expect(screen.getByText(behind)).toBeInTheDocument();
    expect(posts).toHaveAccessibleName(
      "示范岗位：已完成 25 个，全年任务 40 个；7月底应完成 50%，即至少 20 个"
    );
    // Track, done (4 of 10 → 40 %), the milestone's line at 6 of 10.
    const rects = [...certified.querySelectorAll("rect")];
    expect(rects.map((r) => r.getAttribute("width"))).toEqual(["100", "40", "0.6"]);
    expect(rects[2].getAttribute("x")).toBe("60");
  });
});

it("汇总 shows each unit's state after a consolidation, and the counts 汇总说明 gives", async () => {
  const child = (unit: string, seed: number) =>
    filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed, rowTypes: ["village"], unit });
  const book = new MemoryWorkbook([]);
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={book} />
    </FluentProvider>
  );
  fireEvent.click(await screen.findByRole("tab", { name: "汇总·盖章" }));
  const file = async (unit: string, seed: number) => {
    const c = child(unit, seed);
    const bytes = await layoutsToXlsx([{ ...c.layout, grid: c.grid }]);
    // jsdom's File has no arrayBuffer(); browsers' has.
    return Object.assign(new File([], `${unit}.xlsx`), {
      arrayBuffer: async () => bytes.slice().buffer,
    });
  };
  const files = [
    await file("金淘镇岭兜村", 5),
    await file("金淘镇朴里村", 6),
    Object.assign(new File([], "坏文件.xlsx"), {
      arrayBuffer: async () => new Uint8Array(Buffer.from("这不是表格")).buffer,
    }),
  ];
  fireEvent.change(screen.getByLabelText("选择报表文件"), { target: { files } });
  fireEvent.click(screen.getByRole("button", { name: "导入并汇总（3 个文件）" }));
  // The file that could not be read is a report not summed, no unit.
  expect(await screen.findByRole("img", { name: /^各单位报送情况/ })).toHaveAccessibleName(
    "各单位报送情况：共 2 个单位，按时 2，逾期 0，缺报 0，报表均未汇总 0"
  );
  const counts = "单位：应报 2 个，已报 2 个（按时 2、逾期 0），缺报 0 个；报表：未汇总 1 份";
  expect(screen.getByText(counts)).toBeInTheDocument();
  const notes = book.sheets.find((s) => s.name === "汇总说明")!;
  expect(notes.values.flat()).toContain(counts);
});
