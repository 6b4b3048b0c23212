const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

describe("functions.json (generated from JSDoc, as the build does)", () => {
  it("declares SRS.QTOTAL, PERIOD, DEADLINE and SINCE with zh-CN descriptions; QTOTAL, PERIOD and DEADLINE are volatile", async () => {
    const r = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(r.errors).toEqual([]);
    const fns = JSON.parse(r.metadataJson).functions;
    expect(fns.map((f: { id: string }) => f.id)).toEqual(["QTOTAL", "PERIOD", "DEADLINE", "SINCE"]);
    const qtotal = fns[0];
    // Volatile: a child sheet's edit recalculates the summary (the snapshot is re-read per wave).
    expect(qtotal.options).toEqual({ requiresAddress: true, volatile: true });
    expect(qtotal.description).toMatch(/下级单位/);
    expect(qtotal.parameters).toEqual([
      expect.objectContaining({ name: "unitType", optional: true, type: "string" }),
    ]);
    for (const f of fns) expect(f.options.requiresAddress).toBe(true);
    // PERIOD and DEADLINE answer from today's date: recomputed on every recalculation, so a
    // workbook opened next quarter does not show last quarter's period.
    const volatile = fns.filter((f: { options: { volatile?: boolean } }) => f.options.volatile);
    expect(volatile.map((f: { id: string }) => f.id)).toEqual(["QTOTAL", "PERIOD", "DEADLINE"]);
  });
});
