/* npm run bench: runs every benchmark on the compiled code (lib/) and prints one line each. */
const benches = [require("./recognize")];
for (const b of benches) console.log(JSON.stringify(b()));
