/**
 * The recognized workbook, read once per recalculation wave: every custom-function
 * call of a wave shares one read (two requests) instead of one request per cell.
 */
import { type Recognition, recognizeSheet } from "../../rules/recognize";
import { mergesSupported, readAllSheets } from "./read-sheets";
import { runExcel } from "./run";

/** Calls arriving within this window after a read reuse it. */
const WAVE_MS = 1000;

let current: Promise<Recognition[]> | undefined;

export function recognizedWorkbook(
  read: () => Promise<Recognition[]> = readAndRecognize
): Promise<Recognition[]> {
  if (!current) {
    const p = read();
    current = p;
    p.then(
      () => setTimeout(() => current === p && (current = undefined), WAVE_MS),
      () => current === p && (current = undefined)
    );
  }
  return current;
}

/** Forget the last read (a sheet changed). */
export function invalidateWorkbook(): void {
  current = undefined;
}

function readAndRecognize(): Promise<Recognition[]> {
  return runExcel(async (context) =>
    (await readAllSheets(context, mergesSupported())).flatMap((g) => recognizeSheet(g))
  );
}
