// WebTorrent playback of "web video" MP4 files: each resolution is its own torrent with the server as
// WebSeed (urlList), so playback starts from HTTP and shifts to peers as they appear on the tracker.
import type { VideoFile } from '../../../shared/models/client-video.js'
import type WebTorrent from 'webtorrent/dist/webtorrent.min.js'
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { AUTO_RESOLUTION, pickAutoResolution, preservePlayback, resolutionLabel, type EngineContext, type PlayerEngine } from './engine.js'
import { ensureStreamingWorker } from './service-worker.js'
import { webSocketTrackers } from './trackers.js'

/** Metadata (torrent file + first pieces) must arrive within this delay, else HTTP takes over. */
const READY_TIMEOUT_MS = 20_000

let clientPromise: Promise<WebTorrent> | null = null

/** One client per page: the streaming server it creates can be registered only once. */
async function getClient (iceServers: RTCIceServer[]): Promise<WebTorrent> {
  clientPromise ??= (async () => {
    const [{ default: WebTorrentClass }, registration] = await Promise.all([
      import('webtorrent/dist/webtorrent.min.js'),
      ensureStreamingWorker()
    ])
    // Never DHT, local discovery or port mapping: peers come from the instance's tracker only.
    const client = new WebTorrentClass({
      tracker: { rtcConfig: { iceServers } },
      dht: false,
      lsd: false,
      utPex: false,
      natUpnp: false,
      natPmp: false,
      webSeeds: true
    })
    client.on('error', err => console.warn('WebTorrent:', err))
    client.createServer({ controller: registration })
    return client
  })()
  try {
    return await clientPromise
  } catch (err) {
    clientPromise = null
    throw err
  }
}

export function webVideoFiles (files: VideoFile[]): VideoFile[] {
  return files.filter(f => f.torrentUrl || f.magnetUri).sort((a, b) => b.resolution.id - a.resolution.id)
}

export async function createWebTorrentEngine (context: EngineContext): Promise<PlayerEngine> {
  const { video, stats, details } = context
  const files = webVideoFiles(details.files ?? [])
  if (files.length === 0) throw new Error('No torrent for this video')

  const client = await getClient(context.iceServers)
  stats.start('webtorrent', true)

  let selected = AUTO_RESOLUTION
  let playing: VideoFile | null = null
  let torrent: WebTorrentTorrent | null = null
  let destroyed = false
  // Torrents still alive: the playing one and, during a switch, the one being prepared.
  const live = new Map<VideoFile, WebTorrentTorrent>()

  stats.countPeersWith(() => torrent ? torrent.wires.filter(w => w.type !== 'webSeed').length : 0)

  const addTorrent = (file: VideoFile): WebTorrentTorrent => {
    const added = client.add(file.torrentUrl ?? file.magnetUri as string, { announce: webSocketTrackers(details.trackerUrls) })
    live.set(file, added)
    added.on('wire', wire => {
      const source = wire.type === 'webSeed' ? 'server' : 'peer'
      wire.on('download', bytes => stats.addDownload(bytes, source))
      wire.on('upload', bytes => stats.addUpload(bytes))
    })
    added.on('error', err => {
      if (!destroyed && added === torrent) context.onFatalError(`WebTorrent: ${String(err)}`)
    })
    return added
  }

  const dropAllBut = (keep: WebTorrentTorrent) => {
    for (const [file, other] of live) {
      if (other === keep) continue
      other.destroy({ destroyStore: true })
      live.delete(file)
    }
  }

  const load = (file: VideoFile) => {
    playing = file
    const current = live.get(file) ?? addTorrent(file)
    torrent = current
    const timer = setTimeout(() => {
      if (!destroyed && current === torrent && !current.ready) context.onFatalError('WebTorrent: the torrent did not start in time')
    }, READY_TIMEOUT_MS)
    const onReady = () => {
      clearTimeout(timer)
      if (destroyed || current !== torrent) return
      const media = [...current.files].sort((a, b) => b.length - a.length)[0]
      if (!media) return context.onFatalError('WebTorrent: the torrent holds no file')
      preservePlayback(video, () => media.streamTo(video))
      dropAllBut(current)
    }
    if (current.ready) onReady()
    else current.once('ready', onReady)
    stats.setResolution(file.resolution.id, selected === AUTO_RESOLUTION)
    context.onResolutionsChange()
  }

  const autoFile = () => {
    const resolution = pickAutoResolution(video, files.map(f => f.resolution.id))
    return files.find(f => f.resolution.id === resolution) ?? files[0]
  }
  load(autoFile())

  return {
    kind: 'webtorrent',
    resolutions: () => files.map(f => ({ id: f.resolution.id, label: resolutionLabel(f.resolution.id) })),
    selectedResolution: () => selected,
    playingResolution: () => playing?.resolution.id ?? null,
    setResolution (id: number) {
      selected = id
      const file = id === AUTO_RESOLUTION ? autoFile() : files.find(f => f.resolution.id === id)
      if (file && file !== playing) load(file)
      else {
        stats.setResolution(playing?.resolution.id ?? null, selected === AUTO_RESOLUTION)
        context.onResolutionsChange()
      }
    },
    destroy () {
      destroyed = true
      stats.stop()
      for (const t of live.values()) t.destroy({ destroyStore: true })
      live.clear()
      torrent = null
      video.removeAttribute('src')
      video.load()
    }
  }
}
