/**
 * Sheets dropped from or renamed in a saved workbook's own parts, as Excel would: the page's
 * download must be the workbook the user sees (a replaced copy set aside as "…（上次）", an old
 * 明细 gone), with every other part as it was. A sheet's defined names go with it (print titles,
 * print area), later sheets' local names keep pointing at their own sheet, a reference to a
 * dropped sheet becomes #REF! as Excel makes it. Formulas in cells are not rewritten.
 */
import { attr, dropCalcChain, type Parts, partText, setPartText, xmlEncode } from "./parts";

const SHEET = /<((?:\w+:)?)sheet\b([^>]*?)\/>/g;
const DEFINED =
  /<((?:\w+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>|<(?:\w+:)?definedName\b[^>]*\/>/g;

/** What may stand before a bare sheet name in a formula; a bare name never starts with one. */
const BEFORE_BARE = "[\\s=,(+\\-*/&:;{]";
/**
 * A sheet's name before "!" in a defined name's XML text: quoted ('It''s', quotes maybe &apos;) or
 * bare, a bare one with the character before it (no lookbehind: Safari before 16.4 cannot parse
 * one), which `lead` gives back.
 */
const refPattern = (name: string) => {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const q = "(?:'|&apos;)";
  const quoted = xmlEncode(name).split("'").map(escape).join(`${q}${q}`);
  return `(?:${q}${quoted}${q}|(?:^|${BEFORE_BARE})${escape(xmlEncode(name))})!`;
};
const LEAD = new RegExp(`^${BEFORE_BARE}`);
/** The character a match of refPattern took from before a bare name ("&apos;" opens a quoted one). */
const lead = (ref: string) => (!ref.startsWith("&apos;") && LEAD.test(ref) ? ref[0] : "");
const CELLS =
  "(?:\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?|\\$?[A-Z]{1,3}:\\$?[A-Z]{1,3}|\\$?\\d+:\\$?\\d+)";
const quote = (name: string) => `'${xmlEncode(name.replace(/'/g, "''"))}'`;

function edit(parts: Parts, name: string, change: (text: string) => string) {
  const text = partText(parts, name);
  if (text !== undefined) setPartText(parts, name, change(text));
}

/** The workbook's sheet tags in tab order: name and relationship id. */
function sheetTags(book: string) {
  return [...book.matchAll(SHEET)].map((m) => ({
    tag: m[0],
    name: attr(m[2], "name") ?? "",
    rel: /\s\w+:id="([^"]*)"/.exec(m[2])?.[1] ?? "",
  }));
}

