/* Babel strips types and JSX for webpack and jest (`tsc` type-checks: npm run lint), and for the
   bundles transpiles to the browsers in .browserslistrc (the oldest webview SUPPORT.md promises). */
module.exports = (api) => {
  const isTest = api.env("test");
  return {
    presets: [
      [
        "@babel/preset-env",
        isTest ? { targets: { node: "current" } } : { modules: false, bugfixes: true },
      ],
      ["@babel/preset-react", { runtime: "automatic" }],
      "@babel/preset-typescript",
    ],
    // Dependencies transpiled for the targets (webpack.config.js) are CommonJS or ES modules.
    overrides: [{ test: /node_modules/, sourceType: "unambiguous" }],
  };
};
