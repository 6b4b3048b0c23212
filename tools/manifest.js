/**
 * Offline checks of manifest.xml (office-addin-manifest validate needs the internet),
 * and the production rewrite of its URLs. Used by webpack and by the tests.
 */
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const DEV_ORIGIN = "https://localhost:3000";

/**
 * Rewrites every dev URL (the Office template rewrote only the first) to where the add-in is
 * deployed: SRS_PUBLIC_URL, which a production manifest cannot do without (no placeholder host).
 */
function toProduction(xml, prodUrl = process.env.SRS_PUBLIC_URL) {
  if (!prodUrl)
    throw new Error(
      "SRS_PUBLIC_URL is not set: a production manifest needs the add-in's https address"
    );
  const base = prodUrl.endsWith("/") ? prodUrl : `${prodUrl}/`;
  return xml.split(`${DEV_ORIGIN}/`).join(base).split(DEV_ORIGIN).join(new URL(base).origin);
}

/** preserveOrder output → { name, attrs, children, text } nodes; names without namespace prefix. */
function toTree(xml) {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    preserveOrder: true,
  }).parse(xml);
  const convert = (entry) => {
    const name = Object.keys(entry).find((k) => k !== ":@");
    const body = entry[name];
    const children = Array.isArray(body) ? body.filter((c) => !("#text" in c)).map(convert) : [];
    const text = Array.isArray(body)
      ? body
          .filter((c) => "#text" in c)
          .map((c) => String(c["#text"]))
          .join("")
      : "";
    return { name: name.replace(/^.*:/, ""), attrs: entry[":@"] || {}, children, text };
  };
  return parsed.filter((e) => !Object.keys(e).includes("?xml")).map(convert)[0];
}

function* walk(node) {
  yield node;
  for (const c of node.children) yield* walk(c);
}

const child = (node, name) => node && node.children.find((c) => c.name === name);

/** Returns the problems found, one sentence each; [] when the manifest is sound. */
function checkManifest(xml, { production = false } = {}) {
  const problems = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const root = toTree(xml);
  if (!root || root.name !== "OfficeApp") return ["the root element is not OfficeApp"];
  const nodes = [...walk(root)];
  const resources = nodes.find((n) => n.name === "Resources");
  const defined = new Map(
    resources ? [...walk(resources)].filter((n) => n.attrs.id).map((n) => [n.attrs.id, n]) : []
  );
  const referenced = new Set(nodes.filter((n) => n.attrs.resid).map((n) => n.attrs.resid));
  for (const r of referenced)
    if (!defined.has(r)) problems.push(`resid "${r}" is used but not defined`);
  for (const d of defined.keys())
    if (!referenced.has(d)) problems.push(`resid "${d}" is defined but never used`);

  const host = nodes.find((n) => n.name === "Host" && n.attrs["xsi:type"] === "Workbook");
  if (!host) problems.push("no VersionOverrides Host of type Workbook");
  else {
    if (host.children[0]?.name !== "Runtimes")
      problems.push("Runtimes is not the first element inside Host");
    const runtime = child(child(host, "Runtimes"), "Runtime");
    if (!runtime) problems.push("no Runtime declared");
    else if (runtime.attrs.lifetime !== "long") problems.push('the Runtime lifetime is not "long"');
    const cf = nodes.find(
      (n) => n.name === "ExtensionPoint" && n.attrs["xsi:type"] === "CustomFunctions"
    );
    const pageRes = child(child(cf, "Page"), "SourceLocation")?.attrs.resid;
    const functionFile = nodes.find((n) => n.name === "FunctionFile")?.attrs.resid;
    const action = nodes.find((n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane");
    const actionRes = child(action, "SourceLocation")?.attrs.resid;
    const shared = {
      Runtime: runtime?.attrs.resid,
      "CustomFunctions Page": pageRes,
      FunctionFile: functionFile,
      "ShowTaskpane action": actionRes,
    };
    const ids = new Set(Object.values(shared));
    if (ids.size !== 1 || ids.has(undefined))
      problems.push(
        `Runtime, Page, FunctionFile and the task pane action must share one resid: ${JSON.stringify(shared)}`
      );
    const ns = child(cf, "Namespace")?.attrs.resid;
    const nsValue = ns && defined.get(ns)?.attrs.DefaultValue;
    if (nsValue !== "SRS")
      problems.push(`the custom functions namespace is "${nsValue}", not "SRS"`);
  }
  const permissions = nodes.find((n) => n.name === "Permissions")?.text.trim();
  if (!["Restricted", "ReadDocument", "ReadWriteDocument"].includes(permissions))
    problems.push(`permissions "${permissions}" ask for more than ReadWriteDocument`);
  for (const n of nodes) {
    // Namespace declarations (xmlns) are names, not locations.
    const attrs = Object.entries(n.attrs)
      .filter(([k]) => !k.startsWith("xmlns"))
      .map(([, v]) => v);
    const values = [...attrs, n.text].filter(
      (v) => typeof v === "string" && /^[a-z]+:\/\//i.test(v.trim())
    );
    for (const v of values)
      if (!v.trim().startsWith("https://")) problems.push(`URL is not https: ${v.trim()}`);
  }
  if (production && xml.includes("localhost"))
    problems.push(
      "the production manifest still names localhost (build with SRS_PUBLIC_URL=https://… set)"
    );
  return problems;
}

module.exports = { checkManifest, toProduction, DEV_ORIGIN };

if (require.main === module) {
  const fs = require("fs");
  const file = process.argv[2] || "manifest.xml";
  const problems = checkManifest(fs.readFileSync(file, "utf8"), {
    production: process.argv.includes("--production"),
  });
  problems.forEach((p) => console.error(`${file}: ${p}`));
  process.exitCode = problems.length ? 1 : 0;
}
