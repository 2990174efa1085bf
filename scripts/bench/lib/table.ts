import { cpus, loadavg } from 'node:os'

/** A Markdown table, as the issue note and the report take it. */
export function markdownTable (header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [ line(header), `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line) ].join('\n')
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} ×`

/** What `uptime` says: the figures only mean something beside it. */
export function machineLoad () {
  return `${new Date().toISOString()}, load average ${loadavg().map(v => v.toFixed(2)).join(' / ')} (1 / 5 / 15 min, ${cpus().length} cores)`
}
