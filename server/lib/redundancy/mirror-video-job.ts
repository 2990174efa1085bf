import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Job } from 'bull'
import { sha256OfFile } from '../../helpers/crypto/sha256-stream.js'
import { forgetOpenFile } from '../../helpers/http/open-file-cache.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { downloadRemoteFile } from '../../helpers/requests/index.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { VideoRedundancyAttemptModel } from '../../models/redundancy/video-redundancy-attempt.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import type { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { hlsCacheFileId, hlsMirrorBaseUrl, hlsMirrorDir, mirrorStagingRoot, urlFilename, webVideoCacheFileId, webVideoMirrorPath, webVideoMirrorUrl } from './redundancy-paths.js'
import { sendCreateCacheFile } from './send-cache-file.js'
import { checkFileAgainstSegments, checkFileAgainstTorrent, fetchSegmentsSha256, fetchSmall } from './verify-copies.js'

const log = loggerWithTags('redundancy')

export interface VideoRedundancyPayload {
  videoId: number
  /** 'manual' (an administrator asked) or the configured strategy that chose it. */
  strategy: string
  /** When the mirror may be dropped (strategies' min_lifetime); none for manual mirrors. */
  expiresOn?: string | null
}

/**
 * video-redundancy: makes this instance a mirror of a remote video. Every web video file and the HLS playlist are
 * downloaded from the origin and checked against what the origin published (torrent pieces under the announced
 * info hash, segments' SHA-256) before anything is announced: a mirror never offers bytes it has not checked.
 * Then, in one unit of work, the mirror rows (with the SHA-256 of our copies, for the scrub) and the Create
 * CacheFile to the origin. Rerunning it mirrors only what is missing.
 */
export async function processVideoRedundancy (job: Job<VideoRedundancyPayload>, context: { signal: AbortSignal }) {
  try {
    const result = await mirrorVideo(job, context)
    await VideoRedundancyAttemptModel.clear(job.data.videoId)
    return result
  } catch (err) {
    if (!context.signal.aborted) {
      await VideoRedundancyAttemptModel.recordFailure(job.data.videoId, (err as Error).message, mirrorRetryDelay)
        .catch(recordErr => log.warn('Cannot record a failed mirror attempt', { err: recordErr }))
    }
    throw err
  }
}

/** After the n-th failure in a row: the check interval (at least a minute), doubled each time, at most a day. */
export function mirrorRetryDelay (failures: number) {
  const base = Math.max(CONFIG.redundancy.videos.check_interval, 60_000)
  return Math.min(base * 2 ** (failures - 1), 24 * 3_600_000)
}

async function mirrorVideo (job: Job<VideoRedundancyPayload>, context: { signal: AbortSignal }) {
  const video = await VideoModel.findByPk(job.data.videoId, { include: detailsIncludes() })
  if (!video) return { skipped: 'the video is gone' }
  if (!video.remote) throw new PermanentJobError('Cannot mirror a local video')

  const serverActor = await getServerActor()
  const expiresOn = job.data.expiresOn ? new Date(job.data.expiresOn) : null
  const made: { file?: VideoFileModel, playlist?: VideoStreamingPlaylistModel, existing?: VideoRedundancyModel, fileUrl: string, url: string, sha256s: Map<VideoFileModel, string> }[] = []

  for (const file of video.VideoFiles ?? []) {
    if (await VideoRedundancyModel.findOne({ where: { videoFileId: file.id, actorId: serverActor.id } })) continue
    if (!file.fileUrl) continue
    const name = urlFilename(file.fileUrl)
    const path = webVideoMirrorPath(name)
    const { sha256 } = await download(file.fileUrl, path, file.size, context.signal)
    const problem = file.torrentUrl ? await checkFileAgainstTorrent(path, file.torrentUrl, file.infoHash) : 'the origin publishes no torrent for it'
    if (problem) {
      await rm(path, { force: true })
      throw new Error(`Mirror of ${file.fileUrl}: ${problem}`)
    }
    made.push({ file, fileUrl: webVideoMirrorUrl(name), url: webVideoCacheFileId(video.uuid, file.resolution, file.fps), sha256s: new Map([ [ file, sha256 ] ]) })
  }

  for (const playlist of video.VideoStreamingPlaylists ?? []) {
    if (!playlist.playlistUrl || (playlist.VideoFiles?.length ?? 0) === 0) continue
    const existing = await VideoRedundancyModel.findOne({ where: { videoStreamingPlaylistId: playlist.id, actorId: serverActor.id } })
    if (existing && !isStaleHlsMirror(existing, playlist)) continue
    made.push({ playlist, existing: existing ?? undefined, fileUrl: hlsMirrorBaseUrl(video.uuid), url: hlsCacheFileId(video.uuid), sha256s: await mirrorHls(video, playlist, context.signal) })
  }

  if (made.length === 0) return { mirrored: 0 }
  await unitOfWork(async () => {
    for (const item of made) {
      if (item.existing) {
        // Made again (the origin replaced a rendition): announced again, so the origin checks it again.
        item.existing.verifiedAt = new Date()
        item.existing.changed('updatedAt', true)
        await item.existing.save()
        for (const [ file, sha256 ] of item.sha256s) {
          file.sha256 = sha256
          await file.save()
        }
        // An Update (an id of its own): the same Create again would be taken for a replay and dropped.
        await sendCreateCacheFile(serverActor, video, item.existing, item.file, 'Update')
        continue
      }
      const redundancy = await VideoRedundancyModel.create({
        expiresOn,
        fileUrl: item.fileUrl,
        url: item.url,
        strategy: job.data.strategy,
        state: 'verified',
        verifiedAt: new Date(),
        videoFileId: item.file?.id ?? null,
        videoStreamingPlaylistId: item.playlist?.id ?? null,
        actorId: serverActor.id
      })
      for (const [ file, sha256 ] of item.sha256s) {
        file.sha256 = sha256
        await file.save()
      }
      await sendCreateCacheFile(serverActor, video, redundancy, item.file)
    }
  })
  log.info(`Mirrored ${made.length} item(s) of ${video.url} (${job.data.strategy})`)
  return { mirrored: made.length }
}

