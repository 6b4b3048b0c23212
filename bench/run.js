/* npm run bench: runs every benchmark on the compiled code (lib/) and prints one JSON line each. */
const benches = [require("./recognize"), require("./check-files")];
(async () => {
  for (const b of benches) console.log(JSON.stringify(await b()));
})();
