import { createHash } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LiveVideoError } from '../../../../shared/models/lives.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { startLiveOnRunner, stopLiveOnRunner } from '../../runners/live/live-runner-jobs.js'
import { keepRunnerChunkForReplay } from '../live-replay-files.js'
import type { LiveLadderEvents, LiveLadderSettings } from './live-ladder-types.js'
import type { LadderResult, RunningLiveLadder } from './run-live-ladder.js'

const log = loggerWithTags('live', 'runners')

/** After the streamer left, the runner has this long to notice the end of its input and post its success. */
const RUNNER_END_GRACE_MS = 10_000

export interface LiveOnRunnerSettings extends LiveLadderSettings {
  videoUUID: string
  sessionId: number
  /** The URL the runner plays the stream from (our public RTMP(S) address, not loopback). */
  runnerInputUrl: string
  /** Resolves when the streamer's input ended. */
  inputEnded: Promise<void>
}

/**
 * The live ladder done by a remote runner (`live-rtmp-hls-transcoding`), behind the same interface as the local
 * one: the runner plays the RTMP stream and posts each chunk with its playlists, stored in `outputDir` under the
 * session's prefix; here `segments-sha256` is kept up to date and the session hears of its master playlist and of
 * a segment per rung, so it publishes the live when every rung plays. A runner that fails, stalls (no contact for
 * `remote_runners.stalled_jobs.live`) or is removed ends the session with RUNNER_JOB_ERROR: a live cannot move to
 * another runner mid-stream without its viewers losing the stream's timeline.
 * Blocking playlist reloads are not answered from memory (`packagers` is empty): the runner's HLS is not LL-HLS.
 * With a replay (`keepTopRungSegments`), each chunk of the top rung is also kept for it as it arrives: the runner's
 * removals only shrink the live window (as with PeerTube), and the session's end makes the replay from them.
 */
