import { spawn, type ChildProcess } from 'node:child_process'
import type { TestInstance } from './test-instance.js'
import { firstChannelId } from './videos.js'

export interface LiveCreateOptions {
  name?: string
  saveReplay?: boolean
  permanentLive?: boolean
  latencyMode?: 1 | 2 | 3
  privacy?: number
  replayPrivacy?: number
  token?: string
  channelId?: number
}

/** POST /api/v1/videos/live as the web client sends it (multipart). Returns the supertest response. */
export async function createLive (instance: TestInstance, options: LiveCreateOptions = {}) {
  const request = instance.api().post('/api/v1/videos/live')
    .set('Authorization', `Bearer ${options.token ?? instance.accessToken}`)
    .field('name', options.name ?? 'A live')
    .field('channelId', String(options.channelId ?? await firstChannelId(instance)))
    .field('privacy', String(options.privacy ?? 1))
    .field('saveReplay', String(options.saveReplay ?? false))
    .field('permanentLive', String(options.permanentLive ?? false))
    .field('latencyMode', String(options.latencyMode ?? 1))
  if (options.saveReplay) request.field('replaySettings[privacy]', String(options.replayPrivacy ?? options.privacy ?? 1))
  return request
}

export async function getLive (instance: TestInstance, id: string, token: string | null = instance.accessToken) {
  const request = instance.api().get(`/api/v1/videos/live/${id}`)
  if (token) request.set('Authorization', `Bearer ${token}`)
  return (await request.expect(200)).body as { rtmpUrl?: string, rtmpsUrl?: string, streamKey?: string, saveReplay: boolean, permanentLive: boolean, latencyMode: number }
}

export interface RtmpPush {
  process: ChildProcess
  /** Resolves when ffmpeg exits, with its code and what it printed. */
  exited: Promise<{ code: number | null, stderr: string }>
  stop: () => void
}

/**
 * A real RTMP push from ffmpeg: a test pattern (with a clock) and a tone, in real time (`-re`), H.264/AAC in FLV,
 * as OBS would send. `seconds` bounds the stream (it ends cleanly, as a streamer stopping).
 */
export function pushRtmp (url: string, options: { seconds?: number, width?: number, height?: number, fps?: number } = {}): RtmpPush {
  const { seconds = 8, width = 426, height = 240, fps = 25 } = options
  const args = [
    '-hide_banner', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(fps), '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '64k',
    '-f', 'flv', url
  ]
  const child = spawn('ffmpeg', args, { stdio: [ 'ignore', 'ignore', 'pipe' ] })
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => { stderr += chunk })
  const exited = new Promise<{ code: number | null, stderr: string }>(resolve => child.on('close', code => resolve({ code, stderr })))
  return { process: child, exited, stop: () => child.kill('SIGINT') }
}

export function rtmpUrlOf (instance: TestInstance, streamKey: string) {
  return `rtmp://127.0.0.1:${instance.rtmpPort}/live/${streamKey}`
}

/** GET a binary file (a segment, an init section) and return its bytes. */
export async function getBytes (instance: TestInstance, path: string) {
  const res = await instance.api().get(path).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = []
    res.on('data', (c: Buffer) => chunks.push(c))
    res.on('end', () => cb(null, Buffer.concat(chunks)))
  }).expect(200)
  return res.body as Buffer
}
