/** UI strings: zh-CN first, en-US where Office's display language is English. */
const zh = {
  title: "安全生产报表助手",
  recheck: "重新检查",
  checking: "正在读取工作簿…",
  noTemplate: "未识别为任何报表",
  nearest: "最接近",
  clean: "未发现问题",
  errors: "错误",
  warnings: "提示",
  readFailed: "读取工作簿失败",
  sheets: "工作表",
};
export type Strings = typeof zh;

const en: Strings = {
  title: "SRS report assistant",
  recheck: "Check again",
  checking: "Reading the workbook…",
  noTemplate: "Not a known report",
  nearest: "nearest",
  clean: "No problems found",
  errors: "errors",
  warnings: "warnings",
  readFailed: "Could not read the workbook",
  sheets: "Sheets",
};

export type Lang = "zh" | "en";
export const strings = (lang: Lang): Strings => (lang === "en" ? en : zh);
export const langOf = (displayLanguage: string | undefined): Lang =>
  displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh";
