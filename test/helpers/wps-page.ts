/**
 * The WPS host double as a page script: wps-mock.ts (and the grid helpers it uses) compiled to
 * plain JS and run before the page's own scripts, so `window.Application` is there as WPS puts it
 * there. Fixtures travel as JSON.
 */
import { readFileSync } from "fs";
import path from "path";
import ts from "typescript";
import type { WpsFixture } from "./wps-mock";

const compile = (file: string) =>
  ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;

const GRID = path.join(__dirname, "../../src/rules/grid.ts");
const MOCK = path.join(__dirname, "wps-mock.ts");

/** The init script: window.Application is the double over these sheets (window.wpsDouble too). */
export function doubleScript(fixtures: WpsFixture[]): string {
  return `(() => {
  const sources = {
    grid: function (exports, require) { ${compile(GRID)} },
    mock: function (exports, require) { ${compile(MOCK)} },
  };
  const cache = {};
  const load = (name) => {
    if (cache[name]) return cache[name];
    const exports = (cache[name] = {});
    sources[name](exports, (p) => load(/grid$/.test(p) ? "grid" : "mock"));
    return exports;
  };
  const app = load("mock").wpsApp(${JSON.stringify(fixtures)});
  window.Application = app;
  window.wpsDouble = { app, fillOf: load("mock").fillOf, cellOf: load("mock").cellOf };
})();`;
}
