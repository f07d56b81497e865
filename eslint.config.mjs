// office-addin-lint reads this file (it replaces the tool's default, which it extends).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const OFFICE_JS_RULES = [
  "office-addins/call-sync-after-load",
  "office-addins/call-sync-before-read",
  "office-addins/load-object-before-read",
  "office-addins/no-context-sync-in-loop",
  "office-addins/no-empty-load",
  "office-addins/no-navigational-load",
  "office-addins/test-for-null-using-isNullObject",
];

// The office-addins block that defines the @typescript-eslint, office-addins and prettier plugins and their
// rules. It names only .js/.ts files; the pane is .tsx, so the same block (same plugin objects) is applied there.
const officeAddinsBlock = officeAddins.configs.recommended.find(
  (config) => config.plugins?.["office-addins"]
);

export default [
  { ignores: ["dist/**", "lib/**", "coverage/**", "test-results/**"] },
  ...officeAddins.configs.react,
  { ...officeAddinsBlock, files: ["**/*.tsx"] },
  {
    languageOptions: {
      parser: tsParser,
      parserOptions: {
        // Type information for the promise rules: each file's nearest tsconfig; the plain .js files (Node
        // scripts, the service worker, the webview check, test helpers) are in no tsconfig.
        projectService: {
          allowDefaultProject: ["scripts/*.js", "src/*/*.js", "test/*/*.js"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error: the user sees nothing and the sheet is half written.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // Destructuring a field out to keep the rest ({ dropped, ...kept }) is the idiom for "all but".
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // TypeScript checks names itself (and knows Node's and Office's globals).
      "no-undef": "off",
      // A zod schema and its inferred type share a name on purpose.
      "no-redeclare": "off",
      // The new JSX transform (tsconfig "jsx": "react-jsx") needs no React in scope.
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The Office.js rules read ExcelJS cells as Office.js proxies; only the Office adapters use Office.js.
    files: ["src/core/**", "src/xlsx/**", "src/cli/**"],
    rules: Object.fromEntries(OFFICE_JS_RULES.map((rule) => [rule, "off"])),
  },
];
