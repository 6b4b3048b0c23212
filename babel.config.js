/* Babel only strips types and JSX for webpack and jest; `tsc` type-checks (npm run lint). */
module.exports = (api) => {
  const isTest = api.env("test");
  return {
    presets: [
      ["@babel/preset-env", isTest ? { targets: { node: "current" } } : { modules: false }],
      ["@babel/preset-react", { runtime: "automatic" }],
      "@babel/preset-typescript",
    ],
  };
};
