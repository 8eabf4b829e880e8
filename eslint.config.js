// `npm run lint` (with knip for dead code). Type-checked rules run against the three tsconfigs
// that tsconfig.json references; plain JavaScript files sit in none of them.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      ".wrangler/",
      ".bench/",
      ".ci-out/",
      "test-results/",
      "playwright-report/",
      "migrations/",
      "worker-configuration.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The tree names a deliberately unused binding `_x` (omitted fields, unused parameters).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["web/**/*.{ts,tsx}", "tests/web/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    rules: {
      // Tests read JSON answers (`await res.json()`) as `any` by design: the assertions are the
      // type check there, so the no-unsafe-* family would only add casts.
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // The same answers are typed `any` where a test names them, for the same reason.
      "@typescript-eslint/no-explicit-any": "off",
      // Stubs implement async interfaces (fetch, load, act callbacks) without awaiting anything.
      "@typescript-eslint/require-await": "off",
      // Fetch mocks receive the URL and body the app sent, as strings: String() only narrows
      // RequestInfo and BodyInit for the assertion.
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
);
