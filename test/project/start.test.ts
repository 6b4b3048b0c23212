const { plan, instructions } = require("../../tools/start.js");

describe("npm start", () => {
  it("sideloads only where Excel desktop is installed", () => {
    expect(plan("linux", () => true)).toBe("serve");
    expect(plan("darwin", (p: string) => p === "/Applications/Microsoft Excel.app")).toBe(
      "sideload"
    );
    expect(plan("darwin", () => false)).toBe("serve");
  });

  it("tells a machine without Excel how to sideload into Excel on the web", () => {
    const text = instructions(3000);
    expect(text).toContain("https://localhost:3000/taskpane.html");
    expect(text).toContain("https://localhost:3000/demo.html");
    expect(text).toContain("manifest.xml");
    expect(text).toMatch(/Excel 网页版/);
  });
});
