/** Sheet names are unique as Excel compares them: case-insensitively. */
import { uniqueSheetName } from "../../src/rules/sheet-names";

it("numbers a name taken in another letter case, and a CJK name only by itself", () => {
  expect(uniqueSheetName("sheet1", new Set(["Sheet1"]))).toBe("sheet1(2)");
  expect(uniqueSheetName("ABC村", new Set(["abc村", "ABC村(2)"]))).toBe("ABC村(3)");
  expect(uniqueSheetName("朴里村", new Set(["朴里村"]))).toBe("朴里村(2)");
  expect(uniqueSheetName("朴里村", new Set(["朴里村(2)", "Sheet"]))).toBe("朴里村");
});
