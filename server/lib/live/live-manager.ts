import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { VideoState } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { LIVE_RTMP_APP } from '../../initializers/constants/live.js'
import { VideoLiveModel } from '../../models/live/video-live.js'
import { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { UserModel } from '../../models/user/user.js'
import { isAbleToUpload } from '../users/quota.js'
import { endLiveSession } from './end-live-session.js'
import { LiveSession } from './live-session.js'
import type { PublishedStream } from './rtmp/published-stream.js'
import { RtmpServer } from './rtmp/rtmp-server.js'
import type { PublishRequest } from './rtmp/rtmp-session.js'

const log = loggerWithTags('live')

/** A publish that was accepted, waiting for its stream to start. */
interface Accepted {
  video: VideoModel
  live: VideoLiveModel
  userId: number
}

/**
 * The instance's lives at run time: the RTMP(S) ingest, the decision on each publish (stream key, limits), and
 * the running sessions by video uuid. Refusals reach the streamer's software as RTMP errors with the reason.
 */
class LiveManager {
  private server?: RtmpServer
  private readonly running = new Map<string, LiveSession>()
  private readonly accepted = new Map<string, Accepted>()
  /** Publishes being decided, per live: two pushes with one key at once must not both start. */
  private readonly deciding = new Set<number>()
  private stopping = false

  /** Starts the ingest when lives are enabled (and stops it when they are not any more). */
  async applyConfig () {
    const wanted = CONFIG.live.enabled && (CONFIG.live.rtmp.enabled || CONFIG.live.rtmps.enabled) && !this.stopping
    if (wanted && !this.server) await this.startServer()
    else if (!wanted && this.server) await this.stopServer()
  }

  get rtmpPorts () {
    return this.server?.ports() ?? []
  }

  session (videoUuid: string) {
    return this.running.get(videoUuid)
  }

  /** The running sessions (viewer counts, relays). */
  sessions (): LiveSession[] {
    return [ ...this.running.values() ]
  }

  /** Ends the session of a live if it runs (video deleted, blocked). */
  stopSessionOf (videoUuid: string, reason: string) {
    this.running.get(videoUuid)?.stop(null, reason)
  }

  /** Shutdown: every session is ended and recorded (its replay job included) before the database closes. */
  async stop () {
    this.stopping = true
    const running = [ ...this.running.values() ]
    for (const session of running) session.stop(null, 'The server is shutting down')
    await Promise.all(running.map(s => s.ended))
    await this.stopServer()
  }

  /**
   * Sessions cut by a crash (no end recorded): ended now, as the streamer would have ended them, with their
   * replay when asked for. Their ffmpeg was stopped with the other leftovers at start-up.
   */
  async recoverInterruptedSessions () {
    for (const session of await VideoLiveSessionModel.listUnfinished()) {
      if (this.isRunningSession(session.id)) continue
      log.warn(`Live session ${session.id} was interrupted by a restart: recording its end`)
      await endLiveSession(session.id, null).catch(err => log.error(`Cannot end interrupted live session ${session.id}`, { err }))
    }
  }

  private isRunningSession (sessionId: number) {
    return [ ...this.running.values() ].some(s => s.sessionId === sessionId)
  }

  private async startServer () {
    const { rtmp, rtmps } = CONFIG.live
    const server = new RtmpServer({
      app: LIVE_RTMP_APP,
      rtmp: rtmp.enabled ? { hostname: rtmp.hostname, port: rtmp.port } : undefined,
      rtmps: rtmps.enabled
        ? { hostname: rtmps.hostname, port: rtmps.port, key: await readFile(rtmps.key_file!), cert: await readFile(rtmps.cert_file!) }
        : undefined,
      authorize: request => this.authorize(request),
      onStream: (stream, request) => this.onStream(stream, request)
    })
    await server.listen()
    this.server = server
    log.info(`Live ingest listening: ${[ rtmp.enabled ? `rtmp ${rtmp.hostname}:${rtmp.port}` : '', rtmps.enabled ? `rtmps ${rtmps.hostname}:${rtmps.port}` : '' ].filter(Boolean).join(', ')}`)
  }

  private async stopServer () {
    const server = this.server
    this.server = undefined
    await server?.close()
  }

  private async authorize (request: PublishRequest): Promise<{ playName: string }> {
    if (!CONFIG.live.enabled || this.stopping) throw new Error('Live streaming is not enabled on this instance')
    const live = request.streamKey ? await VideoLiveModel.loadByStreamKey(request.streamKey) : null
    if (!live) throw new Error('Invalid stream key')
    if (this.deciding.has(live.videoId)) throw new Error('This live is already being streamed')
    this.deciding.add(live.videoId)
    try {
      return await this.decide(live)
    } finally {
      this.deciding.delete(live.videoId)
    }
  }

  private async decide (live: VideoLiveModel) {
    const video = await VideoModel.findByPk(live.videoId, { include: detailsIncludes() })
    if (!video || !video.isLive) throw new Error('Invalid stream key')
    if (video.VideoBlacklist) throw new Error('This live is blocked by the moderators')
    if (this.running.has(video.uuid)) throw new Error('This live is already being streamed')
    if (video.state === VideoState.LIVE_ENDED && !live.permanentLive) throw new Error('This live has ended: create a new live to stream again')

    const userId = video.VideoChannel?.Account?.userId
    const user = userId ? await UserModel.findByPk(userId) : null
    if (!user) throw new Error('Invalid stream key')
    if (user.blocked) throw new Error('Your account is blocked')

    const { max_instance_lives: maxInstance, max_user_lives: maxUser } = CONFIG.live
    if (maxInstance !== -1 && this.running.size >= maxInstance) {
      throw new Error(`This instance already streams ${maxInstance} lives at once, its limit: try again later`)
    }
    const ofUser = [ ...this.running.values() ].filter(s => s.video.VideoChannel?.Account?.userId === user.id).length
    if (maxUser !== -1 && ofUser >= maxUser) throw new Error(`You already stream ${maxUser} lives at once, your limit`)
    if (live.saveReplay && !await isAbleToUpload(user, 0)) throw new Error('Your video quota is exceeded: this live cannot save its replay')

    const playName = randomBytes(24).toString('base64url')
    this.accepted.set(playName, { video, live, userId: user.id })
    return { playName }
  }

  private onStream (stream: PublishedStream, _request: PublishRequest) {
    const accepted = this.accepted.get(stream.name)
    this.accepted.delete(stream.name)
    if (!accepted) return stream.end()
    const uuid = accepted.video.uuid
    const session = new LiveSession({
      ...accepted,
      stream,
      playName: stream.name,
      disconnect: reason => this.server?.disconnect(stream.name, reason),
      onEnded: () => {
        if (this.running.get(uuid) === session) this.running.delete(uuid)
      }
    })
    this.running.set(uuid, session)
    void session.start()
  }
}

export const liveManager = new LiveManager()
