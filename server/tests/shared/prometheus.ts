/** One sample of a Prometheus text exposition. */
export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

/**
 * Parses the Prometheus text format (version 0.0.4): `# TYPE` lines give each family's type, samples are
 * `name{label="value",...} number`. Throws on a line it cannot read, so a malformed exposition fails the test.
 */
export function parsePrometheus (text: string) {
  const samples: Sample[] = []
  const types = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line)
      if (type) types.set(type[1], type[2])
      continue
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line)
    if (!match) throw new Error(`Not a Prometheus sample: ${line}`)
    const labels: Record<string, string> = {}
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy
    const body = match[2] ?? ''
    let label: RegExpExecArray | null
    let read = 0
    while ((label = labelPattern.exec(body)) !== null) {
      labels[label[1]] = label[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\')
      read = labelPattern.lastIndex
    }
    if (read !== body.length) throw new Error(`Cannot read the labels of: ${line}`)
    const value = match[3] === '+Inf' ? Infinity : match[3] === '-Inf' ? -Infinity : Number(match[3])
    if (Number.isNaN(value) && match[3] !== 'NaN') throw new Error(`Not a number in: ${line}`)
    samples.push({ name: match[1], labels, value })
  }
  return new Scrape(samples, types)
}

export class Scrape {
  constructor (readonly samples: Sample[], readonly types: Map<string, string>) {}

  /** Samples of `name` whose labels include all of `labels`. */
  find (name: string, labels: Record<string, string> = {}) {
    return this.samples.filter(s => s.name === name && Object.entries(labels).every(([ k, v ]) => s.labels[k] === v))
  }

  /** The sum of the matching samples' values; undefined when there is none. */
  value (name: string, labels: Record<string, string> = {}) {
    const found = this.find(name, labels)
    return found.length === 0 ? undefined : found.reduce((sum, s) => sum + s.value, 0)
  }

  names () {
    return new Set(this.samples.map(s => s.name))
  }
}

export async function scrapePrometheus (url: string) {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
  return parsePrometheus(await res.text())
}
