// @ts-check
import fs from "node:fs";
import path from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import globals from "globals";

const root = import.meta.dirname;
const web = "apps/web/src";
/** The web app's features (bulletproof-react): each its own folder, none importing another. */
const webFeatures = fs
  .readdirSync(path.join(root, web, "features"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const server = "apps/server/src";
/** The server's modules (the product's parts): each reached by others through its index.ts. */
const serverModules = fs
  .readdirSync(path.join(root, server, "modules"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/dist/**", "data/**", "coverage/**", "e2e/test-results/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The queue domain stays pure: no server, web, database, network or environment access.
    files: ["packages/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/apps/**", "@equeue/server*", "@equeue/web*"],
              message: "core must not depend on the apps",
            },
            {
              group: ["kysely*", "pg", "@electric-sql/*", "fastify*", "socket.io*", "node:*"],
              message: "core is pure: pass adapters in",
            },
            {
              group: ["zod", "@equeue/contracts/*"],
              allowTypeImports: true,
              message: "core speaks the contracts' enumerations, not their zod schemas",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "core reads no environment" }],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // Imports resolve as the bundler and tsx do (extensionless relative paths, package exports).
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": importX.flatConfigs.typescript.settings["import-x/extensions"],
      "import-x/parsers": importX.flatConfigs.typescript.settings["import-x/parsers"],
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".json"],
          conditionNames: ["import", "default"],
        }),
      ],
    },
    rules: {
      // A cycle makes load order matter and hides which module owns what.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // The contracts' root entry is loaded by the kiosk and board: no zod there, except as types.
    files: ["packages/contracts/src/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["zod", "./schemas/*", "./schemas"],
              allowTypeImports: true,
              message: "the root entry of @equeue/contracts carries no zod: import types only",
            },
          ],
        },
      ],
    },
  },
  {
    // Zones of the web app (bulletproof-react): app → features → lib / components.
    files: [`${web}/**/*.{ts,tsx}`],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: [
            ...webFeatures.map((feature) => ({
              target: `${web}/features/${feature}`,
              from: `${web}/features`,
              except: [`./${feature}`],
              message:
                "features do not import each other: move what both need to lib/ or components/, or compose them in app/",
            })),
            {
              target: [`${web}/features`, `${web}/lib`, `${web}/components`],
              from: `${web}/app`,
              message: "app/ composes features; features, lib/ and components/ never import it",
            },
            {
              target: [`${web}/lib`, `${web}/components`],
              from: `${web}/features`,
              message: "lib/ and components/ are shared: they depend on no feature",
            },
          ],
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/src/**", "@equeue/server", "@equeue/server/*"],
              message:
                "the web talks to the server over HTTP and sockets; shared shapes live in @equeue/contracts",
            },
            {
              group: ["zod", "@equeue/contracts/schemas"],
              allowTypeImports: true,
              message:
                "no zod in the browser bundles: import the contracts' types, not their schemas",
            },
          ],
        },
      ],
    },
  },
  {
    // A server module is reached through its entry (index.ts); its other files are its own.
    // Tests may reach inside what they test; the composition root (app.ts, app-context.ts) wires
    // the modules' routes and workers and sits outside modules/.
    files: [`${server}/modules/**/*.ts`],
    ignores: ["**/*.test.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: serverModules.map((mod) => ({
            target: `${server}/modules/${mod}`,
            from: `${server}/modules/!(${mod})/**`,
            except: [`${root}/${server}/modules/*/index.ts`],
            message: `import another module through its entry ("../<module>"), not its files`,
          })),
        },
      ],
    },
  },
  {
    // The test kit (exported as @equeue/server/testing, used by bench/ and e2e/) reaches the
    // modules through their entries too; only the composition root (app.ts, app-context.ts,
    // platform.ts, entries/, demo/) wires modules' inner files.
    files: [`${server}/testing/**/*.ts`],
    ignores: ["**/*.test.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: [
            {
              target: `${server}/testing`,
              from: `${server}/modules/*/**`,
              except: [`${root}/${server}/modules/*/index.ts`],
              message: `import a module through its entry ("../modules/<module>"), not its files`,
            },
          ],
        },
      ],
    },
  },
  {
    // bench/ and e2e/ reach the server and the packages through their package exports only.
    files: ["bench/**/*.ts", "e2e/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/apps/**", "**/packages/**"],
              message:
                "import the package (@equeue/server/platform, /db, /queue, /booking, /testing, @equeue/core, @equeue/contracts), not its files",
            },
          ],
        },
      ],
    },
  },
);
