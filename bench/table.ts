/** The figures table both benchmarks print: a legend, then one row a figure marked ok/over against its target, then notes. */

interface Row {
  what: string;
  value: string;
  target: string;
  /** "ok", "over", or "" for a figure with no target. */
  mark: string;
}

export const rows: Row[] = [];
/** What each figure's name stands for, printed above the table. */
export const legend: [string, string][] = [];
export const notes: string[] = [];

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
export const mark = (value: number, limit: number) => (value <= limit ? 'ok' : 'over');
export const row = (what: string, value: string, target = '', markText = '') => rows.push({ what, value, target, mark: markText });

/** Prints the legend, the table and the notes. */
export function printTable(): void {
  const widths = { what: Math.max(...rows.map((r) => r.what.length)), value: Math.max(5, ...rows.map((r) => r.value.length)), target: Math.max(6, ...rows.map((r) => r.target.length)) };
  const line = (what: string, value: string, target: string, markText: string) => `${what.padEnd(widths.what)}  ${value.padStart(widths.value)}  ${target.padEnd(widths.target)}  ${markText}`.trimEnd();
  const legendWidth = Math.max(...legend.map(([name]) => name.length));
  for (const [name, meaning] of legend) console.log(`${name.padEnd(legendWidth)}  ${meaning}`);
  console.log('');
  console.log(line('figure', 'value', 'target', 'mark'));
  console.log(line('-'.repeat(widths.what), '-'.repeat(widths.value), '-'.repeat(widths.target), '----'));
  for (const r of rows) console.log(line(r.what, r.value, r.target || '—', r.mark));
  if (notes.length > 0) console.log(`\n${notes.map((note) => `note: ${note}`).join('\n')}`);
}