/** Drops these sheets: their entry, part, relationships, the parts only they used, their names. */
export function dropSheets(parts: Parts, names: string[]): void {
  if (!names.length) return;
  const gone = new Set(names);
  let book = partText(parts, "xl/workbook.xml")!;
  const tags = sheetTags(book);
  // Index before → index after (undefined: dropped), for localSheetId and the active tab.
  const index = new Map<number, number | undefined>();
  let kept = 0;
  tags.forEach((t, i) => index.set(i, gone.has(t.name) ? undefined : kept++));
  for (const t of tags) if (gone.has(t.name)) book = book.replace(t.tag, "");
  book = book.replace(DEFINED, (whole, p: string, attrs: string, text: string) => {
    if (attrs === undefined) return whole;
    const local = attr(attrs, "localSheetId");
    if (local !== undefined) {
      const now = index.get(Number(local));
      if (now === undefined) return "";
      attrs = attrs.replace(/localSheetId="\d+"/, `localSheetId="${now}"`);
    }
    for (const n of gone)
      text = text.replace(new RegExp(refPattern(n) + CELLS, "g"), (ref) => `${lead(ref)}#REF!`);
    return `<${p}definedName${attrs}>${text}</${p}definedName>`;
  });
  book = book.replace(/<((?:\w+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, "");
  book = book.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (_, a: string, n: string) => {
    const now = index.get(Number(n));
    return `${a}="${now ?? 0}"`;
  });
  setPartText(parts, "xl/workbook.xml", book);

  const rels = "xl/_rels/workbook.xml.rels";
  const ids = new Set(tags.filter((t) => gone.has(t.name)).map((t) => t.rel));
  const targets: string[] = [];
  edit(parts, rels, (text) =>
    text.replace(/<(?:\w+:)?Relationship\b([^>]*)\/>/g, (whole, a: string) => {
      if (!ids.has(attr(a, "Id") ?? "")) return whole;
      targets.push(resolve("xl/workbook.xml", attr(a, "Target") ?? ""));
      return "";
    })
  );
  targets.forEach((t) => dropPart(parts, t));
  dropCalcChain(parts); // it names cells by sheet id
  editApp(parts, (title) => (gone.has(sheetOfTitle(title)) ? undefined : title));
}

/** Renames sheets (old name → new): their entry, the names referring to them, app.xml's titles. */
export function renameSheets(parts: Parts, renames: Map<string, string>): void {
  if (!renames.size) return;
  edit(parts, "xl/workbook.xml", (book) => {
    for (const t of sheetTags(book)) {
      const to = renames.get(t.name);
      if (to !== undefined)
        book = book.replace(t.tag, t.tag.replace(/\sname="[^"]*"/, ` name="${xmlEncode(to)}"`));
    }
    // One pass over each name's text, so two sheets trading names trade their references too.
    const any = new RegExp([...renames.keys()].map(refPattern).join("|"), "g");
    return book.replace(DEFINED, (whole, p: string, attrs: string, text: string) =>
      attrs === undefined
        ? whole
        : `<${p}definedName${attrs}>${text.replace(any, (ref) => `${lead(ref)}${quote(renames.get(nameOfRef(ref.slice(lead(ref).length)))!)}!`)}</${p}definedName>`
    );
  });
  editApp(parts, (title) => {
    const sheet = sheetOfTitle(title);
    const to = renames.get(sheet);
    if (to === undefined) return title;
    return title === sheet ? to : `${to}${title.slice(title.lastIndexOf("!"))}`;
  });
}

/** "'It''s'!" or "Plain!" (as in the XML) → the sheet's name. */
function nameOfRef(ref: string): string {
  const bare = ref.slice(0, -1).replace(/&apos;/g, "'");
  const name = bare.startsWith("'") ? bare.slice(1, -1).replace(/''/g, "'") : bare;
  return name
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** app.xml lists sheets by name and defined names as "Sheet!Print_Titles". */
const sheetOfTitle = (title: string) => {
  const at = title.lastIndexOf("!");
  if (at < 0) return title;
  const s = title.slice(0, at);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
};

/**
 * docProps/app.xml's titles, each kept, changed or dropped (undefined), its headings' counts
 * following (Worksheets 3 → 2).
 */
function editApp(parts: Parts, change: (title: string) => string | undefined) {
  edit(parts, "docProps/app.xml", (app) => {
    const pairs =
      /<HeadingPairs>\s*<vt:vector\b[^>]*>([\s\S]*?)<\/vt:vector>\s*<\/HeadingPairs>/.exec(app);
    const titles =
      /<TitlesOfParts>\s*<vt:vector\b[^>]*>([\s\S]*?)<\/vt:vector>\s*<\/TitlesOfParts>/.exec(app);
    if (!pairs || !titles) return app;
    const heads = [
      ...pairs[1].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>[\s\S]*?<vt:i4>(\d+)<\/vt:i4>/g),
    ].map((m) => ({ head: m[1], count: Number(m[2]) }));
    const list = [...titles[1].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    const out: string[] = [];
    let at = 0;
    for (const h of heads) {
      const mine = list.slice(at, at + h.count);
      at += h.count;
      const now = mine.flatMap((t) => {
        const c = change(decode(t));
        return c === undefined ? [] : [xmlEncode(c)];
      });
      h.count = now.length;
      out.push(...now);
    }
    const vector = (items: string[], type: string) =>
      `<vt:vector size="${items.length}" baseType="${type}">${items.join("")}</vt:vector>`;
    const live = heads.filter((h) => h.count > 0);
    return app
      .replace(
        pairs[0],
        `<HeadingPairs>${vector(
          live.map(
            (h) =>
              `<vt:variant><vt:lpstr>${h.head}</vt:lpstr></vt:variant><vt:variant><vt:i4>${h.count}</vt:i4></vt:variant>`
          ),
          "variant"
        )}</HeadingPairs>`
      )
      .replace(
        titles[0],
        `<TitlesOfParts>${vector(
          out.map((t) => `<vt:lpstr>${t}</vt:lpstr>`),
          "lpstr"
        )}</TitlesOfParts>`
      );
  });
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** A relationship's target as a part name. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const path = from.split("/").slice(0, -1);
  for (const seg of target.split("/"))
    if (seg === "..") path.pop();
    else if (seg !== ".") path.push(seg);
  return path.join("/");
}

const relsOf = (part: string) => {
  const at = part.lastIndexOf("/");
  return `${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`;
};

/** A part, its relationships, and the parts it alone pointed to (a sheet's drawing, comments, tables). */
function dropPart(parts: Parts, part: string) {
  if (!parts[part]) return;
  const own = partText(parts, relsOf(part)) ?? "";
  delete parts[part];
  delete parts[relsOf(part)];
  edit(parts, "[Content_Types].xml", (text) =>
    text.replace(
      new RegExp(
        `<(?:\\w+:)?Override\\b[^>]*PartName="/${part.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`
      ),
      ""
    )
  );
  for (const m of own.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/>/g)) {
    if (attr(m[1], "TargetMode") === "External") continue;
    const target = resolve(part, attr(m[1], "Target") ?? "");
    if (!usedElsewhere(parts, target)) dropPart(parts, target);
  }
}

/** Whether a relationship still left in the package points to the part. */
function usedElsewhere(parts: Parts, target: string): boolean {
  for (const name of Object.keys(parts)) {
    if (!name.endsWith(".rels")) continue;
    const from = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    for (const m of (partText(parts, name) ?? "").matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/>/g))
      if (
        attr(m[1], "TargetMode") !== "External" &&
        resolve(from, attr(m[1], "Target") ?? "") === target
      )
        return true;
  }
  return false;
}
