#!/usr/bin/env node
// Runs the compiled command (npm's prepare step builds lib/ on install).
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => (process.exitCode = code));
