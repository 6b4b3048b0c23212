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
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", __filename: "readonly", console: "readonly", URL: "readonly" },
    },
  },
];
