/* A1 addresses: fromA1 reads a plain "C7" by character codes and anything else by the pattern;
   both must give what the pattern gives, and toA1 must be its inverse. */
import { columnLetters, fromA1, toA1 } from "../../src/rules/grid";

/** The pattern alone, as fromA1 read every address before. */
function byPattern(address: string): { row: number; col: number } | "throws" {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) return "throws";
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const attempt = (a: string) => {
  try {
    return fromA1(a);
  } catch {
    return "throws";
  }
};

it("reads what the pattern reads, and refuses what it refuses", () => {
  const fixed = [
    "A1",
    "C7",
    "XFD1048576",
    "AB12",
    "$B$3",
    "b3",
    " C7 ",
    "A0",
    "A",
    "7",
    "",
    "A1:B2",
    "AA01",
    "ZZZZ9",
    "A12345678901234567",
    "Ａ1",
    "A1 ",
    "A-1",
    "1A",
  ];
  let seed = 7;
  const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  const alphabet = "ABCZabz0189$ :-";
  const random = Array.from({ length: 5000 }, () =>
    Array.from({ length: 1 + rand(8) }, () => alphabet[rand(alphabet.length)]).join("")
  );
  for (const a of [...fixed, ...random]) expect([a, attempt(a)]).toEqual([a, byPattern(a)]);
});

it("is toA1's inverse", () => {
  for (const col of [0, 1, 25, 26, 27, 701, 702, 16383])
    for (const row of [0, 9, 1048575]) {
      expect(toA1(null, row, col)).toBe(`${columnLetters(col)}${row + 1}`);
      expect(fromA1(toA1(null, row, col))).toEqual({ row, col });
    }
});
