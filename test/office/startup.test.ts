/** A workbook used with SRS loads the add-in when next opened (Office.addin.setStartupBehavior). */
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { getTemplate } from "../../src/rules/templates/catalog";
import { officeSource } from "../../src/taskpane/office-source";
import { Book, excelRun, MemoryStore } from "../helpers/excel-mock";

it("asks Excel to load SRS with a workbook once it holds a recognized report, and only then", async () => {
  const calls: string[] = [];
  const install = (book: Book) =>
    Object.assign(globalThis, {
      Excel: { run: excelRun(book).run },
      Office: {
        context: { requirements: { isSetSupported: () => true } },
        // [d.ts] Office.addin.setStartupBehavior (SharedRuntime 1.1), Office.StartupBehavior.load = "Load".
        addin: { setStartupBehavior: async (b: string) => void calls.push(b) },
        StartupBehavior: { load: "Load", none: "None" },
      },
    });
  install(new Book().load({ name: "预算", values: [["项目", "金额"]], merges: [] }));
  await officeSource(new MemoryStore()).readSheets();
  await Promise.resolve();
  expect(calls).toEqual([]);

  const t = getTemplate("nanan-2026-quarterly-1")!;
  install(new Book().load({ ...blankTemplate(t).grid, name: "季报表" }));
  const source = officeSource(new MemoryStore());
  await source.readSheets();
  await source.readSheets();
  await new Promise((r) => setImmediate(r));
  expect(calls).toEqual(["Load"]);
});
