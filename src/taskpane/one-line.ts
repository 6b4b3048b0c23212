/** What went wrong, in the one line a clerk reads: never a stack trace. */
export const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0];
