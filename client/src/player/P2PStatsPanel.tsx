// The live statistics box under the player. Tests can also read window.__tubelessP2PStats.
import { t } from '../i18n/i18n.js'
import { formatBytes, formatSpeed } from '../lib/format.js'
import { useStore } from '../lib/store.js'
import { statsStore } from './p2p-stats.js'

const ENGINE_LABELS = { webtorrent: 'WebTorrent (P2P)', hls: 'HLS', http: 'HTTP', none: '–' } as const

export function P2PStatsPanel () {
  const stats = useStore(statsStore)
  const total = stats.downloadedFromPeers + stats.downloadedFromServer
  const peerShare = total > 0 ? Math.round((stats.downloadedFromPeers / total) * 100) : 0
  const engine = stats.engine === 'hls' && stats.p2pEnabled ? 'HLS + P2P' : ENGINE_LABELS[stats.engine]

  return (
    <section id="p2p-stats" class="p2p-stats" data-testid="p2p-stats" aria-label={t('player.statsLabel')} aria-live="off">
      <dl>
        <div><dt>{t('player.stats.engine')}</dt><dd data-testid="p2p-stats-engine" data-engine={stats.engine}>{engine}</dd></div>
        <div><dt>{t('player.stats.peers')}</dt><dd data-testid="p2p-stats-peers">{stats.peers}</dd></div>
        <div><dt>{t('player.stats.fromPeers')}</dt><dd data-testid="p2p-stats-from-peers" data-bytes={stats.downloadedFromPeers}>{formatBytes(stats.downloadedFromPeers)} ({peerShare}%)</dd></div>
        <div><dt>{t('player.stats.fromServer')}</dt><dd data-testid="p2p-stats-from-server" data-bytes={stats.downloadedFromServer}>{formatBytes(stats.downloadedFromServer)}</dd></div>
        <div><dt>{t('player.stats.uploaded')}</dt><dd data-testid="p2p-stats-uploaded" data-bytes={stats.uploaded}>{formatBytes(stats.uploaded)}</dd></div>
        <div><dt>{t('player.stats.down')}</dt><dd data-testid="p2p-stats-down-speed">{formatSpeed(stats.downloadSpeed)}</dd></div>
        <div><dt>{t('player.stats.up')}</dt><dd data-testid="p2p-stats-up-speed">{formatSpeed(stats.uploadSpeed)}</dd></div>
        {stats.rejectedFromPeers > 0 && <div><dt>{t('player.stats.rejected')}</dt><dd data-testid="p2p-stats-rejected">{stats.rejectedFromPeers}</dd></div>}
      </dl>
    </section>
  )
}