/** Our HLS mirror predates a file of the playlist: the origin replaced a rendition since. */
function isStaleHlsMirror (mirror: VideoRedundancyModel, playlist: VideoStreamingPlaylistModel) {
  const newest = Math.max(...(playlist.VideoFiles ?? []).map(f => new Date(f.createdAt).getTime()))
  return new Date(mirror.updatedAt).getTime() < newest
}

async function download (url: string, path: string, expectedSize: number, signal: AbortSignal) {
  // A little more than announced: PeerTube's sizes are sometimes rounded.
  const maxBytes = Math.max(1024 * 1024, Math.round(expectedSize * 1.05) + 1024 * 1024)
  return downloadRemoteFile(url, path, { timeoutMs: 3 * 3_600_000, maxBytes, allowPrivateAddresses: CONFIG.federation.allow_private_addresses, signal })
}

/**
 * The master playlist, the media playlists it names, every fragmented MP4 (checked) and the segments' hashes,
 * downloaded to a staging folder and moved over the served copy only once all are checked: a failed attempt
 * leaves the mirror players use as it was. A served fragmented MP4 that still matches the origin's segment hashes
 * is kept rather than fetched again.
 */
async function mirrorHls (video: VideoModel, playlist: VideoStreamingPlaylistModel, signal: AbortSignal) {
  const dir = hlsMirrorDir(video.uuid)
  const staging = join(mirrorStagingRoot(), `${video.uuid}-${randomUUID()}`)
  const masterUrl = playlist.playlistUrl!
  const master = (await fetchSmall(masterUrl)).toString('utf8')
  const hashes = playlist.segmentsSha256Url ? await fetchSegmentsSha256(playlist.segmentsSha256Url) : {}
  const mediaPlaylists = master.split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#'))
  const sha256s = new Map<VideoFileModel, string>()
  try {
    await mkdir(staging, { recursive: true })
    for (const file of playlist.VideoFiles ?? []) {
      if (!file.fileUrl) continue
      const name = urlFilename(file.fileUrl)
      const served = join(dir, name)
      if (await isGoodServedCopy(served, file, hashes[name])) {
        sha256s.set(file, (await sha256OfFile(served, { signal })).sha256)
        continue
      }
      const path = join(staging, name)
      const { sha256 } = await download(file.fileUrl, path, file.size, signal)
      const problem = await checkFileAgainstSegments(path, hashes[name])
      if (problem) throw new Error(`Mirror of ${file.fileUrl}: ${problem}`)
      sha256s.set(file, sha256)
    }
    // The playlists last: they name the media files, which must be in place first.
    for (const entry of mediaPlaylists) {
      const url = new URL(entry, masterUrl).href
      await download(url, join(staging, urlFilename(url)), 10 * 1024 * 1024, signal)
    }
    if (playlist.segmentsSha256Url) await download(playlist.segmentsSha256Url, join(staging, urlFilename(playlist.segmentsSha256Url)), 10 * 1024 * 1024, signal)
    await download(masterUrl, join(staging, urlFilename(masterUrl)), 1024 * 1024, signal)

    await mkdir(dir, { recursive: true })
    const staged = await readdir(staging)
    const order = (name: string) => name.endsWith('.mp4') ? 0 : name === urlFilename(masterUrl) ? 2 : 1
    for (const name of staged.sort((x, y) => order(x) - order(y))) {
      await rename(join(staging, name), join(dir, name))
      forgetOpenFile(join(dir, name))
    }
    return sha256s
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

async function isGoodServedCopy (path: string, file: VideoFileModel, hashes: Record<string, string> | undefined) {
  const stats = await stat(path).catch(() => undefined)
  if (!stats || stats.size !== file.size) return false
  return await checkFileAgainstSegments(path, hashes).catch(() => 'unreadable') === undefined
}
