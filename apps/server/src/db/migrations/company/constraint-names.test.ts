import { describe, expect, it } from "vitest";
import { companyMigrations } from "./index";

// Citus refuses `ALTER TABLE … ADD COLUMN` with an unnamed CHECK, UNIQUE or foreign key on a
// distributed table (docs/citus.md), and every company table is one. Naming the constraint the
// way PostgreSQL would name it keeps the schema the same on both engines.
const CONSTRAINED = /\b(check|references|unique|primary key)\b/i;
const SUFFIX: Record<string, string> = {
  check: "check",
  references: "fkey",
  unique: "key",
  "primary key": "pkey",
};

function addedColumns(statement: string) {
  const table = /^\s*alter table "[^"]+"\.(\w+)/i.exec(statement)?.[1];
  if (!table) return [];
  return statement
    .split(/\badd column\b/i)
    .slice(1)
    .map((clause) => {
      const column = /^\s*(?:if not exists\s+)?(\w+)/i.exec(clause)![1]!;
      const kind = CONSTRAINED.exec(clause)?.[1]?.toLowerCase();
      return { table, column, clause, kind };
    });
}

describe("company migrations", () => {
  it("name every constraint of an added column as PostgreSQL would", () => {
    const unnamed: string[] = [];
    for (const m of companyMigrations) {
      for (const statement of m.statements('"t_demo"')) {
        for (const { table, column, clause, kind } of addedColumns(statement)) {
          if (!kind) continue;
          const name = `${table}_${column}_${SUFFIX[kind]}`;
          if (!new RegExp(`\\bconstraint ${name}\\b`, "i").test(clause))
            unnamed.push(`v${m.version} ${table}.${column}: expected "constraint ${name}"`);
        }
      }
    }
    expect(unnamed).toEqual([]);
  });
});
