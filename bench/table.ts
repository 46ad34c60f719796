/** What every benchmark returns: one table, printed by bench/run.ts and copied into docs/PERFORMANCE.md. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Targets met or missed, how it was measured. */
  notes?: string[];
}

/** Each bench/*.bench.ts file exports `run` of this type. */
export type Bench = () => Promise<BenchTable>;
