// What every bench section gets, and the helpers they share.

export interface BenchContext {
  /** A fresh temp folder for this section, removed after the run. */
  tempDir: string;
  /** Progress output (stderr), kept apart from the figures on stdout. */
  log(line: string): void;
}

export type BenchSection = (ctx: BenchContext) => Promise<Record<string, number>>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
