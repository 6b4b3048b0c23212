/**
 * The parts of a new workbook with no sheet yet, written directly (no exceljs: loading it cost
 * srs consolidate half a second, writing 汇总说明's thousands of lines through its cell model more):
 * sheets go in with sheet-xml.ts addSheets, styles with cell-styles.ts. ECMA-376 Part 1 (SpreadsheetML)
 * and Part 2 (packaging); the same skeleton exceljs writes, less its theme and shared strings.
 */
import { type Parts, setPartText, xmlEncode } from "./parts";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-";

const types =
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="${CT}package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${CT}officedocument.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${CT}officedocument.spreadsheetml.styles+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="${CT}package.core-properties+xml"/>` +
  `<Override PartName="/docProps/app.xml" ContentType="${CT}officedocument.extended-properties+xml"/>` +
  `</Types>`;

const rels =
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  `</Relationships>`;

// addSheets counts each sheet into HeadingPairs and TitlesOfParts, as Excel keeps them.
const app =
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
  `<Application>SRS</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
  `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>0</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
  `<TitlesOfParts><vt:vector size="0" baseType="lpstr"></vt:vector></TitlesOfParts>` +
  `</Properties>`;

const core = (now: string) =>
  `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:creator>SRS</dc:creator><cp:lastModifiedBy>SRS</cp:lastModifiedBy>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
  `</cp:coreProperties>`;

// calcId older than any Excel's: Excel recalculates on opening (the cached values are exact).
const workbook =
  `<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
  `<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>` +
  `<calcPr calcId="171027"/></workbook>`;

const workbookRels =
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
  `</Relationships>`;

// The default style (index 0) and the two fills every workbook starts with.
const styles =
  `<styleSheet xmlns="${MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0"/>` +
  `</styleSheet>`;

/** A workbook of no sheets, made now (its core properties' time). */
export function newWorkbook(now = new Date()): Parts {
  const time = xmlEncode(now.toISOString().replace(/\.\d+Z$/, "Z"));
  const parts: Parts = {};
  for (const [name, text] of Object.entries({
    "[Content_Types].xml": types,
    "_rels/.rels": rels,
    "docProps/app.xml": app,
    "docProps/core.xml": core(time),
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": workbookRels,
    "xl/styles.xml": styles,
  }))
    setPartText(parts, name, XML + text);
  return parts;
}
