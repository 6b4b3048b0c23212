/**
 * src/rules imports form no circle: every module (type-only imports included) can be read from the
 * bottom up. The one place that knows SRS's own sheets (own-sheets.ts) is what keeps check.ts,
 * consolidation and the review modules from importing each other.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "../../src/rules");

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return modules(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function resolve(from: string, spec: string, files: Set<string>): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => files.has(f));
}

/** Every import circle: the strongly connected components of more than one module (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string;
    do part.push((w = stack.pop()!));
    while (w !== v);
    if (part.length > 1 || graph.get(v)!.includes(v)) found.push(part);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graphOf = (files: string[]) => {
  const set = new Set(files);
  return new Map(
    files.map((f) => [
      f,
      ts
        .preProcessFile(readFileSync(f, "utf8"), true, true)
        .importedFiles.map((i) => resolve(f, i.fileName, set))
        .filter((x): x is string => x !== undefined),
    ])
  );
};

test("no import circle in src/rules", () => {
  const files = modules(root);
  expect(files.length).toBeGreaterThan(50);
  const found = circles(graphOf(files)).map((c) => c.map((f) => path.relative(root, f)).sort());
  expect(found).toEqual([]);
});

test("the circle finder finds a circle through a type-only import", () => {
  const graph = new Map([
    ["check.ts", ["problem-list.ts"]],
    ["problem-list.ts", ["return.ts"]],
    ["return.ts", ["check.ts"]],
    ["grid.ts", []],
  ]);
  expect(circles(graph).map((c) => c.sort())).toEqual([
    ["check.ts", "problem-list.ts", "return.ts"],
  ]);
  const type = ts.preProcessFile('import type { Returned } from "./return";', true, true);
  expect(type.importedFiles.map((i) => i.fileName)).toEqual(["./return"]);
});
