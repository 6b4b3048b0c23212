/* Writes every official blank template to assets/templates/<id>.xlsx (committed, for clerks to download). */
const path = require("path");
const { main } = require("../lib/cli/main.js");
const { allTemplates } = require("../lib/rules/templates/catalog.js");

(async () => {
  const dir = path.join(__dirname, "..", "assets", "templates");
  require("fs").mkdirSync(dir, { recursive: true });
  for (const t of allTemplates()) {
    const code = await main(["template", t.id, "-o", path.join(dir, `${t.id}.xlsx`)]);
    if (code !== 0) process.exitCode = code;
  }
})();
