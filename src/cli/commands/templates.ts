import { allTemplates } from "../../rules/templates/catalog";

/** srs templates [--json] */
export function templatesCommand(json: boolean): string {
  const list = allTemplates().map((t) => ({
    id: t.id,
    title: t.title,
    shortTitle: t.shortTitle,
    issuer: t.edition.issuer,
    year: t.edition.year,
  }));
  if (json) return JSON.stringify(list, null, 2);
  const width = Math.max(...list.map((t) => t.id.length));
  return list.map((t) => `${t.id.padEnd(width)}  ${t.title}`).join("\n");
}
