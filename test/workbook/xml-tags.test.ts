/**
 * The structure scan's tag walker gives exactly the matches of the regular expression it replaced,
 * on real parts and on random markup full of the cases that expression treats oddly: "<" inside
 * attributes, quotes left open, names that are no names, comments, prefixes, "<" at the end.
 */
import { unzipSync, strFromU8 } from "fflate";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { eachTag } from "../../src/workbook/xlsx/xml-tags";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { rng } from "../helpers/grids";

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>([^<]*)/g;

const byRegex = (xml: string) =>
  [...xml.matchAll(TOKEN)].map((m) => [m[1] === "/", m[2], m[3], m[4]]);

function byWalker(xml: string) {
  const out: unknown[] = [];
  eachTag(xml, (close, name, nameEnd, gt, textEnd) =>
    out.push([close, xml.slice(name, nameEnd), xml.slice(nameEnd, gt), xml.slice(gt + 1, textEnd)])
  );
  return out;
}

it("reads a workbook's parts as the regular expression does", async () => {
  const report = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 5 });
  const parts = unzipSync(await layoutsToXlsx([{ ...report.layout, grid: report.grid }]));
  const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
  expect(names.length).toBeGreaterThan(5);
  for (const name of names) {
    const xml = strFromU8(parts[name]);
    const tags = byWalker(xml);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags).toEqual(byRegex(xml));
  }
});

it("reads random markup as the regular expression does", () => {
  // Tags and the pieces of markup the expression treats oddly, split on spaces (· a space).
  const pieces = [
    ..."<a <x:row </a> </x:row> <c·r=\"A1\"/> <v>1</v> ·r='2' < < > > / /> </ \" ' = · a row c x:c".split(
      " "
    ),
    ..."_n <_a> </_a> 1 . - : <!-- --> <?xml ?> <![CDATA[ ]]> =\"v\" ='v' =\"a>b\" ='<' 中 &amp; \t \n".split(
      " "
    ),
  ].map((p) => p.replace(/·/g, " "));
  const rand = rng(27);
  let tags = 0;
  for (let i = 0; i < 5000; i++) {
    const length = 1 + Math.floor(rand() * 40);
    const xml = Array.from({ length }, () => pieces[Math.floor(rand() * pieces.length)]).join("");
    const found = byWalker(xml);
    expect([xml, found]).toEqual([xml, byRegex(xml)]);
    tags += found.length;
  }
  // Most pieces of markup hold tags.
  expect(tags).toBeGreaterThan(10000);
});
