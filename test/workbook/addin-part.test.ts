/** Files SRS writes carry its add-in reference: opened in Excel with SRS installed, the pane opens. */
import { readFileSync } from "fs";
import path from "path";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { getTemplate } from "../../src/rules/templates/catalog";
import { addinStore, SRS_ADDIN, withAddinReference } from "../../src/workbook/addin-part";
import { partText, unzipParts } from "../../src/workbook/xlsx/parts";
import { readGrids } from "../../src/workbook/xlsx/read";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";

const manifest = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");

it("refers to the add-in by the manifest's id and version, whose task pane opens with a document", () => {
  expect(/<Id>([^<]+)<\/Id>/.exec(manifest)![1]).toBe(SRS_ADDIN.id);
  expect(/<Version>([^<]+)<\/Version>/.exec(manifest)![1]).toBe(SRS_ADDIN.version);
  expect(manifest).toMatch(
    /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Office\.AutoShowTaskpaneWithDocument<\/TaskpaneId>/
  );
});

it("adds the web-extension task-pane parts to a written workbook and changes nothing else", async () => {
  const file = await layoutsToXlsx([blankTemplate(getTemplate("nanan-2026-quarterly-1")!)]);
  const tagged = withAddinReference(file);
  const before = unzipParts(file);
  const after = unzipParts(tagged);
  const text = (name: string) => partText(after, name);

  expect(text("xl/webextensions/webextension1.xml")).toContain(
    `<we:reference id="${SRS_ADDIN.id}" version="${SRS_ADDIN.version}" store="EXCatalog" storeType="EXCatalog"/>`
  );
  expect(text("xl/webextensions/webextension1.xml")).toContain(
    '<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>'
  );
  expect(text("xl/webextensions/taskpanes.xml")).toContain('visibility="1"');
  expect(text("xl/webextensions/_rels/taskpanes.xml.rels")).toContain('Target="webextension1.xml"');
  expect(text("[Content_Types].xml")).toContain(
    'PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"'
  );
  expect(text("_rels/.rels")).toContain(
    'Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"'
  );
  for (const name of Object.keys(before))
    if (!["[Content_Types].xml", "_rels/.rels"].includes(name))
      expect([name, text(name)]).toEqual([name, partText(before, name)]);
  // Still a workbook exceljs (and so SRS) reads as before; tagging twice adds nothing.
  expect(await readGrids(tagged)).toEqual(await readGrids(file));
  expect(withAddinReference(tagged)).toBe(tagged);
});

it("srs template and srs consolidate write files that carry it", async () => {
  const { mkdtempSync, writeFileSync } = await import("fs");
  const os = await import("os");
  const { main } = await import("../../src/cli/main");
  const { filledSheet } = await import("../../src/rules/sample/filled");
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-addin-"));
  const quiet = () => undefined;
  const template = path.join(dir, "季报表一.xlsx");
  expect(await main(["template", "nanan-2026-quarterly-1", "-o", template], quiet)).toBe(0);
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const f = filledSheet(t, { seed: 1, rowTypes: ["village"], unit: "金淘镇朴里村" });
  const child = path.join(dir, "朴里村.xlsx");
  writeFileSync(child, await layoutsToXlsx([{ ...f.layout, grid: f.grid }]));
  const out = path.join(dir, "汇总.xlsx");
  await main(["consolidate", child, "-o", out], quiet);
  for (const file of [template, out])
    expect(Object.keys(unzipParts(readFileSync(file)))).toContain(
      "xl/webextensions/webextension1.xml"
    );
});

describe("the reference names the store the deployment installs SRS from (SRS_ADDIN_STORE)", () => {
  // "Automatically open a task pane with a document": storeType and store by deployment.
  it.each([
    [undefined, "EXCatalog", "EXCatalog"], // Centralized Deployment, the default
    ["centralized", "EXCatalog", "EXCatalog"],
    ["sideload", "developer", "Registry"],
    ["share:\\\\fileserver\\SRS加载项", "\\\\fileserver\\SRS加载项", "FileSystem"],
  ])("%s → store %s, storeType %s", async (spec, store, storeType) => {
    expect(addinStore(spec)).toEqual({ store, storeType });
    const file = await layoutsToXlsx([blankTemplate(getTemplate("nanan-2026-quarterly-1")!)]);
    const we = partText(
      unzipParts(withAddinReference(file, addinStore(spec))),
      "xl/webextensions/webextension1.xml"
    );
    expect(we).toContain(`store="${store}" storeType="${storeType}"/>`);
  });

  it("a wrong value gets one zh line", () => {
    expect(() => addinStore("share:c:\\srs")).toThrow(
      /^SRS_ADDIN_STORE 为“share:c:\\srs”：应为 centralized、sideload 或 share:/
    );
    expect(() => addinStore("omex")).toThrow(/应为/);
  });

  it("the CLI writes the store it is run with", async () => {
    const { mkdtempSync } = await import("fs");
    const os = await import("os");
    const { main } = await import("../../src/cli/main");
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "srs-store-")), "表.xlsx");
    process.env.SRS_ADDIN_STORE = "sideload";
    try {
      expect(await main(["template", "nanan-2026-quarterly-1", "-o", out], () => undefined)).toBe(
        0
      );
    } finally {
      delete process.env.SRS_ADDIN_STORE;
    }
    expect(partText(unzipParts(readFileSync(out)), "xl/webextensions/webextension1.xml")).toContain(
      'store="developer" storeType="Registry"/>'
    );
  });
});
