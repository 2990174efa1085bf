// The reference of the live latency benchmark: how old the newest frame the origin publishes is, read from its
// media playlist (program date time of the last segment + its duration + the parts listed after it).

export function newestFrameTime (playlist: string): number | undefined {
  let pdt: number | undefined
  let lastEnd: number | undefined
  let pendingDuration: number | undefined
  let trailingParts = 0
  for (const line of playlist.split('\n')) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length))
    else if (line.startsWith('#EXTINF:')) pendingDuration = parseFloat(line.slice('#EXTINF:'.length)) * 1000
    else if (line.startsWith('#EXT-X-PART:')) trailingParts += parseFloat(/DURATION=([\d.]+)/.exec(line)?.[1] ?? '0') * 1000
    else if (line && !line.startsWith('#') && pendingDuration !== undefined && pdt !== undefined) {
      lastEnd = pdt + pendingDuration
      pdt = lastEnd
      pendingDuration = undefined
      trailingParts = 0
    }
  }
  return lastEnd === undefined ? undefined : lastEnd + trailingParts
}

/** Polls the first media playlist of a live every 250 ms; `stop` returns the ages (ms) seen. */
export function startEdgeProbe (masterUrl: string) {
  const ages: number[] = []
  let stopped = false
  const base = masterUrl.slice(0, masterUrl.lastIndexOf('/') + 1)
  const loop = async () => {
    const master = await (await fetch(masterUrl)).text()
    const media = master.split('\n').find(line => line.endsWith('.m3u8'))
    while (!stopped && media) {
      const text = await fetch(base + media).then(r => r.text()).catch(() => '')
      const newest = newestFrameTime(text)
      if (newest !== undefined) ages.push(Date.now() - newest)
      await new Promise(resolve => setTimeout(resolve, 250))
    }
  }
  loop().catch(err => console.error('[bench] edge probe:', err))
  return { stop: () => { stopped = true; return ages } }
}
