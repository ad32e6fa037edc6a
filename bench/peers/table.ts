import type { Result } from "../report.js";
import type { Peer } from "./peer.js";

interface Row {
  label: string;
  get?: number;
  post?: number;
  importMs?: number;
  gzipBytes?: number;
}

/**
 * The issue #13 comparison, one row per client, filled in by the peer stages of one run and
 * printed in the format, with the targets (pass/MISS and, for a MISS, what dominates).
 */
export class PeerTable {
  readonly #rows = new Map<string, Row>();
  readonly #targets: Result[] = [];
  readonly #footnotes: string[] = [];

  constructor(peers: readonly Peer[]) {
    for (const peer of peers) this.#rows.set(peer.key, { label: peer.label });
  }

  set(key: string, values: Omit<Row, "label">): void {
    const row = this.#rows.get(key);
    if (row === undefined) throw new Error(`no peer ${key} in the table`);
    Object.assign(row, values);
  }

  /** A target result of a peer stage, repeated under the table. */
  target(result: Result): Result {
    this.#targets.push(result);
    return result;
  }

  footnote(line: string): void {
    this.#footnotes.push(line);
  }

  format(): string {
    const header = [
      "client",
      "GET × bare fetch",
      "POST × bare fetch",
      "import, fresh process",
      `gzip bundle of "create one note"`,
    ];
    const rows = [...this.#rows].map(([key, row]) => [
      key.startsWith("facade") ? `**${row.label}**` : row.label,
      row.get === undefined ? "—" : row.get.toFixed(2),
      row.post === undefined ? "—" : row.post.toFixed(2),
      row.importMs === undefined ? "—" : `${row.importMs.toFixed(0)} ms`,
      row.gzipBytes === undefined ? "—" : `${(row.gzipBytes / 1000).toFixed(1)} kB`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
    const targets = this.#targets.map((t) => {
      const verdict = t.pass ? "pass" : "MISS";
      const note = t.note === undefined ? "" : `\n      ${t.note.replaceAll("\n", "\n      ")}`;
      return `${verdict}  ${t.name} (${t.target})${note}`;
    });
    return [
      line(header),
      line(widths.map((w) => "-".repeat(w))),
      ...rows.map(line),
      "",
      ...this.#footnotes,
      "",
      "Targets for this facade:",
      ...targets,
    ].join("\n");
  }
}
