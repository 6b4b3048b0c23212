/**
 * A 回头看 round in the page, in Debian's Chromium: four units' workbooks, each its 统计表 and its
 * 细则 (one with two lines left unanswered). The 细则 are no unit (应报 4 个), the run is clean, and
 * the message says the remark is there without calling for review; the list names the unit.
 * Screenshot: test-artifacts/page/review-checklist.png.
 */
import path from "path";
import { pane, servedChromium } from "../helpers/browser";
import { leftBlank, unitGrids, xlsx } from "../helpers/review-round";

const SHOTS = path.join(__dirname, "../../test-artifacts/page");
const env = servedChromium(SHOTS);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

it("the 细则 are no unit; an unanswered line is named and leaves the run clean", async () => {
  const p = await env.page();
  await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
  const units = leftBlank({ 岭兜村村民委员会: [7, 8] });
  const files = await Promise.all(
    units.map(async (u) => ({
      name: `${u.name}-回头看.xlsx`,
      mimeType: XLSX,
      buffer: await xlsx(unitGrids(u)),
    }))
  );
  await pane(p).getByLabel("选择报表文件").setInputFiles(files);
  await pane(p).getByRole("button", { name: "导入并汇总（4 个文件）" }).click();
  const list = pane(p).getByRole("list", { name: "汇总结果" });
  await list.waitFor();
  await pane(p)
    .getByText(
      "单位：应报 4 个，已报 4 个（按时 0、逾期 0、日期不明 4），缺报 0 个；报表：未汇总 0 份"
    )
    .waitFor();
  await pane(p)
    .getByText("全部报表已汇总，无缺报；另有提示（不影响汇总数），见下列各行和“汇总说明”。")
    .waitFor();
  const text = (await list.textContent()) ?? "";
  expect(text).toMatch(
    /岭兜村村民委员会（岭兜村村民委员会-回头看.xlsx）：附件（不汇总）：“回头看”细则（企业），随报表报送，不计入汇总（企业名称：南安市岭兜五金厂）；提示：“回头看”细则（企业）有 2 条未作答（D11、D12）/
  );
  expect(text).not.toContain("不可汇总");
  await list.scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(SHOTS, "review-checklist.png") });
  await p.context().close();
}, 180_000);
