/* Rules, adapters and the CLI run under node; React components under jsdom. */
const common = {
  transform: { "^.+\\.(ts|tsx|js)$": "babel-jest" },
  // office-addin-mock imports office-addin-manifest, which pulls ESM-only packages jest cannot load.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};

module.exports = {
  // CI machines run several times slower than a laptop: this bounds hangs, it is not a speed goal.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: "node", testEnvironment: "node", testMatch: ["<rootDir>/test/**/*.test.ts"] },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup-dom.ts"],
    },
  ],
};
