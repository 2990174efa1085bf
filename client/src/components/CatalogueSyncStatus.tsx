// How much of a remote channel's catalogue this instance has: "240 of 1,203 videos, syncing".
import { useEffect, useState } from 'preact/hooks'
import type { CatalogueSync } from '../../../shared/models/client-library.js'
import { getCatalogueSync } from '../api/library.js'
import { formatNumber, t, tn } from '../i18n/i18n.js'

export function describeSync (sync: CatalogueSync): string | null {
  if (sync.isLocal) return null
  const total = sync.totalItems ?? null
  const have = total !== null ? Math.min(sync.videosCount, total) : sync.videosCount
  const count = total !== null ? t('catalogue.countOf', { count: formatNumber(have), total: formatNumber(total) }) : tn('catalogue.count', have)
  if (sync.state === 'syncing') return t('catalogue.syncing', { count })
  // The reason is the remote server's (or the network's) words: shown as they are, for the curious.
  if (sync.state === 'failed') return t('catalogue.failed', { count })
  if (sync.state === 'synced') return t(total !== null && have < total ? 'catalogue.partial' : 'catalogue.complete', { count })
  return t('catalogue.notFollowed', { count })
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
  return <p class="muted small" data-testid="catalogue-sync" data-state={sync?.state ?? ''} title={sync?.state === 'failed' ? sync.lastError ?? undefined : undefined}>{text}</p>
}
