import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LiveRtmpHlsPayload } from '../../../../shared/models/runners.js'
import { moveFile } from '../../../helpers/fs/move-file.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { RUNNER_JOB_PRIORITY } from '../../../initializers/constants/runners.js'
import type { RunnerJobModel } from '../../../models/runner/runner-job.js'
import { afterCommit, unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { cancelJob, createRunnerJob, registerRunnerJobKind } from '../runner-job-states.js'

const log = loggerWithTags('runners', 'live')

/**
 * The live ladder on a runner (PeerTube's `live-rtmp-hls-transcoding`): the runner reads the RTMP input, transcodes
 * every rung and sends each new HLS chunk, the playlists with it, and each chunk it drops from the window. The live
 * code (issue 15) hands a session over with `startLiveOnRunner` — the same boundary as its local ladder: RTMP input
 * and settings in, HLS files in `outputDirectory` out — and hears of chunks and of the end through `callbacks`.
 */
export interface LiveRunnerSession {
  videoUUID: string
  sessionId: string
  rtmpUrl: string
  toTranscode: { resolution: number, fps: number }[]
  segmentDuration: number
  segmentListSize: number
  /** Where the HLS files of the live are served from. */
  outputDirectory: string
  /** The master playlist's name in outputDirectory. */
  masterPlaylistName: string
  /**
   * Every other file the runner sends is stored as `<filePrefix>-<its name>` (the playlists rewritten to match), so
   * a session's files are known by their name, as those of a local ladder are.
   */
  filePrefix: string
  callbacks?: {
    /**
     * A chunk landed in (or left) outputDirectory under `filename`, its playlist (`playlistFilename`, when sent)
     * already updated: e.g. refresh segments-sha256.
     */
    onChunk?: (event: { type: 'add-chunk' | 'remove-chunk', filename: string, playlistFilename?: string }) => void
    /** The runner finished (the stream ended), failed, or the job was cancelled. */
    onEnded?: (how: 'ended' | 'errored' | 'cancelled', reason?: string) => void
  }
}

interface LivePrivatePayload {
  videoUUID: string
  sessionId: string
  outputDirectory: string
  masterPlaylistName: string
  filePrefix: string
  [key: string]: unknown
}

const sessions = new Map<string, LiveRunnerSession>()

/** Creates the runner job of a live session (in the caller's unit of work, or its own). Returns the job's UUID. */
export async function startLiveOnRunner (session: LiveRunnerSession) {
  await mkdir(session.outputDirectory, { recursive: true })
  sessions.set(session.sessionId, session)
  const job = await unitOfWork(() => createRunnerJob({
    type: 'live-rtmp-hls-transcoding',
    buildPayload: () => ({
      input: { rtmpUrl: session.rtmpUrl },
      output: { toTranscode: session.toTranscode, segmentDuration: session.segmentDuration, segmentListSize: session.segmentListSize }
    }) satisfies LiveRtmpHlsPayload,
    privatePayload: {
      videoUUID: session.videoUUID,
      sessionId: session.sessionId,
      outputDirectory: session.outputDirectory,
      masterPlaylistName: session.masterPlaylistName,
      filePrefix: session.filePrefix
    } satisfies LivePrivatePayload,
    priority: RUNNER_JOB_PRIORITY.LIVE,
    videoUUID: session.videoUUID
  }))
  log.info(`Live session ${session.sessionId} of video ${session.videoUUID} handed to runners (job ${job.uuid})`)
  return job.uuid
}

/** The live ended on our side (the streamer stopped): the runner's next update is told so and it stops. */
export async function stopLiveOnRunner (sessionId: string, jobUUID: string) {
  sessions.delete(sessionId)
  await cancelJob(jobUUID).catch(() => undefined)
}

export function isLiveSessionActive (job: RunnerJobModel) {
  return sessions.has((job.privatePayload as LivePrivatePayload).sessionId)
}

/**
 * One update of a live job: the chunk is moved in first, then the playlists that name it (so a player never reads a
 * playlist naming a chunk that is not there yet); a removed chunk goes. File names were checked by the caller.
 */
export async function applyLiveChunkUpdate (job: RunnerJobModel, update: {
  type: 'add-chunk' | 'remove-chunk'
  videoChunkFilename: string
  videoChunkFile?: string
  resolutionPlaylistFilename?: string
  resolutionPlaylistFile?: string
  masterPlaylistFile?: string
}) {
  const privatePayload = job.privatePayload as LivePrivatePayload
  const dir = privatePayload.outputDirectory
  const stored = (name: string) => `${privatePayload.filePrefix}-${name}`
  const chunkName = stored(update.videoChunkFilename)
  if (update.type === 'add-chunk' && update.videoChunkFile) await moveFile(update.videoChunkFile, join(dir, chunkName))
  if (update.type === 'remove-chunk') await rm(join(dir, chunkName), { force: true })
  const playlistName = update.resolutionPlaylistFilename ? stored(update.resolutionPlaylistFilename) : undefined
  if (update.resolutionPlaylistFile && playlistName) await storePlaylist(update.resolutionPlaylistFile, join(dir, playlistName), stored)
  if (update.masterPlaylistFile) await storePlaylist(update.masterPlaylistFile, join(dir, privatePayload.masterPlaylistName), stored)
  sessions.get(privatePayload.sessionId)?.callbacks?.onChunk?.({ type: update.type, filename: chunkName, playlistFilename: playlistName })
}

/** A runner's playlist with every file it names renamed as stored, written whole (a reader never sees half of it). */
async function storePlaylist (uploaded: string, destination: string, stored: (name: string) => string) {
  const content = await readFile(uploaded, 'utf8')
  await rm(uploaded, { force: true })
  const rewritten = content.split('\n').map(line => {
    const trimmed = line.trim()
    if (trimmed === '') return line
    if (trimmed.startsWith('#')) return line.replace(/URI="([^"/]+)"/g, (_all, name: string) => `URI="${stored(name)}"`)
    // A runner names files next to the playlist; anything else (a path, a URL) is not ours to serve.
    return /^[\w.-]+$/.test(trimmed) ? stored(trimmed) : ''
  }).join('\n')
  // A temporary name of its own: PeerTube's runner posts the chunks of its rungs at once, each with the master.
  const temporary = `${destination}.${randomUUID()}.tmp`
  await writeFile(temporary, rewritten)
  await rename(temporary, destination)
}

/** The runner's success: the stream it read ended. */
export function onLiveJobCompleted (job: RunnerJobModel) {
  endSession(job, 'ended')
}

function endSession (job: RunnerJobModel, how: 'ended' | 'errored' | 'cancelled', reason?: string) {
  const { sessionId } = job.privatePayload as LivePrivatePayload
  const session = sessions.get(sessionId)
  if (!session) return
  sessions.delete(sessionId)
  afterCommit(() => session.callbacks?.onEnded?.(how, reason))
}

// A live cannot resume on another runner mid-stream: an abort or a stall errors it (PeerTube does the same).
registerRunnerJobKind([ 'live-rtmp-hls-transcoding' ], {
  abortSupported: false,
  onErrored: async (job, message) => endSession(job, 'errored', message),
  onCancelled: async job => endSession(job, 'cancelled')
})
