/* The Office benchmark runs through jest for its TypeScript and the office-addin-mock stub. */
const path = require("path");
const base = require("../jest.config.js");

module.exports = {
  ...base.projects[0],
  displayName: "bench",
  rootDir: path.join(__dirname, ".."),
  testMatch: ["<rootDir>/bench/**/*.bench.ts"],
  testTimeout: 600_000,
};
