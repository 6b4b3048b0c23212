/**
 * The WPS add-in npm run build emits (dist/wps) and what deploying it takes: every file the
 * ribbon, the pages and the deployment lists refer to exists; the online lists exist only for a
 * public URL; the offline package installs into a Linux home as WPS expects (and beside another
 * add-in already listed).
 */
import { execFileSync } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
const { ensureBuilt } = require("../../tools/dist.js") as { ensureBuilt: () => string };
const wps = require("../../tools/wps.js");

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
};
/** The scripts a page loads (minified: attribute values may be unquoted). */
const scripts = (html: string) =>
  [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
const plugins = (xml: string) => {
  const root = parse(xml).jsplugins;
  return [root.jsplugin ?? [], root.jspluginonline ?? []].flat();
};

describe("the WPS add-in in dist/", () => {
  const dist = ensureBuilt();
  const addin = path.join(dist, "wps");

  it("ribbon.xml: a 报表检查 button whose callbacks the entry page defines, and its image", () => {
    const xml = readFileSync(path.join(addin, "ribbon.xml"), "utf8");
    // WPS's publish page refuses a ribbon.xml that does not start with <customUI (wpsjs publish.js checks it so).
    expect(xml.startsWith("<customUI")).toBe(true);
    const ui = parse(xml).customUI;
    const button = ui.ribbon.tabs.tab.group.button;
    expect(button.label).toBe("报表检查");
    const callbacks = [ui.onLoad, button.onAction, button.getImage];
    const page = readFileSync(path.join(addin, "index.html"), "utf8");
    const js = scripts(page)
      .map((s) => readFileSync(path.join(addin, s), "utf8"))
      .join("\n");
    for (const c of callbacks) expect([c, js.includes(`.${c}=`)]).toEqual([c, true]);
    expect(js).toContain("images/srs.png");
    expect(existsSync(path.join(addin, "images/srs.png"))).toBe(true);
  });

  it("the pages load only files that are there; manifest.xml names the add-in", () => {
    for (const page of ["index.html", "taskpane.html"]) {
      const html = readFileSync(path.join(addin, page), "utf8");
      const list = scripts(html);
      expect(list.length).toBeGreaterThan(0);
      for (const s of list)
        expect([page, s, existsSync(path.join(addin, s))]).toEqual([page, s, true]);
      expect(html).not.toMatch(/unsafe-eval|office\.js/);
    }
    expect(parse(readFileSync(path.join(addin, "manifest.xml"), "utf8")).JsPlugin.Name).toBe("SRS");
  });

  it("online: publish.xml and jsplugins.xml point at <SRS_PUBLIC_URL>wps/, which holds ribbon.xml; none without the URL", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "srs-wps-"));
    cpSync(addin, path.join(out, "wps"), { recursive: true });
    wps.writeDeployment(path.join(out, "wps"), "https://srs.example.org/addin");
    for (const f of ["wps-publish.xml", "wps-jsplugins.xml"]) {
      const [line] = plugins(readFileSync(path.join(out, f), "utf8"));
      expect(line).toMatchObject({
        name: "SRS",
        type: "et",
        url: "https://srs.example.org/addin/wps/",
      });
      // What WPS fetches: <url>ribbon.xml and <url>index.html, served from dist/wps.
      for (const file of ["ribbon.xml", "index.html"])
        expect(
          existsSync(path.join(out, new URL(file, line.url).pathname.replace("/addin/", "")))
        ).toBe(true);
    }
    wps.writeDeployment(path.join(out, "wps"), undefined);
    expect(existsSync(path.join(out, "wps-publish.xml"))).toBe(false);
    expect(existsSync(path.join(out, "wps-jsplugins.xml"))).toBe(false);
    expect(() => wps.wpsUrl(undefined)).toThrow(/SRS_PUBLIC_URL is not set/);
  });

  it("offline: jsaddons/publish.xml names the folder beside it, which holds the whole add-in", () => {
    const jsaddons = path.join(dist, "wps-offline", "jsaddons");
    const [line] = plugins(readFileSync(path.join(jsaddons, "publish.xml"), "utf8"));
    expect(line).toMatchObject({ name: "SRS", type: "et", url: wps.FOLDER });
    for (const f of ["index.html", "ribbon.xml", "taskpane.html", "manifest.xml", "images/srs.png"])
      expect(existsSync(path.join(jsaddons, line.url, f))).toBe(true);
    expect(existsSync(path.join(dist, "wps-offline", "安装-Windows.bat"))).toBe(true);
  });

  it("install-linux.sh puts it into ~/.local/share/Kingsoft/wps/jsaddons, keeping an add-in listed there already", () => {
    const script = path.join(dist, "wps-offline", "install-linux.sh");
    const fresh = mkdtempSync(path.join(os.tmpdir(), "srs-home-"));
    execFileSync("sh", [script], { env: { ...process.env, HOME: fresh } });
    const target = path.join(fresh, ".local/share/Kingsoft/wps/jsaddons");
    expect(
      plugins(readFileSync(path.join(target, "publish.xml"), "utf8")).map((p) => p.name)
    ).toEqual(["SRS"]);
    expect(existsSync(path.join(target, wps.FOLDER, "ribbon.xml"))).toBe(true);

    const shared = mkdtempSync(path.join(os.tmpdir(), "srs-home-"));
    const other = path.join(shared, ".local/share/Kingsoft/wps/jsaddons");
    mkdirSync(other, { recursive: true });
    writeFileSync(
      path.join(other, "publish.xml"),
      '<jsplugins>\n  <jspluginonline name="OA" type="wps" url="http://oa.example/" enable="true"/>\n</jsplugins>\n'
    );
    execFileSync("sh", [script], { env: { ...process.env, HOME: shared } });
    execFileSync("sh", [script], { env: { ...process.env, HOME: shared } }); // twice: listed once
    expect(
      plugins(readFileSync(path.join(other, "publish.xml"), "utf8")).map((p) => p.name)
    ).toEqual(["SRS", "OA"]);
  });
});
