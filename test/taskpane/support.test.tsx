/** An Excel that loads the add-in without the API it needs is told so, accurately (docs/SUPPORT.md). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { hostSupported, REQUIRED_API } from "../../src/taskpane/office-source";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

/** "1.13" → 13: versions compare by their minor number (1.13 is after 1.9). */
const minor = (v: string) => Number(v.split(".")[1]);

const host = (sets: Record<string, string>) =>
  Object.assign(globalThis, {
    Office: {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            sets[name] !== undefined && minor(sets[name]) >= minor(version),
        },
      },
    },
  });

it("a host without ExcelApi 1.9 is not supported; one with it is", () => {
  host({ SharedRuntime: "1.1", ExcelApi: "1.8" });
  expect(REQUIRED_API).toBe("1.9");
  expect(hostSupported()).toBe(false);
  host({ SharedRuntime: "1.1", ExcelApi: "1.13" });
  expect(hostSupported()).toBe(true);
});

it("the too-old message names the Excels that work and what to use instead", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={new MemoryWorkbook([])} supported={false} />
    </FluentProvider>
  );
  const text = screen.getByText(/Excel 版本过旧/).textContent!;
  for (const part of [
    "ExcelApi 1.9",
    "Excel 网页版",
    "版本 2002",
    "Excel 2021",
    "16.35",
    "npx srs",
    "浏览器网页版",
  ])
    expect([part, text.includes(part)]).toEqual([part, true]);
});
