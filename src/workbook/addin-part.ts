/**
 * The add-in reference a workbook carries so that Excel, with SRS installed, opens SRS's pane when
 * the workbook is opened: the web-extension and task-pane parts of "Automatically open a task pane
 * with a document" (Office Add-ins docs; [MS-OWEXML]). The manifest's ShowTaskpane action has the
 * TaskpaneId Office.AutoShowTaskpaneWithDocument that this reference asks for.
 *
 * The parts are added to a written .xlsx by rewriting its zip (xlsx/parts.ts).
 */
import { type Parts, partText, setPartText, unzipParts, xmlEncode, zipParts } from "./xlsx/parts";

/** The manifest's <Id> and <Version> (test/workbook/addin-part.test.ts keeps them in step). */
export const SRS_ADDIN = { id: "5b0c1f3e-7d2a-4c8e-9a61-3f2d8e4b7c19", version: "1.0.0.0" };

/**
 * Where Excel finds the add-in, which the reference must name as the deployment installed it
 * ("Automatically open a task pane with a document": storeType, store): otherwise Excel does not
 * match the reference to the installed add-in and the pane does not open.
 */
export interface AddinStore {
  store: string;
  storeType: "EXCatalog" | "Registry" | "FileSystem";
}

/** How to write SRS_ADDIN_STORE, in the one line a wrong value gets. */
export const ADDIN_STORE_FORMS = "centralized、sideload 或 share:\\\\服务器\\共享文件夹";

/**
 * The deployment's store, from SRS_ADDIN_STORE (set when building; the CLI reads it when run;
 * README, 部署): `centralized` (the default) for Centralized Deployment from the Microsoft 365
 * admin center, EXCatalog; `sideload` for a manifest sideloaded or registered on the computer,
 * Registry with store "developer"; `share:\\server\folder` for a network-share catalog (Trust
 * Center › Trusted Add-in Catalogs), FileSystem with the share's path as its store.
 */
export function addinStore(spec: string | undefined = process.env.SRS_ADDIN_STORE): AddinStore {
  const s = (spec ?? "").trim();
  if (s === "" || s === "centralized") return { store: "EXCatalog", storeType: "EXCatalog" };
  if (s === "sideload") return { store: "developer", storeType: "Registry" };
  const share = /^share:(\\\\[^\\]+\\.*)$/.exec(s);
  if (share) return { store: share[1], storeType: "FileSystem" };
  throw new Error(`SRS_ADDIN_STORE 为“${s}”：应为 ${ADDIN_STORE_FORMS}`);
}

const WE = "xl/webextensions/webextension1.xml";
const TP = "xl/webextensions/taskpanes.xml";
const TP_RELS = "xl/webextensions/_rels/taskpanes.xml.rels";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function addinParts(store: AddinStore): Record<string, string> {
  return {
    [WE]:
      XML +
      `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${SRS_ADDIN.id.toUpperCase()}}">` +
      `<we:reference id="${SRS_ADDIN.id}" version="${SRS_ADDIN.version}" store="${xmlEncode(store.store)}" storeType="${store.storeType}"/>` +
      "<we:alternateReferences/>" +
      '<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>' +
      "<we:bindings/>" +
      '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
      "</we:webextension>",
    // visibility="1": the pane opens the first time the workbook is opened, too.
    [TP]:
      XML +
      '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
      '<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">' +
      '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
      "</wetp:taskpane></wetp:taskpanes>",
    [TP_RELS]:
      XML +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>' +
      "</Relationships>",
  };
}

const CONTENT_TYPES =
  '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
  '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>';
const ROOT_REL =
  '<Relationship Id="rIdSrsTaskpanes" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>';

/** Adds SRS's add-in reference to a workbook's parts (nothing when it has one already). */
export function addAddinReference(parts: Parts, store: AddinStore = addinStore()): void {
  if (parts[WE]) return;
  const edit = (name: string, close: string, add: string) => {
    const text = partText(parts, name);
    if (text === undefined) throw new Error(`${name} missing: not an .xlsx`);
    setPartText(parts, name, text.replace(close, `${add}${close}`));
  };
  edit("[Content_Types].xml", "</Types>", CONTENT_TYPES);
  edit("_rels/.rels", "</Relationships>", ROOT_REL);
  for (const [name, text] of Object.entries(addinParts(store))) setPartText(parts, name, text);
}

/** The .xlsx with SRS's add-in reference added (unchanged if it has one already). */
export function withAddinReference(xlsx: Uint8Array, store: AddinStore = addinStore()): Uint8Array {
  const parts = unzipParts(xlsx);
  if (parts[WE]) return xlsx;
  addAddinReference(parts, store);
  return zipParts(parts);
}
