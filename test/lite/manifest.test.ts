/**
 * manifest-lite.xml, the 兼容版's manifest (docs/SUPPORT.md): a task pane only — no Runtimes, no
 * custom functions, no VersionOverrides (volume-licensed Excel 2016/2019 have neither the shared
 * runtime nor add-in commands) — requiring ExcelApi 1.1 alone, with an Id of its own, its page
 * lite/lite.html, and its URLs rewritten for production as the main manifest's are.
 */
import { readFileSync } from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
const { toProduction } = require("../../tools/manifest.js");

const read = (f: string) => readFileSync(path.join(__dirname, "../..", f), "utf8");
const lite = read("manifest-lite.xml");
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml).OfficeApp;

describe("manifest-lite.xml", () => {
  it("is a task pane only, for ExcelApi 1.1, with its own Id", () => {
    expect(XMLValidator.validate(lite)).toBe(true);
    const app = parse(lite);
    expect(app["xsi:type"]).toBe("TaskPaneApp");
    expect(app.Id).not.toBe(parse(read("manifest.xml")).Id);
    expect(app.Requirements.Sets.Set).toEqual({ Name: "ExcelApi", MinVersion: "1.1" });
    expect(app.Hosts.Host).toEqual({ Name: "Workbook" });
    expect(app.DefaultSettings.SourceLocation.DefaultValue).toBe(
      "https://localhost:3000/lite/lite.html"
    );
    expect(app.VersionOverrides).toBeUndefined();
    expect(lite.replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(
      /<Runtimes|CustomFunctions|SharedRuntime/
    );
  });

  it("points at the deployed page in production", () => {
    const prod = toProduction(lite, "https://srs.example.org/addin/");
    expect(prod).not.toContain("localhost");
    expect(parse(prod).DefaultSettings.SourceLocation.DefaultValue).toBe(
      "https://srs.example.org/addin/lite/lite.html"
    );
    expect(parse(prod).AppDomains.AppDomain).toBe("https://srs.example.org");
  });
});
