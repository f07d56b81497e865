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

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    rules: {
      // TypeScript checks names itself (and knows Node's and Office's globals).
      "no-undef": "off",
      // The TypeScript compiler reports unused names with noUnusedLocals.
      "no-unused-vars": "off",
      // A zod schema and its inferred type share a name on purpose.
      "no-redeclare": "off",
    },
  },
  {
    // The Office.js rules read ExcelJS cells as Office.js proxies; only the Office adapters use Office.js.
    files: ["src/core/**", "src/xlsx/**", "src/cli/**"],
    rules: Object.fromEntries(OFFICE_JS_RULES.map((rule) => [rule, "off"])),
  },
];