export function runLiveLadderOnRunner (settings: LiveOnRunnerSettings, events: LiveLadderEvents = {}): RunningLiveLadder {
  const rungs = settings.rungs.filter(rung => rung.resolution > 0)
  const hashes = new Map<string, string>()
  const playlistResolutions = new Map<string, number>()
  /** `announced`: posted with its playlist (so players can read it); the others only count for the replay. */
  const waitingForMaster: { filename: string, playlistFilename: string, size: number, sha256: string, announced: boolean }[] = []
  let master: string | undefined
  let hashesWrite = Promise.resolve()
  let stopped = false
  let jobUUID: string | undefined
  let settle!: (result: LadderResult) => void
  const ended = new Promise<LadderResult>(resolve => { settle = resolve })

  const writeHashes = () => {
    const path = join(settings.outputDir, settings.segmentsSha256Name)
    const content = JSON.stringify(Object.fromEntries(hashes))
    hashesWrite = hashesWrite.then(async () => {
      await writeFile(`${path}.tmp`, content)
      await rename(`${path}.tmp`, path)
    }).catch(err => { log.warn(`Live ${settings.videoUUID}: cannot write ${settings.segmentsSha256Name}`, { err }) })
    return hashesWrite
  }

  const takeChunk = async (chunk: typeof waitingForMaster[number]) => {
    const resolution = playlistResolutions.get(chunk.playlistFilename)
    if (resolution === undefined) return
    if (settings.keepTopRungSegments && resolution === rungs[0]?.resolution) {
      await keepRunnerChunkForReplay(settings.outputDir, settings.sessionId, chunk.filename)
        .catch(err => { log.warn(`Live ${settings.videoUUID}: chunk ${chunk.filename} is missing from its replay`, { err }) })
    }
    if (chunk.announced) events.onSegment?.({ resolution, name: chunk.filename, msn: 0, duration: settings.segmentSeconds, size: chunk.size, sha256: chunk.sha256, programDateTime: Date.now() })
  }

  // The master playlist lists the variants in the order they were asked for (the job's toTranscode).
  const readMaster = async () => {
    if (master !== undefined) return
    const content = await readFile(join(settings.outputDir, settings.masterPlaylistName), 'utf8').catch(() => undefined)
    if (!content) return
    const variants = content.split('\n').map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#'))
    variants.forEach((name, index) => { if (rungs[index]) playlistResolutions.set(name, rungs[index].resolution) })
    master = content
    events.onMasterPlaylist?.(content)
    for (const chunk of waitingForMaster.splice(0)) await takeChunk(chunk)
  }

  const playlistOfChunk = (stored: string) => {
    const variant = /^(\d+)-/.exec(stored.slice(settings.filePrefix.length + 1))?.[1]
    return variant === undefined ? undefined : `${settings.filePrefix}-${variant}.m3u8`
  }

  const onChunk = async (event: { type: 'add-chunk' | 'remove-chunk', filename: string, playlistFilename?: string }) => {
    if (event.type === 'remove-chunk') {
      hashes.delete(event.filename)
      await writeHashes()
      return
    }
    const bytes = await readFile(join(settings.outputDir, event.filename)).catch(() => undefined)
    if (!bytes) return
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    hashes.set(event.filename, sha256)
    await writeHashes()
    await readMaster()
    // PeerTube's runner posts its first chunks without a playlist (until it has them all); their playlist is in
    // their name (`<variant>-<sequence>.ts` goes in `<variant>.m3u8`), enough to keep them for the replay.
    const playlistFilename = event.playlistFilename ?? playlistOfChunk(event.filename)
    if (!playlistFilename) return
    const chunk = { filename: event.filename, playlistFilename, size: bytes.length, sha256, announced: event.playlistFilename !== undefined }
    if (master === undefined) waitingForMaster.push(chunk)
    else await takeChunk(chunk)
    if (chunk.announced) events.onPlaylistChange?.(playlistResolutions.get(playlistFilename) ?? 0)
  }

  const stop = () => {
    if (stopped) return
    stopped = true
    if (jobUUID) void stopLiveOnRunner(String(settings.sessionId), jobUUID)
    settle({ exitCode: 0, stderrTail: '', stopped: true })
  }

  const done = (async (): Promise<LadderResult> => {
    // Chunks are handled one after the other: the hashes file and the master's reading follow their order.
    let chunks = Promise.resolve()
    try {
      jobUUID = await startLiveOnRunner({
        videoUUID: settings.videoUUID,
        sessionId: String(settings.sessionId),
        rtmpUrl: settings.runnerInputUrl,
        toTranscode: rungs.map(rung => ({ resolution: rung.resolution, fps: rung.fps })),
        segmentDuration: settings.segmentSeconds,
        segmentListSize: settings.windowSegments,
        outputDirectory: settings.outputDir,
        masterPlaylistName: settings.masterPlaylistName,
        filePrefix: settings.filePrefix,
        callbacks: {
          onChunk: event => { chunks = chunks.then(() => onChunk(event)).catch(err => { log.warn(`Live ${settings.videoUUID}: cannot take a runner chunk`, { err }) }) },
          onEnded: (how, reason) => {
            if (how === 'ended') settle({ exitCode: 0, stderrTail: '', stopped: false })
            else settle({ exitCode: 1, stderrTail: reason ?? how, stopped: false, error: how === 'errored' ? LiveVideoError.RUNNER_JOB_ERROR : LiveVideoError.RUNNER_JOB_CANCEL })
          }
        }
      })
    } catch (err) {
      log.error(`Live ${settings.videoUUID}: cannot create its runner job`, { err })
      return { exitCode: null, stderrTail: (err as Error).message, stopped: false, error: LiveVideoError.RUNNER_JOB_ERROR }
    }
    if (stopped) void stopLiveOnRunner(String(settings.sessionId), jobUUID)

    // The streamer left: the runner's input ends too and it posts its success; one that does not is stopped.
    void settings.inputEnded.then(() => {
      const timer = setTimeout(stop, RUNNER_END_GRACE_MS)
      void ended.finally(() => clearTimeout(timer))
    })
    const result = await ended
    await chunks
    await hashesWrite
    return result
  })()

  return { done, packagers: [], speed: () => undefined, stop }
}
