/**
 * Excel limited to ExcelApi 1.1, the only Excel set of volume-licensed Excel 2016 (Microsoft's
 * "Excel JavaScript API requirement sets": ExcelApi 1.1 "Office 2016: Version 1509 (Build
 * 4266.1001)"; office-js-docs "Office Add-in host and platform availability": "The build number
 * for Office 2016 installed via MSI is 16.0.4266.1001. This version only contains the ExcelApi
 * 1.1, WordApi 1.1, and common API requirement sets"). It exposes only members the reference
 * ([d.ts] node_modules/@types/office-js/index.d.ts) marks [Api set: ExcelApi 1.1] — anything else
 * is undefined, so a call to it fails as on that Excel — over the Excel double (excel-mock.ts),
 * whose documented behaviour (loads readable only after their request, a failing action failing
 * the request, protection refusing formats, a cell without fill read as #FFFFFF) it keeps:
 *   Workbook.worksheets; WorksheetCollection.items/load/getItem/getActiveWorksheet;
 *   Worksheet.name/id/visibility/load/activate/getRange/getUsedRange() (its valuesOnly argument is
 *   ExcelApi 1.2: dropped); Range.values/numberFormat/rowIndex/columnIndex/load/select/format;
 *   RangeFormat.fill; RangeFill.color (read and set), load, clear().
 * Office: onReady, HostType, context.displayLanguage, context.requirements.isSetSupported (ExcelApi 1.1 and nothing newer),
 * context.document.settings (the common Settings API: get gives null for a name not set, set,
 * remove, saveAsync(callback)), AsyncResultStatus.
 * `adopt` copies what the host answers into the caller's realm (a vm context's own arrays), as
 * Office.js builds its answers in the page from the host's JSON.
 */
import { Book, excelContext, MemoryStore } from "./excel-mock";

export interface Excel11 {
  Excel: { run: (...args: unknown[]) => Promise<unknown> };
  Office: Record<string, unknown>;
  /** The sheet shown, by name or id. */
  active: { key: string };
  /** Each Range.select that reached Excel: sheet (as asked for) and address. */
  selected: { sheet: string; cell: string }[];
}

type Ctx = ReturnType<typeof excelContext>["context"];
type Any = Record<string, any>;

export function excel11(
  book: Book,
  store: MemoryStore,
  adopt: <T>(v: T) => T = (v) => v,
  displayLanguage = "zh-CN"
): Excel11 {
  const first = [...book.sheets.keys()][0];
  const active = { key: first };
  const selected: Excel11["selected"] = [];

  function contextOf(ctx: Ctx) {
    const inner = ctx as unknown as Any;
    const fill = (sheetKey: string, address: string) => {
      let props: Any | undefined;
      const f = {
        load(what: string) {
          if (String(what).trim() !== "color")
            throw new TypeError(`RangeFill.${what} is not in ExcelApi 1.1`);
          // Read through the double's own cell properties (the host's side of the wire).
          props = inner.workbook.worksheets
            .getItem(sheetKey)
            .getRange(address)
            .getCellProperties({ format: { fill: { color: true } } });
          return f;
        },
        get color(): string {
          if (!props)
            throw Object.assign(new Error("color not loaded"), { code: "PropertyNotLoaded" });
          // The double's own answer, read after its request (the rule cannot see that sync).
          // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
          return props.value[0][0].format.fill.color;
        },
        set color(c: string) {
          inner.workbook.worksheets.getItem(sheetKey).getRanges(address).format.fill.color = c;
        },
        clear() {
          inner.workbook.worksheets.getItem(sheetKey).getRanges(address).format.fill.clear();
        },
      };
      return f;
    };
    const range = (sheetKey: string, r: Any, address?: string) => {
      const out = {
        load(props: string) {
          const allowed = [
            "values",
            "numberFormat",
            "rowIndex",
            "columnIndex",
            "address",
            "rowCount",
            "columnCount",
            "formulas",
          ];
          for (const p of String(props).split(","))
            if (!allowed.includes(p.trim()))
              throw new TypeError(`Range.${p} is not in ExcelApi 1.1`);
          r.load(props);
          return out;
        },
        get values() {
          return adopt(r.values);
        },
        get numberFormat() {
          return adopt(r.numberFormat);
        },
        get rowIndex() {
          return r.rowIndex;
        },
        get columnIndex() {
          return r.columnIndex;
        },
        select() {
          if (!address) throw new TypeError("select() on a used range is not modelled");
          r.select();
          selected.push({ sheet: sheetKey, cell: address });
        },
        format: address ? { fill: fill(sheetKey, address) } : {},
      };
      return out;
    };
    const sheet = (key: string, ws: Any) => {
      const out = {
        load(props: string) {
          for (const p of String(props).split(","))
            if (!["name", "id", "visibility"].includes(p.trim()))
              throw new TypeError(`Worksheet.${p} is not in ExcelApi 1.1`);
          ws.load(props);
          return out;
        },
        get name() {
          return ws.name;
        },
        get id() {
          return ws.id;
        },
        get visibility() {
          return ws.visibility;
        },
        activate() {
          ws.activate();
          active.key = key;
        },
        getRange: (address: string) => range(key, ws.getRange(address), address),
        getUsedRange: () => range(key, ws.getUsedRange()),
      };
      return out;
    };
    const worksheets = {
      load(props: string) {
        for (const p of String(props).split(","))
          if (!["items/name", "items/id", "items/visibility"].includes(p.trim()))
            throw new TypeError(`WorksheetCollection.${p} is not in ExcelApi 1.1`);
        inner.workbook.worksheets.load(props);
        return worksheets;
      },
      get items() {
        return (inner.workbook.worksheets.items as Any[]).map((ws) => sheet(ws.id, ws));
      },
      getItem: (key: string) => sheet(key, inner.workbook.worksheets.getItem(key)),
      getActiveWorksheet: () => sheet(active.key, inner.workbook.worksheets.getItem(active.key)),
    };
    return { workbook: { worksheets }, sync: () => ctx.sync() };
  }

  const Excel = {
    // Excel.run(batch), or Excel.run(options, batch): options are Office.js's, not the host's.
    run(a: unknown, b?: unknown) {
      const batch = (typeof a === "function" ? a : b) as (c: unknown) => Promise<unknown>;
      const { context } = excelContext(book, undefined, { platform: "windows" });
      return Promise.resolve().then(() => batch(contextOf(context)));
    },
  };

  const settings = {
    get: (name: string) => {
      const v = store.get(name);
      return v === undefined ? null : adopt(v);
    },
    set: (name: string, value: unknown) => store.set(name, value),
    remove: (name: string) => store.remove(name),
    saveAsync: (callback?: (r: { status: string }) => void) => {
      void store.save().then(() => callback?.({ status: "succeeded" }));
    },
  };
  const Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "PC" };
      setTimeout(() => callback?.(info));
      return Promise.resolve(info);
    },
    context: {
      displayLanguage,
      requirements: {
        isSetSupported: (name: string, version = "1.1") =>
          name === "ExcelApi" && Number(version) <= 1.1,
      },
      document: { settings },
    },
  };
  return { Excel, Office, active, selected };
}
