/**
 * The WPS double does what WPS's object model is documented to do (test/helpers/wps-mock.ts cites
 * each source): a test of the adapter on it guards something only if it is this strict.
 */
import { cellOf, fillOf, wpsApp, WpsError } from "../helpers/wps-mock";

const sheet = (name = "表1") => ({
  name,
  values: [
    ["单位", "数量"],
    ["朴里村", 3],
  ],
  merges: [],
});

describe("WPS host double", () => {
  it("collections are 1-based and found by name in any case", () => {
    const app = wpsApp([sheet("甲"), sheet("Sheet乙")]);
    const ws = app.ActiveWorkbook.Worksheets;
    expect(ws.Count).toBe(2);
    expect(ws.Item(1).Name).toBe("甲");
    expect(() => ws.Item(0)).toThrow(WpsError);
    expect(ws.Item("sheet乙").Name).toBe("Sheet乙");
    expect(() => ws.Item("丙")).toThrow(WpsError);
  });

  it("Value2: a scalar for one cell, rows for several, undefined for an empty cell, dates as serials", () => {
    const app = wpsApp([
      {
        ...sheet(),
        values: [
          ["2026-12-20", null],
          [1, "x"],
        ],
      },
    ]);
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    expect(ws.Range("A2").Value2).toBe(1);
    expect(ws.Range("B1").Value2).toBeUndefined();
    expect(ws.Range("A1:B2").Value2).toEqual([
      [46376, undefined],
      [1, "x"],
    ]);
    expect(ws.Range("A1").NumberFormat).toBe("yyyy/m/d");
  });

  it("NumberFormat and MergeCells read null over a mix; MergeArea works on one cell only", () => {
    const app = wpsApp([
      { ...sheet(), merges: [{ top: 0, left: 0, bottom: 0, right: 1 }], formats: { B2: "0.00" } },
    ]);
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    expect(ws.Range("A1:B2").NumberFormat).toBeNull();
    expect(ws.Range("A2").NumberFormat).toBe("General");
    expect(ws.Range("A1:B1").MergeCells).toBe(true);
    expect(ws.Range("A1:B2").MergeCells).toBeNull();
    expect(ws.Range("A2:B2").MergeCells).toBe(false);
    expect(ws.Range("B1").MergeArea.Address(false, false)).toBe("A1:B1");
    expect(ws.Range("A2").MergeArea.Address()).toBe("$A$2");
    expect(() => ws.Range("A1:B1").MergeArea).toThrow(WpsError);
  });

  it("writing as if typed: '=' a formula, '0595' a number, text kept in a text cell, a formula computed", () => {
    const app = wpsApp([sheet()]);
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    ws.Range("C1").Value2 = "0595";
    expect(ws.Range("C1").Value2).toBe(595);
    ws.Range("C2").NumberFormat = "@";
    ws.Range("C2").Value2 = "=B2";
    expect(ws.Range("C2").Value2).toBe("=B2");
    ws.Range("C3").Formula = "=SUM(B2,'表1'!B2,4)";
    expect(cellOf(app, "表1", "C3")).toMatchObject({ value: 10, formula: "=SUM(B2,'表1'!B2,4)" });
    expect(ws.Range("B2").Formula).toBe("3");
    ws.Range("C4").Formula = "=SRS.QTOTAL()";
    expect(ws.Range("C4").Value2).toBe("#NAME?");
    expect(() => (ws.Range("A1:B1").Value2 = [[1, 2, 3]])).toThrow(WpsError);
  });

  it("a protected sheet refuses values in locked cells and formats unless allowed; Unprotect needs its password", () => {
    const app = wpsApp([
      {
        ...sheet(),
        protection: { password: "pw", options: { AllowFormattingCells: false } },
        unlocked: ["B2"],
      },
    ]);
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    ws.Range("B2").Value2 = 5; // unlocked
    expect(() => (ws.Range("A2").Value2 = "x")).toThrow(WpsError);
    expect(ws.Range("A2").Value2).toBe("朴里村");
    expect(() => (ws.Range("B2").Interior.Color = 255)).toThrow(WpsError);
    expect(() => ws.Unprotect()).toThrow(/would ask the user/);
    expect(() => ws.Unprotect("")).toThrow(WpsError);
    expect(ws.ProtectContents).toBe(true);
    ws.Unprotect("pw");
    expect(ws.ProtectContents).toBe(false);
  });

  it("Interior.Color is BGR and fills solid; xlPatternNone clears; Select needs the sheet active; Delete asks unless alerts are off", () => {
    const app = wpsApp([sheet("甲"), sheet("乙")]);
    const [a, b] = [1, 2].map((i) => app.ActiveWorkbook.Worksheets.Item(i));
    a.Range("A1").Interior.Color = 0x0000ff; // red in BGR
    expect(fillOf(app, "甲", "A1")).toBe("#FF0000");
    expect(a.Range("A1").Interior.Pattern).toBe(1);
    a.Range("A1").Interior.Pattern = -4142;
    expect(fillOf(app, "甲", "A1")).toBeUndefined();
    expect(() => b.Range("A1").Select()).toThrow(WpsError);
    b.Activate();
    b.Range("B2").Select();
    expect(app.ActiveCell!.Address(false, false)).toBe("B2");
    expect(() => a.Delete()).toThrow(/would ask/);
    app.DisplayAlerts = false;
    a.Delete();
    expect(app.ActiveWorkbook.Worksheets.Count).toBe(1);
  });

  it("custom document properties hold at most 255 characters of text, one name once", () => {
    const props = wpsApp([sheet()]).ActiveWorkbook.CustomDocumentProperties;
    props.Add("a", false, 4, "x".repeat(255));
    expect(() => props.Add("A", false, 4, "y")).toThrow(WpsError);
    expect(() => props.Add("b", false, 4, "x".repeat(256))).toThrow(WpsError);
    expect(props.Item(1).Name).toBe("a");
    expect(() => props.Item("c")).toThrow(WpsError);
  });
});
