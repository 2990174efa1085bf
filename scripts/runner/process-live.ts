import { execFile, spawn } from 'node:child_process'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { getFfmpegPath, getFfprobePath } from '../../server/helpers/ffmpeg/binaries.js'
import { KEYFRAME_INTERVAL_SECONDS } from '../../server/initializers/constants/transcoding.js'
import type { LiveRtmpHlsPayload } from '../../shared/models/runners.js'
import { RunnerApiError, type AcceptedJob, type RunnerClient } from './runner-client.js'

const POLL_MS = 300
const NOT_PROCESSING = 'runner_job_not_in_processing_state'

/**
 * A live job: one ffmpeg reads the RTMP input and writes every rung as HLS (MPEG-TS chunks named
 * `<rung>-<sequence>.ts`, playlists `<rung>.m3u8`, `master.m3u8`, a rolling window), as PeerTube's runner does.
 * Each chunk is posted once its playlist lists it, with that playlist; chunks leaving the window are announced.
 * The job ends with a success when the input ends, or when the instance says the live is over.
 */
export async function processLiveJob (context: { client: RunnerClient, job: AcceptedJob, workDir: string, preset: string, signal: AbortSignal }) {
  const { client, job } = context
  const payload = job.payload as LiveRtmpHlsPayload
  const dir = join(context.workDir, job.uuid)
  await mkdir(dir, { recursive: true })

  const rungs = payload.output.toTranscode
  const split = rungs.map((_, i) => `[s${i}]`).join('')
  const graph = [ `[0:v]split=${rungs.length}${split}`, ...rungs.map((r, i) => `[s${i}]fps=${r.fps},scale=-2:${r.resolution},format=yuv420p[v${i}]`) ].join(';')
  const hasAudio = await inputHasAudio(payload.input.rtmpUrl)
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-rw_timeout', '10000000', '-i', payload.input.rtmpUrl,
    '-filter_complex', graph,
    ...rungs.flatMap((r, i) => [ '-map', `[v${i}]`, ...(hasAudio ? [ '-map', '0:a:0' ] : []), `-g:v:${i}`, String(Math.round(r.fps * KEYFRAME_INTERVAL_SECONDS)) ]),
    '-c:v', 'libx264', '-preset', context.preset, '-tune', 'zerolatency', '-c:a', 'aac', '-b:a', '128k',
    '-f', 'hls', '-hls_time', String(payload.output.segmentDuration), '-hls_list_size', String(payload.output.segmentListSize),
    '-hls_flags', 'delete_segments+independent_segments+program_date_time',
    '-hls_segment_filename', join(dir, '%v-%06d.ts'),
    '-master_pl_name', 'master.m3u8',
    '-var_stream_map', rungs.map((_, i) => hasAudio ? `v:${i},a:${i}` : `v:${i}`).join(' '),
    join(dir, '%v.m3u8')
  ]

  const ffmpeg = spawn(getFfmpegPath(), args, { stdio: [ 'ignore', 'ignore', 'pipe' ], signal: context.signal })
  let stderr = ''
  ffmpeg.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000) })
  const exited = new Promise<number | null>(resolve => ffmpeg.on('close', code => resolve(code)))
  ffmpeg.on('error', () => undefined)

  const sent = new Set<string>()
  let ended = false
  const sync = async () => {
    const names = new Set(await readdir(dir).catch(() => [] as string[]))
    const master = names.has('master.m3u8') ? join(dir, 'master.m3u8') : undefined
    for (let i = 0; i < rungs.length; i++) {
      const playlistName = `${i}.m3u8`
      if (!names.has(playlistName)) continue
      const content = await readFile(join(dir, playlistName), 'utf8').catch(() => '')
      const listed = content.split('\n').filter(line => line.endsWith('.ts'))
      for (const chunk of listed) {
        if (sent.has(chunk) || !names.has(chunk)) continue
        // The playlist is sent as it stands up to this chunk, so it never names one the instance does not have.
        const upTo = content.slice(0, content.indexOf(chunk) + chunk.length) + '\n'
        const playlistCopy = join(dir, `.${playlistName}.${chunk}.m3u8`)
        await writeFile(playlistCopy, upTo)
        try {
          await client.update(job, { 'payload[type]': 'add-chunk', 'payload[videoChunkFilename]': chunk, 'payload[resolutionPlaylistFilename]': playlistName }, {
            'payload[videoChunkFile]': join(dir, chunk),
            'payload[resolutionPlaylistFile]': { path: playlistCopy, filename: playlistName },
            'payload[masterPlaylistFile]': master
          })
        } finally {
          await rm(playlistCopy, { force: true })
        }
        sent.add(chunk)
      }
    }
    for (const chunk of [ ...sent ]) {
      if (names.has(chunk)) continue
      await client.update(job, { 'payload[type]': 'remove-chunk', 'payload[videoChunkFilename]': chunk })
      sent.delete(chunk)
    }
  }

  try {
    while (!ended) {
      const code = await Promise.race([ exited, new Promise<'tick'>(resolve => setTimeout(() => resolve('tick'), POLL_MS)) ])
      try {
        await sync()
      } catch (err) {
        if (err instanceof RunnerApiError && err.code === NOT_PROCESSING) {
          // The live is over on the instance's side.
          ffmpeg.kill('SIGINT')
          break
        }
        throw err
      }
      if (code !== 'tick') {
        ended = true
        if (code !== 0 && code !== 255 && !context.signal.aborted) throw new Error(`ffmpeg stopped (${code}): ${stderr.trim().split('\n').pop() ?? ''}`)
      }
    }
    await client.success(job, {}).catch(err => {
      if (!(err instanceof RunnerApiError && err.code === NOT_PROCESSING)) throw err
    })
  } finally {
    ffmpeg.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
  }
}

/** Whether the stream carries sound (ffprobe, as PeerTube's runner does); a silent stream gets video-only rungs. */
function inputHasAudio (url: string) {
  return new Promise<boolean>(resolve => {
    execFile(getFfprobePath(), [ '-v', 'error', '-rw_timeout', '10000000', '-show_streams', '-of', 'json', url ], { timeout: 20_000 }, (err, stdout) => {
      if (err) return resolve(true)
      try {
        resolve((JSON.parse(stdout) as { streams?: { codec_type?: string }[] }).streams?.some(s => s.codec_type === 'audio') ?? true)
      } catch {
        resolve(true)
      }
    })
  })
}
