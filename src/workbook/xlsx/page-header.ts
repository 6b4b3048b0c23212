/**
 * A sheet's page header (oddHeader) set or taken off in its own XML, the rest of the sheet as it
 * was: "未汇总：…" on a copy not summed (rules/consolidation/incomplete.ts).
 */
import { xmlEncode } from "./parts";

// Where <headerFooter> goes when a sheet has none: before the first of these (ECMA-376 order).
const AFTER_HEADER_FOOTER =
  /<(?:\w+:)?(?:rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/;

/** @param left the header's left section in Excel's codes; "" takes the odd-page header off. */
export function setPageHeader(xml: string, left: string): string {
  const p = /<((?:\w+:)?)worksheet\b/.exec(xml)?.[1] ?? "";
  const header = left ? `<${p}oddHeader>${xmlEncode(`&L${left}`)}</${p}oddHeader>` : "";
  const block = /<((?:\w+:)?)headerFooter\b([^>]*?)(\/>|>([\s\S]*?)<\/\1headerFooter>)/.exec(xml);
  if (block) {
    // oddHeader is the first child of headerFooter.
    const inner = (block[4] ?? "").replace(
      /<(\w+:)?oddHeader\b[^>]*(\/>|>[\s\S]*?<\/\1oddHeader>)/,
      ""
    );
    return xml.replace(
      block[0],
      `<${p}headerFooter${block[2]}>${header}${inner}</${p}headerFooter>`
    );
  }
  if (!left) return xml;
  const at = AFTER_HEADER_FOOTER.exec(xml)!;
  return `${xml.slice(0, at.index)}<${p}headerFooter>${header}</${p}headerFooter>${xml.slice(at.index)}`;
}
