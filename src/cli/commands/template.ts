import { mkdirSync, statSync } from "fs";
import path from "path";
import { allTemplates, getTemplate } from "../../rules/templates/catalog";
import type { Template } from "../../rules/templates/schema";
import { withAddinReference } from "../../workbook/addin-part";
import { templatesToXlsx } from "../../workbook/xlsx/write-layout";
import { UsageError } from "../args";
import { writeAtomic } from "../io";

/** A blank's file name in a folder: 南安市-季报表（一）.xlsx. */
export const blankFileName = (t: Template) => `${t.edition.issuer}-${t.shortTitle}.xlsx`;

/** -o names a folder when it ends in a slash or is one already. */
function isFolder(out: string): boolean {
  if (/[\\/]$/.test(out)) return true;
  try {
    return statSync(out).isDirectory();
  } catch {
    return false;
  }
}

/**
 * srs template ID -o FILE.xlsx — the official blank layout of one template (or `all`, one sheet
 * each); -o without .xlsx gets it, -o naming a folder gets a file a template in it.
 */
export async function templateCommand(
  id: string | undefined,
  out: string | undefined
): Promise<string> {
  if (!id)
    throw new UsageError(
      "请指明模板编号，例如：srs template nanan-2026-quarterly-1 -o 季报表一.xlsx（编号见 srs templates）"
    );
  if (!out) throw new UsageError("请用 -o 指定输出文件，例如 -o 季报表一.xlsx");
  const templates = id === "all" ? allTemplates() : [getTemplate(id)];
  if (!templates[0]) throw new UsageError(`没有编号为 ${id} 的模板（编号见 srs templates）`);
  // With SRS installed, Excel opens its pane with the file (the add-in reference).
  const write = async (file: string, list: Template[]) =>
    writeAtomic(file, withAddinReference(await templatesToXlsx(list)));
  if (!isFolder(out)) {
    const file = /\.xlsx$/i.test(out) ? out : `${out}.xlsx`;
    await write(file, templates as Template[]);
    return `已写出 ${file}`;
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch {
    throw new UsageError(`无法在 ${out} 建立文件夹（它是已有的文件，或没有写入权限）`);
  }
  const files: string[] = [];
  for (const t of templates as Template[]) {
    const file = path.join(out, blankFileName(t));
    await write(file, [t]);
    files.push(file);
  }
  return `已写出 ${files.length} 份表样到 ${out}：\n${files.map((f) => `  ${path.basename(f)}`).join("\n")}`;
}
