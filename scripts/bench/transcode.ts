// npm run bench:transcode [-- input-file]
//
// On one 60 s 1080p H.264/AAC clip (generated when none is given), measures on a real instance:
//   (a) upload -> playable: the upload request is answered and the video has a playable file;
//   (b) upload -> whole ladder done: 1080/720/480/360/240 as web videos and HLS, with torrents and playlists;
// and (c) the plain reference: one ffmpeg run that decodes once and encodes each rung, then an HLS remux of each.
// Prints the three times and the ratio b/c. The instance uses the default x264 preset, as the reference does.

import { existsSync, openAsBlob } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { probe } from '../../server/helpers/ffmpeg/probe.js'
import { fromRoot } from '../../server/helpers/project-root.js'
import { X264 } from '../../server/initializers/constants/transcoding.js'
import { InstanceProcess } from '../local-cluster/instance-process.js'
import { SharedServices } from '../local-cluster/shared-services.js'
import { planLadder } from '../../server/lib/video-pipeline/index.js'
import { generateBenchClip, timeReference } from './lib/reference-ladder.js'

const LADDER = [ 1080, 720, 480, 360, 240 ]
const BENCH_SLOT = 9

export interface LadderFigures {
  playableSeconds: number
  ladderSeconds: number
  referenceSeconds: number
  referenceCpuSeconds: number
  clip: string
}

/** The three times of the ladder benchmark (see the top of this file). */
export async function benchTranscode (inputFile?: string): Promise<LadderFigures> {
  const benchDir = fromRoot('storage', 'bench')
  await mkdir(benchDir, { recursive: true })
  const input = inputFile ?? join(benchDir, 'clip-1080p-60s.mp4')
  if (!existsSync(input)) await generateBenchClip(input)

  const services = new SharedServices('bench/services')
  const instance = new InstanceProcess(1, services, BENCH_SLOT)

  try {
    await services.start()
    await instance.flush()
    await instance.start({
      config: {
        transcoding: {
          preset: X264.DEFAULT_PRESET,
          threads: 0,
          resolutions: { '144p': false, '240p': true, '360p': true, '480p': true, '720p': true, '1080p': true, '1440p': false, '2160p': false }
        }
      }
    })
    const token = await login()
    const channelId = (await api('/api/v1/users/me', token)).videoChannels[0].id

    const form = new FormData()
    form.set('name', 'Benchmark clip')
    form.set('channelId', String(channelId))
    form.set('videofile', await openAsBlob(input, { type: 'video/mp4' }), basename(input))

    const started = performance.now()
    const upload = await fetch(`${instance.url}/api/v1/videos/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
    if (upload.status !== 200) throw new Error(`Upload failed: ${upload.status} ${await upload.text()}`)
    const { uuid } = ((await upload.json()) as { video: { uuid: string } }).video

    const playable = await pollUntil(async () => {
      const video = await api(`/api/v1/videos/${uuid}`, token)
      return video.state.id === 1 && video.files.length !== 0
    }, 100)
    const playableSeconds = (playable - started) / 1000

    const laddered = await pollUntil(async () => {
      const video = await api(`/api/v1/videos/${uuid}`, token)
      const web = video.files.map((f: { resolution: { id: number } }) => f.resolution.id)
      const hls = (video.streamingPlaylists[0]?.files ?? []).map((f: { resolution: { id: number } }) => f.resolution.id)
      return LADDER.every(r => web.includes(r) && hls.includes(r))
    }, 250)
    const ladderSeconds = (laddered - started) / 1000
    await instance.stop()

    const source = await probe(input)
    const rungs = planLadder({ width: source.video!.displayWidth, height: source.video!.displayHeight, fps: source.video!.fps }, { enabledResolutions: LADDER })
    const referenceDir = join(benchDir, 'reference')
    const reference = await timeReference(input, source, rungs, referenceDir, X264.DEFAULT_PRESET)
    await rm(referenceDir, { recursive: true, force: true })

    const clip = `${input} (${source.durationSeconds.toFixed(0)} s, ${source.video!.displayWidth}x${source.video!.displayHeight}, ${source.video!.codec}/${source.audio?.codec})`
    return { playableSeconds, ladderSeconds, referenceSeconds: reference.wall, referenceCpuSeconds: reference.cpu, clip }
  } finally {
    await instance.stop().catch(() => undefined)
    await services.stop().catch(() => undefined)
  }

  async function login () {
    const client = await api('/api/v1/oauth-clients/local')
    const res = await fetch(`${instance.url}/api/v1/users/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: client.client_id, client_secret: client.client_secret, grant_type: 'password', username: 'root', password: instance.rootPassword })
    })
    return ((await res.json()) as { access_token: string }).access_token
  }

  async function api (path: string, token?: string): Promise<any> {
    const res = await fetch(instance.url + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
    if (!res.ok) throw new Error(`${path}: ${res.status}`)
    return res.json()
  }

  async function pollUntil (check: () => Promise<boolean>, intervalMs: number) {
    const deadline = Date.now() + 20 * 60_000
    while (Date.now() < deadline) {
      if (await check()) return performance.now()
      await new Promise(resolve => setTimeout(resolve, intervalMs))
    }
    throw new Error('Timed out')
  }
}

// npm run bench:transcode [-- input-file]
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchTranscode(process.argv[2])
  console.log('')
  console.log(`clip: ${figures.clip}`)
  console.log(`(a) upload -> playable:            ${figures.playableSeconds.toFixed(2)} s`)
  console.log(`(b) upload -> whole ladder done:   ${figures.ladderSeconds.toFixed(2)} s`)
  console.log(`(c) plain one-decode ffmpeg ladder: ${figures.referenceSeconds.toFixed(2)} s (ffmpeg CPU ${figures.referenceCpuSeconds.toFixed(1)} s)`)
  console.log(`b/c = ${(figures.ladderSeconds / figures.referenceSeconds).toFixed(3)}   (goals: a <= 10 s, b/c <= 1.10)`)
}
