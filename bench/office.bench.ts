/*
 * Office requests and payload per operation, on the instrumented host double, next to the same
 * work done one request per cell. Run by `npm run bench` (through jest: the double is TypeScript
 * over office-addin-mock); prints one JSON line per operation.
 */
import { checkWorkbook, consolidate, highlight, qtotalWave } from "../test/helpers/office-ops";

const kb = (n: number) => Math.round(n / 1024);

it("Office requests per operation", async () => {
  for (const op of [checkWorkbook, highlight, consolidate, qtotalWave]) {
    const { name, cells, ours, perCell } = await op();
    process.stdout.write(
      JSON.stringify({
        name,
        cells,
        requests: ours.requests,
        sent_kb: kb(ours.sent),
        received_kb: kb(ours.received),
        largest_request_kb: kb(ours.largest),
        per_cell_requests: perCell.requests,
        per_cell_sent_kb: kb(perCell.sent),
        per_cell_received_kb: kb(perCell.received),
      }) + "\n"
    );
  }
});
