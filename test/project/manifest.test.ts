import { readFileSync } from "fs";
import path from "path";

const { checkManifest, toProduction } = require("../../tools/manifest.js");

const source = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");

describe("manifest.xml (offline checks)", () => {
  it("is sound as written", () => {
    expect(checkManifest(source)).toEqual([]);
  });

  it("rewrites every localhost URL for production", () => {
    const prod = toProduction(source, "https://srs.example.org/addin/");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain('DefaultValue="https://srs.example.org/addin/taskpane.html"');
    expect(prod).toContain("<AppDomain>https://srs.example.org</AppDomain>");
    expect(checkManifest(prod, { production: true })).toEqual([]);
  });

  it("fails a production manifest that still names localhost", () => {
    expect(checkManifest(source, { production: true })).toContain(
      "the production manifest still names localhost (build with SRS_PUBLIC_URL=https://… set)"
    );
  });

  it("makes no production manifest without SRS_PUBLIC_URL (no placeholder host)", () => {
    const saved = process.env.SRS_PUBLIC_URL;
    delete process.env.SRS_PUBLIC_URL;
    try {
      expect(() => toProduction(source)).toThrow(/SRS_PUBLIC_URL is not set/);
    } finally {
      if (saved !== undefined) process.env.SRS_PUBLIC_URL = saved;
    }
  });

  it("fails when a resid is broken on purpose", () => {
    const broken = source.replace(
      '<bt:Url id="Functions.Metadata.Url"',
      '<bt:Url id="Functions.Metadata.Ur1"'
    );
    expect(checkManifest(broken)).toEqual(
      expect.arrayContaining([
        'resid "Functions.Metadata.Url" is used but not defined',
        'resid "Functions.Metadata.Ur1" is defined but never used',
      ])
    );
  });

  it("fails when Runtime, Page, FunctionFile and the pane action do not share one resid", () => {
    const broken = source.replace(
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Functions.Script.Url"/>'
    );
    expect(checkManifest(broken).join("\n")).toMatch(/must share one resid/);
  });

  it("fails when Runtimes is not right after Host", () => {
    const runtimes = source.match(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/)![0];
    const moved = source
      .replace(runtimes, "")
      .replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    expect(checkManifest(moved)).toContain("Runtimes is not the first element inside Host");
  });

  it("fails when the namespace is not SRS, a URL is not https, or permissions grow", () => {
    expect(
      checkManifest(source.replace('DefaultValue="SRS"/>', 'DefaultValue="CONTOSO"/>'))
    ).toContain('the custom functions namespace is "CONTOSO", not "SRS"');
    expect(
      checkManifest(
        source.replace("https://localhost:3000/help.html", "http://localhost:3000/help.html")
      )
    ).toContain("URL is not https: http://localhost:3000/help.html");
    expect(checkManifest(source.replace("ReadWriteDocument", "ReadWriteMailbox")).join()).toMatch(
      /permissions/
    );
  });

  it("says what is wrong with XML that does not parse", () => {
    expect(checkManifest("<OfficeApp><Id>")[0]).toMatch(/not well-formed|root element/);
  });
});
