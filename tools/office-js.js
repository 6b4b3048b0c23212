/**
 * Where the task pane page loads Office.js from, chosen at build time.
 *
 * The Office Add-ins docs ("Referencing the Office JavaScript API library") require Microsoft's
 * CDN for add-ins published through AppSource and recommend it everywhere: a local copy is for
 * development and internal scenarios. Office 365 operated by 21Vianet (China) has its own CDN.
 *
 *   SRS_PUBLIC_URL set (a production build)      Microsoft's CDN
 *   SRS_OFFICE_JS=21vianet                       the 21Vianet CDN
 *   SRS_OFFICE_JS=self, or no SRS_PUBLIC_URL     the copy under office-js/ on our own origin
 *                                                (self-hosting on an intranet; dev; tests)
 */
const CDN = {
  microsoft: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  "21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
};

/** @returns the script's src, the origin the page's CSP must allow besides its own (or ""), and whether to copy Office.js into dist/. */
function officeJs(env = process.env) {
  const choice = env.SRS_OFFICE_JS || (env.SRS_PUBLIC_URL ? "microsoft" : "self");
  if (choice === "self") return { src: "office-js/office.js", origin: "", copy: true };
  const src = CDN[choice];
  if (!src) throw new Error(`SRS_OFFICE_JS must be microsoft, 21vianet or self, not "${choice}"`);
  return { src, origin: new URL(src).origin, copy: false };
}

module.exports = { CDN, officeJs };
