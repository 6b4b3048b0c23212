/* Preloaded (node -r) into a spawned srs: its peak memory, as the OS counts it, on stderr at exit. */
process.on("exit", () => process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`));
