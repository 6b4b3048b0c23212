/* office-addin-lint's rules (eslint-plugin-office-addins + prettier) for the project,
   with TypeScript's own checks trusted for undefined names. */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test-artifacts/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    settings: { react: { version: "18" } },
    rules: {
      // tsc (npm run lint runs it first) knows every global; eslint's no-undef does not.
      "no-undef": "off",
      // A zod schema and its inferred type share a name, which TypeScript allows.
      "no-redeclare": "off",
      // tsc reports unused names (noUnusedLocals/Parameters); eslint misreads parameter names in types.
      "no-unused-vars": "off",
      // The automatic JSX runtime needs no React in scope.
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // What the pages run must exist in the oldest webview .browserslistrc names (Safari 14.1,
    // Chromium 84): built-ins no transpiler adds are refused here, before a build
    // (test/project/targets.test.ts checks the emitted bundles too).
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", { name: "structuredClone", message: "Safari 15.4+: copy explicitly (grid.ts copyGrid)." }],
      "no-restricted-properties": [
        "error",
        { object: "Object", property: "hasOwn", message: "Safari 15.4+: use Object.prototype.hasOwnProperty.call." },
        { object: "Object", property: "groupBy", message: "Safari 17.4+." },
        { object: "Promise", property: "any", message: "Chromium 85+." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(replaceAll|toSorted|toReversed|toSpliced|findLast|findLastIndex)$/], CallExpression[callee.property.name='at'][arguments.length=1]",
          message: "Not in the oldest webview SRS supports (Safari 14.1 / Chromium 84): see .browserslistrc.",
        },
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", __filename: "readonly", console: "readonly", URL: "readonly" },
    },
  },
];
