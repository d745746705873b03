import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Dependencies point one way (README, "What may import what"). Each folder lists the folders it must not
// import, by alias or by a relative path that climbs out of it.
function mayNotImport(files, folders, message, ignores = []) {
  const regex = `^(@/|(\\.\\./)+)(${folders.join("|")})(/|$)`;
  return {
    files,
    ignores,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex, message }] }],
      // The same for import("…"), which no-restricted-imports does not see.
      "no-restricted-syntax": [
        "error",
        { selector: `ImportExpression[source.value=/${regex.replaceAll("/", "\\/")}/]`, message },
      ],
    },
  };
}
const testFiles = ["**/*.test.ts", "**/*.test.tsx"];

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  mayNotImport(
    ["lib/**/*.{ts,tsx}"],
    ["inngest", "app", "components", "tests", "simulators", "scripts", "e2e"],
    "lib/ runs in production and imports only lib/: move the shared code into lib/ instead.",
    testFiles,
  ),
  mayNotImport(
    ["lib/**/*.test.{ts,tsx}"],
    ["inngest", "app", "components", "scripts", "e2e"],
    "A test beside lib/ code may use tests/support and the simulators, nothing above lib/.",
  ),
  mayNotImport(
    ["inngest/**/*.ts"],
    ["app", "components", "tests", "simulators", "scripts", "e2e"],
    "inngest/ holds the functions and imports only lib/.",
  ),
  mayNotImport(
    ["components/**/*.{ts,tsx}"],
    ["app", "inngest", "tests", "simulators", "scripts", "e2e"],
    "components/ imports only lib/ (and i18n/config).",
  ),
  mayNotImport(
    ["app/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts", "i18n/**/*.ts"],
    ["tests", "simulators", "scripts", "e2e"],
    "The app never ships development infrastructure, tests or scripts.",
  ),
  mayNotImport(
    ["simulators/**/*.ts"],
    ["app", "components", "inngest", "tests", "scripts", "e2e"],
    "simulators/ stand in for outside services: they may read lib/ (and each other), nothing of the app.",
  ),
  mayNotImport(
    ["scripts/**/*.ts"],
    ["app", "components", "tests", "e2e"],
    "scripts/ use lib/, inngest/ and simulators/.",
  ),
];

export default config;
