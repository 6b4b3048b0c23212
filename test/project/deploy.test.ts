/**
 * What a production build ships for the static host that serves it: Excel on the web fetches
 * functions.json (the custom functions' metadata) from another origin, so it must be served with
 * CORS; dist/ carries the header file each common server reads, and README's 部署 step says so.
 * The build also takes the deployment's add-in store (SRS_ADDIN_STORE) and refuses a wrong one.
 */
import { readFileSync } from "fs";
import path from "path";
const { ensureBuilt } = require("../../tools/dist.js");

const ALLOW = /Access-Control-Allow-Origin"?\s*(:|value=)?\s*"?\*/;

describe("dist/ tells each common server to send functions.json with CORS", () => {
  const dist = ensureBuilt();
  const read = (f: string) => readFileSync(path.join(dist, f), "utf8");

  it("Netlify and Cloudflare Pages (_headers)", () => {
    expect(read("_headers")).toMatch(/^\/functions\.json\n\s+Access-Control-Allow-Origin: \*$/m);
  });

  it("Apache (.htaccess)", () => {
    expect(read(".htaccess")).toMatch(
      /<Files "functions\.json">\s*Header set Access-Control-Allow-Origin "\*"\s*<\/Files>/
    );
  });

  it("IIS (web.config)", () => {
    const xml = read("web.config");
    expect(xml).toMatch(/<location path="functions\.json">/);
    expect(xml).toMatch(/<add name="Access-Control-Allow-Origin" value="\*" \/>/);
  });

  it("nginx (a snippet to include)", () => {
    expect(read("nginx-srs.conf")).toMatch(
      /location ~ \/functions\\\.json\$ \{\s*add_header Access-Control-Allow-Origin "\*" always;/
    );
  });

  it("functions.json is there to be served, and README's deploy step names the files", () => {
    expect(JSON.parse(read("functions.json")).functions.length).toBeGreaterThan(0);
    const readme = readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    for (const f of ["_headers", ".htaccess", "web.config", "nginx-srs.conf", "SRS_ADDIN_STORE"])
      expect([f, readme.includes(f)]).toEqual([f, true]);
    for (const f of [".htaccess", "_headers"]) expect(read(f)).toMatch(ALLOW);
  });
});

it("the build refuses an add-in store it does not know", async () => {
  const config = require("../../webpack.config.js");
  process.env.SRS_ADDIN_STORE = "appsource";
  try {
    await expect(config({}, { mode: "production" })).rejects.toThrow(
      /SRS_ADDIN_STORE is "appsource"/
    );
  } finally {
    delete process.env.SRS_ADDIN_STORE;
  }
});
