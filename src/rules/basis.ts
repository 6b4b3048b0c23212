/** A column's counting basis in words, as stamps and explanations print it. */
import type { Basis } from "./templates/schema";

export function basisText(b: Basis): string {
  if (b.kind === "base") return `以${b.year}年底底数为基数`;
  const [y, m] = b.since.split("-").map(Number);
  return `${y}年${m}月以来累计`;
}
