import { allTemplates, getTemplate } from "../../rules/templates/catalog";
import { withAddinReference } from "../../workbook/addin-part";
import { templatesToXlsx } from "../../workbook/xlsx/write-layout";
import { UsageError } from "../args";
import { writeAtomic } from "../io";

/** srs template ID -o FILE.xlsx — the official blank layout of one template (or `all`, one sheet each). */
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
  const bytes = withAddinReference(await templatesToXlsx(templates.map((t) => t!)));
  await writeAtomic(out, bytes);
  return `已写出 ${out}`;
}
