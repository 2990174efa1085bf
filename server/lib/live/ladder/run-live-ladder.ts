import { spawn } from 'node:child_process'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { LiveVideoErrorType } from '../../../../shared/models/lives.js'
import { getFfmpegPath } from '../../../helpers/ffmpeg/binaries.js'
import { buildMasterPlaylist, type MasterPlaylistEntry } from '../../video-pipeline/hls-master-playlist.js'
import { Fmp4StreamSplitter, type TrackInfo } from './fmp4-boxes.js'
import { buildLiveFilterGraph, buildLiveLadderArgs } from './live-ladder-args.js'
import type { IngestClock, LiveLadderEvents, LiveLadderSettings } from './live-ladder-types.js'
import { LiveHlsPackager } from './live-hls-packager.js'

export interface LadderResult {
  exitCode: number | null
  stderrTail: string
  stopped: boolean
  /** Why the session failed, when the ladder knows better than an exit code (a runner's failure). */
  error?: LiveVideoErrorType
}

export interface RunningLiveLadder {
  /** Resolves when ffmpeg exited and every playlist says the stream ended. */
  done: Promise<LadderResult>
  /** Media playlists by their file name (blocking reloads are answered from these). */
  packagers: LiveHlsPackager[]
  /** ffmpeg's speed (1 = real time), as it last reported it. */
  speed: () => number | undefined
  stop: () => void
}

const STDERR_TAIL_BYTES = 8 * 1024
const AUDIO_BANDWIDTH = 128_000

/**
 * The live ladder: one ffmpeg reads the RTMP stream once and encodes every rung, each rung's fragmented MP4 is
 * packaged into HLS (segments, LL-HLS parts, rolling playlists with program date times), and the master playlist
 * and `segments-sha256` file are kept up to date in `outputDir`. This is the whole boundary a remote runner would
 * implement: RTMP URL and settings in, HLS files (and these events) out.
 */
export function runLiveLadder (settings: LiveLadderSettings, clock: IngestClock, events: LiveLadderEvents = {}): RunningLiveLadder {
  const hashes = new Map<string, string>()
  const inits = new Map<number, TrackInfo[]>()
  let masterWritten = false
  let hashesTimer: NodeJS.Timeout | undefined
  let speed: number | undefined
  let stopped = false
  let stop = () => { stopped = true }

  const writeAtomically = async (name: string, content: string) => {
    const path = join(settings.outputDir, name)
    await writeFile(`${path}.tmp`, content)
    await rename(`${path}.tmp`, path)
  }

  // Written at most every 200 ms: with parts, files change several times a second.
  const scheduleHashes = () => {
    if (hashesTimer) return
    hashesTimer = setTimeout(() => {
      hashesTimer = undefined
      void writeAtomically(settings.segmentsSha256Name, JSON.stringify(Object.fromEntries(hashes))).catch(() => undefined)
    }, 200)
  }

  const writeMaster = async () => {
    if (masterWritten || inits.size !== settings.rungs.length) return
    masterWritten = true
    const entries: MasterPlaylistEntry[] = packagers.map(packager => {
      const rung = settings.rungs.find(r => r.resolution === packager.resolution)!
      const tracks = inits.get(packager.resolution) ?? []
      const video = tracks.find(t => t.kind === 'video')
      return {
        playlistFilename: packager.playlistName,
        bandwidth: (rung.maxBitrate || 0) + (settings.hasAudio ? AUDIO_BANDWIDTH : 0),
        width: video?.width,
        height: video?.height,
        fps: video ? rung.fps : undefined,
        codecs: tracks.map(t => t.codec).filter((c): c is string => !!c)
      }
    })
    const master = buildMasterPlaylist(entries)
    await writeAtomically(settings.masterPlaylistName, master)
    events.onMasterPlaylist?.(master)
  }

  const packagers = settings.rungs.map(rung => {
    const packager = new LiveHlsPackager({
      dir: settings.outputDir,
      resolution: rung.resolution,
      prefix: `${settings.filePrefix}-${rung.resolution}`,
      segmentSeconds: settings.segmentSeconds,
      partSeconds: settings.partSeconds,
      windowSegments: settings.windowSegments,
      keepSegments: settings.keepTopRungSegments && rung === settings.rungs[0],
      clock,
      onInit: tracks => {
        inits.set(rung.resolution, tracks)
        void writeMaster()
      },
      onSegment: segment => events.onSegment?.(segment),
      onFile: (name, sha256) => {
        if (sha256) hashes.set(name, sha256)
        else hashes.delete(name)
        scheduleHashes()
      },
      onPlaylistChange: () => events.onPlaylistChange?.(rung.resolution)
    })
    return packager
  })

  const done = (async () => {
    await mkdir(settings.outputDir, { recursive: true })
    await mkdir(settings.workDir, { recursive: true })
    const graph = buildLiveFilterGraph(settings)
    // A file (not an argument) so the command line names our storage: a leftover ffmpeg is found after a crash.
    const scriptPath = graph ? join(settings.workDir, `${settings.filePrefix}-filters.txt`) : undefined
    if (scriptPath) await writeFile(scriptPath, graph!)

    const args = buildLiveLadderArgs(settings, scriptPath)
    const child = spawn(getFfmpegPath(), args, {
      stdio: [ 'ignore', 'pipe', 'pipe', ...settings.rungs.map(() => 'pipe' as const) ]
    })
    stop = () => {
      stopped = true
      // SIGINT lets ffmpeg write its last fragments; SIGKILL if it lingers.
      child.kill('SIGINT')
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
    }
    if (stopped) stop()

    let stderrTail = ''
    child.stderr!.setEncoding('utf8')
    child.stderr!.on('data', (chunk: string) => { stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_BYTES) })
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      const match = /speed=\s*([\d.]+)x/.exec(chunk)
      if (match) speed = parseFloat(match[1])
    })

    const outputs = settings.rungs.map((_rung, index) => new Promise<void>(resolve => {
      const pipe = child.stdio[3 + index] as Readable
      const packager = packagers[index]
      const splitter = new Fmp4StreamSplitter({
        onInit: (init, tracks) => packager.onInit(init, tracks),
        onFragment: (fragment, info) => packager.onFragment(fragment, info)
      })
      pipe.on('data', (data: Buffer) => {
        try {
          splitter.push(data)
        } catch (err) {
          stderrTail += `\n${(err as Error).message}`
          child.kill('SIGKILL')
        }
      })
      pipe.on('close', () => resolve())
      pipe.on('error', () => resolve())
    }))

    const exitCode = await new Promise<number | null>(resolve => {
      child.on('error', err => {
        stderrTail += `\n${err.message}`
        resolve(null)
      })
      child.on('close', code => resolve(code))
    })
    await Promise.all(outputs)
    await Promise.all(packagers.map(p => p.finish()))
    clearTimeout(hashesTimer)
    hashesTimer = undefined
    await writeAtomically(settings.segmentsSha256Name, JSON.stringify(Object.fromEntries(hashes))).catch(() => undefined)
    return { exitCode, stderrTail, stopped }
  })()

  return { done, packagers, speed: () => speed, stop: () => stop() }
}
