import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;

// findBy/waitFor give up after 1 s by default, which a loaded CI machine can exceed; 10 s still catches a hang.
configure({ asyncUtilTimeout: 10_000 });

// jsdom leaves out TextDecoder and TextEncoder, which browsers and Node have; the .xlsx sniffer
// reads zip names with one, file names are cut to a length in UTF-8 bytes with the other.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
