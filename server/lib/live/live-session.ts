import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { LiveVideoError, type LiveVideoErrorType } from '../../../shared/models/lives.js'
import { VideoState } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import { LIVE } from '../../initializers/constants/live.js'
import type { VideoLiveModel } from '../../models/live/video-live.js'
import { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { UserModel } from '../../models/user/user.js'
import { findOrCreateHlsPlaylist, buildP2PMediaLoaderInfoHashes } from '../transcoding/hls-playlist-files.js'
import { buildP2PMediaLoaderV2InfoHashes } from '../transcoding/p2p-media-loader-v2-infohashes.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { isAbleToUpload } from '../users/quota.js'
import { hlsDir, hlsFileUrl } from '../video-paths.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { invalidateVideoFileAccess } from '../videos/video-file-access.js'
import { endLiveSession } from './end-live-session.js'
import { resetLiveTraffic } from './live-traffic.js'
import type { LiveLadderEvents, LiveLadderSettings } from './ladder/live-ladder-types.js'
import { runLiveLadder, type RunningLiveLadder } from './ladder/run-live-ladder.js'
import { runLiveLadderOnRunner } from './ladder/run-live-on-runner.js'
import { sessionFilePrefix } from './live-replay-files.js'
import { ladderInputUrl, latencyProfileOf, planLiveRungs, runnerInputUrl, runsOnRunner } from './live-settings.js'
import type { PublishedStream } from './rtmp/published-stream.js'
import { P2P_MEDIA_LOADER_PEER_VERSION } from '../../initializers/constants/p2p.js'

const log = loggerWithTags('live')

export interface LiveSessionContext {
  video: VideoModel
  live: VideoLiveModel
  userId: number
  stream: PublishedStream
  playName: string
  /** Ends the publisher's connection with a reason it sees. */
  disconnect: (reason: string) => void
  onEnded: () => void
}

/**
 * One streaming session, from the first media to the recorded end: the session row, the ladder (ffmpeg and its
 * HLS files in the video's folder), the live published once every rung has a segment, limits checked while it
 * runs, and the end (streamer gone, limit, shutdown) recorded with its replay.
 */
export class LiveSession {
  readonly video: VideoModel
  readonly live: VideoLiveModel
  sessionId?: number
  ladder?: RunningLiveLadder
  masterPlaylistName?: string
  private readonly startedAt = Date.now()
  private replayBytes = 0
  private published = false
  private publishing?: Promise<void>
  private readonly rungsWithSegment = new Set<number>()
  private masterPlaylist?: string
  private watchdog?: NodeJS.Timeout
  private endError: LiveVideoErrorType | null = null
  private ending?: Promise<void>
  /** Resolves once the session's end is recorded. */
  readonly ended: Promise<void>
  private resolveEnded!: () => void
  private readonly playlistListeners = new Set<() => void>()

  constructor (private readonly context: LiveSessionContext) {
    this.video = context.video
    this.live = context.live
    this.ended = new Promise(resolve => { this.resolveEnded = resolve })
  }

  get profile () {
    return latencyProfileOf(this.live.latencyMode)
  }

  /** Called when any media playlist of this session changed (blocked playlist requests wait on it). */
  onPlaylistChange (listener: () => void) {
    this.playlistListeners.add(listener)
    return () => { this.playlistListeners.delete(listener) }
  }

  async start () {
    try {
      await this.waitForMedia()
      await this.startLadder()
      this.watchdog = setInterval(() => { void this.checkLimits() }, LIVE.WATCHDOG_INTERVAL_MS)
      const result = await this.ladder!.done
      if (result.error !== undefined && this.endError === null) {
        log.warn(`Live ${this.video.uuid}: its runner failed: ${result.stderrTail.slice(-500)}`)
        this.endError = result.error
      } else if (!result.stopped && result.exitCode !== 0 && this.endError === null && !this.context.stream.ended) {
        log.warn(`Live ${this.video.uuid}: ffmpeg failed (${result.exitCode}): ${result.stderrTail.slice(-500)}`)
        this.endError = LiveVideoError.FFMPEG_ERROR
      }
    } catch (err) {
      log.warn(`Live ${this.video.uuid}: session failed`, { err })
      this.endError ??= LiveVideoError.UNKNOWN_ERROR
    }
    await this.finish()
  }

  /** Ends the session now (a limit, a deletion, a shutdown): the publisher is told why. */
  stop (error: LiveVideoErrorType | null, reason: string) {
    if (this.endError === null) this.endError = error
    this.context.disconnect(reason)
    this.ladder?.stop()
  }

  private async finish () {
    this.ending ??= (async () => {
      clearInterval(this.watchdog)
      // A session that failed while the streamer still sends (its ladder or runner died): the streamer is told.
      if (this.endError !== null && !this.context.stream.ended) this.context.disconnect('The transcoding of this live failed: the live has ended')
      this.context.stream.end()
      this.ladder?.stop()
      await this.ladder?.done.catch(() => undefined)
      // Publishing may be under way: the end is recorded after it, so the live never shows as streaming after it ended.
      await this.publishing
      try {
        if (this.sessionId !== undefined) await endLiveSession(this.sessionId, this.endError)
      } catch (err) {
        // The session stays unfinished in the database: the next start records its end.
        log.error(`Live ${this.video.uuid}: cannot record the end of session ${this.sessionId}`, { err })
      }
      this.context.onEnded()
      this.resolveEnded()
    })()
    return this.ending
  }

  private async waitForMedia () {
    const stream = this.context.stream
    const deadline = Date.now() + LIVE.FIRST_MEDIA_TIMEOUT_MS
    while (!stream.ended && (stream.firstMediaAt === undefined || (!stream.videoConfig && !stream.audioConfig && Date.now() - stream.firstMediaAt < 1000))) {
      if (Date.now() > deadline) throw new Error('no media received')
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    if (stream.ended) throw new Error('the publisher left before sending media')
  }

  private async startLadder () {
    const stream = this.context.stream
    const metadata = stream.metadataObject() ?? {}
    const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0)
    const width = number(metadata.width) || 1280
    const height = number(metadata.height) || 720
    const fps = number(metadata.framerate) || number(metadata.fps) || 30
    const planned = planLiveRungs({ width, height, fps, hasVideo: stream.hasVideo, hasAudio: stream.hasAudio })
    const onRunner = runsOnRunner({ copyInput: !CONFIG.live.transcoding.enabled, rungs: planned })
    // PeerTube's live runner job has video rungs only (each with the sound).
    const rungs = onRunner ? planned.filter(rung => rung.resolution > 0) : planned

    const playlist = await unitOfWork(async () => {
      const session = await VideoLiveSessionModel.create({
        liveVideoId: this.video.id,
        replayVideoId: null,
        startDate: new Date(this.startedAt),
        endDate: null,
        error: null,
        saveReplay: this.live.saveReplay && CONFIG.live.allow_replay,
        replayPrivacy: this.live.replayPrivacy
      })
      this.sessionId = session.id
      resetLiveTraffic(this.video.uuid)
      // Each session gets fresh playlist names: a permanent live's viewers never read the previous session's files.
      return findOrCreateHlsPlaylist(this.video)
    })

    this.masterPlaylistName = playlist.playlistFilename
    const profile = this.profile
    log.info(`Live ${this.video.uuid}: session ${this.sessionId}, ${width}x${height}@${fps}, rungs ${rungs.map(r => r.resolution + 'p').join(', ')}${onRunner ? ' (on a remote runner)' : ''}`)
    const settings: LiveLadderSettings = {
      inputUrl: ladderInputUrl(this.context.playName),
      rungs,
      hasAudio: stream.hasAudio,
      portrait: height > width,
      copyInput: !CONFIG.live.transcoding.enabled,
      keyframeIntervalSeconds: profile.keyframeIntervalSeconds,
      segmentSeconds: profile.segmentSeconds,
      partSeconds: profile.partSeconds,
      lowDelay: profile.lowDelay,
      preset: CONFIG.transcoding.preset,
      threads: CONFIG.transcoding.threads,
      windowSegments: profile.windowSegments,
      outputDir: hlsDir(this.video),
      filePrefix: sessionFilePrefix(this.sessionId!),
      masterPlaylistName: playlist.playlistFilename,
      segmentsSha256Name: playlist.segmentsSha256Filename,
      keepTopRungSegments: this.live.saveReplay && CONFIG.live.allow_replay,
      workDir: join(fromRoot(CONFIG.storage.tmp), 'live', randomUUID())
    }
    const events: LiveLadderEvents = {
      onMasterPlaylist: master => { this.masterPlaylist = master },
      onSegment: segment => {
        if (segment.resolution === rungs[0].resolution) this.replayBytes += segment.size
        this.rungsWithSegment.add(segment.resolution)
        if (!this.published && this.masterPlaylist && this.rungsWithSegment.size === rungs.length) this.publishing = this.publish()
      },
      onPlaylistChange: () => { for (const listener of this.playlistListeners) listener() }
    }
    this.ladder = onRunner
      ? runLiveLadderOnRunner({
        ...settings,
        videoUUID: this.video.uuid,
        sessionId: this.sessionId!,
        runnerInputUrl: runnerInputUrl(this.context.playName),
        inputEnded: new Promise(resolve => { if (stream.ended) resolve(); else stream.once('end', () => resolve()) })
      }, events)
      : runLiveLadder(settings, () => stream.firstPlayedFrameAt, events)
  }

  /** Every rung has a segment: viewers can start. The swarm hashes follow the master playlist just written. */
  private async publish () {
    this.published = true
    if (this.ending) return
    await unitOfWork(async () => {
      const video = await VideoModel.findByPk(this.video.id, { include: detailsIncludes() })
      if (!video) return
      const playlist = await findOrCreateHlsPlaylist(video)
      const masterUrl = hlsFileUrl(video, playlist.playlistFilename, null)
      const variants = this.masterPlaylist!.split('\n').filter(line => line.startsWith('#EXT-X-STREAM-INF')).length
      playlist.p2pMediaLoaderInfohashes = [
        ...buildP2PMediaLoaderInfoHashes(masterUrl, variants),
        ...buildP2PMediaLoaderV2InfoHashes(masterUrl, this.masterPlaylist!)
      ]
      playlist.p2pMediaLoaderPeerVersion = P2P_MEDIA_LOADER_PEER_VERSION
      await playlist.save()
      video.state = VideoState.PUBLISHED
      await video.save()
      await recordVideoChanged(video)
    }).catch(err => log.error(`Live ${this.video.uuid}: cannot publish`, { err }))
    invalidateVideoFileAccess(this.video.uuid)
    log.info(`Live ${this.video.uuid}: playing ${Date.now() - this.startedAt} ms after the publisher connected`)
  }

  private async checkLimits () {
    try {
      const maxDuration = CONFIG.live.max_duration
      if (maxDuration !== -1 && Date.now() - this.startedAt > maxDuration) {
        return this.stop(LiveVideoError.DURATION_EXCEEDED, `This live is longer than the ${Math.round(maxDuration / 1000)} s allowed`)
      }
      const video = await VideoModel.findByPk(this.video.id, { attributes: [ 'id' ], include: [ { association: 'VideoBlacklist', required: false } ] })
      if (!video) return this.stop(null, 'This live was deleted')
      if (video.VideoBlacklist) return this.stop(LiveVideoError.BLACKLISTED, 'This live was blocked by the moderators')
      if (this.live.saveReplay) {
        const user = await UserModel.findByPk(this.context.userId, { attributes: [ 'id', 'videoQuota', 'videoQuotaDaily' ] })
        if (user && !await isAbleToUpload(user, this.replayBytes)) return this.stop(LiveVideoError.QUOTA_EXCEEDED, 'Your video quota is exceeded: the replay of this live cannot grow any more')
      }
    } catch (err) {
      log.warn(`Live ${this.video.uuid}: cannot check the session's limits now`, { err })
    }
  }
}
