// How much of a remote channel's catalogue this instance has: "240 of 1,203 videos, syncing".
import { useEffect, useState } from 'preact/hooks'
import type { CatalogueSync } from '../../../shared/models/client-library.js'
import { getCatalogueSync } from '../api/library.js'
const formatNumber = (n: number) => n.toLocaleString('en')

export function describeSync (sync: CatalogueSync): string | null {
  if (sync.isLocal) return null
  const total = sync.totalItems ?? null
  const have = total !== null ? Math.min(sync.videosCount, total) : sync.videosCount
  const count = total !== null ? `${formatNumber(have)} of ${formatNumber(total)} videos` : `${formatNumber(have)} videos`
  if (sync.state === 'syncing') return `${count}, syncing`
  if (sync.state === 'failed') return `${count}: the last sync failed (${sync.lastError ?? 'unknown error'})`
  if (sync.state === 'synced') return total !== null && have < total ? `${count} (some could not be read)` : `${count}, complete`
  return `${count} known here (nobody on this instance follows this channel)`
}

export function CatalogueSyncStatus ({ handle }: { handle: string }) {
  const [sync, setSync] = useState<CatalogueSync | null>(null)
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      const next = await getCatalogueSync(handle).catch(() => null)
      if (stopped) return
      setSync(next)
      // While it syncs, the count moves: look again.
      if (next?.state === 'syncing') timer = setTimeout(load, 3000)
    }
    void load()
    return () => { stopped = true; clearTimeout(timer) }
  }, [handle])
  const text = sync ? describeSync(sync) : null
  if (!text) return null
  return <p class="muted" data-testid="catalogue-sync" data-state={sync?.state ?? ''}>{text}</p>
}
