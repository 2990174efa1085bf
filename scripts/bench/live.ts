// npm run bench:live [-- --seconds 60 --viewers 3 --height 720 --modes small,default,high --set-back 0]
//
// Two real instances on loopback (the second follows the first and relays its lives), ffmpeg pushing a test
// source over RTMP in real time (-re, 30 fps), and headless Chromium viewers playing it on the watch page. For
// each latency mode it measures, over `--seconds` after a warm-up:
//   - glass-to-glass latency: the viewer's wall clock minus the EXT-X-PROGRAM-DATE-TIME (stamped from the ingest
//     clock) of the frame it shows (hls.js `playingDate`), p50 and p95 over every viewer's samples;
//   - beside it, its reference measured in the same run: the age of the newest frame the origin has published
//     (what a player glued to the live edge would show), so the player's own hold-back is the difference;
//   - the bytes the origin sent per viewer, against the bytes a viewer needed (what an origin without P2P or
//     relays sends each viewer), and the share viewers got from each other;
//   - in default mode, the same viewers on the relaying instance: what the origin sent for all of them.
// Goals (issue 15): small-latency p95 <= 4 s; default mode p95 <= 10 s with P2P sharing > 0.
import { spawn, type ChildProcess } from 'node:child_process'
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-core'
import { InstanceProcess } from '../local-cluster/instance-process.js'
import { SharedServices } from '../local-cluster/shared-services.js'
import { launchBrowser } from '../../server/tests/browser/shared/browser.js'
import { ensurePrivateNetwork } from './lib/private-network.js'
import { startEdgeProbe } from './lib/live-edge-probe.js'
import { percentile, watchLive, type WatchResult } from './lib/live-viewers.js'

ensurePrivateNetwork()

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    viewers: { type: 'string', default: '3' },
    height: { type: 'string', default: '720' },
    modes: { type: 'string', default: 'small,default,high' },
    // Sets the first viewer back this many seconds after the warm-up: does the player come back to the live edge?
    'set-back': { type: 'string', default: '0' }
  }
})
const SECONDS = Number(args.seconds)
const WARMUP = Number(args.warmup)
const VIEWERS = Number(args.viewers)
const HEIGHT = Number(args.height)
const SET_BACK = Number(args['set-back'])
const MODES = { small: 3, default: 1, high: 2 } as const
type ModeName = keyof typeof MODES
const modes = args.modes!.split(',').filter((m): m is ModeName => m in MODES)

/** A slot of its own (ports 15200..., storage/slot-62/): never in the way of test runs. */
const BENCH_SLOT = 62
const services = new SharedServices('bench/services')
const origin = new InstanceProcess(1, services, BENCH_SLOT)
const relay = new InstanceProcess(2, services, BENCH_SLOT)
const tokens = new Map<InstanceProcess, string>()
let browser: Browser | undefined
let push: ChildProcess | undefined

const liveConfig = {
  live: {
    enabled: true,
    transcoding: { resolutions: { '0p': false, '144p': false, '240p': false, '360p': false, '480p': false, '720p': false, '1080p': false, [`${HEIGHT}p`]: true } }
  }
}

interface ModeResult { mode: ModeName, edge: number[], direct: WatchResult, relayed?: WatchResult }

try {
  await services.start()
  await Promise.all([ origin, relay ].map(async instance => {
    await instance.flush()
    await instance.start({ config: liveConfig })
    tokens.set(instance, await login(instance))
  }))
  await api(relay, '/api/v1/server/following', { method: 'POST', json: { hosts: [ origin.host ] } })
  await pollUntil(async () => (await api(relay, '/api/v1/server/following')).data.some((f: { state: string }) => f.state === 'accepted'), 30_000)
  browser = await launchBrowser()

  const results: ModeResult[] = []
  for (const mode of modes) {
    results.push(await runMode(mode))
    console.log(`[bench] ${mode} done`)
  }
  printResults(results)
} finally {
  push?.kill('SIGINT')
  await browser?.close().catch(() => undefined)
  await Promise.all([ origin, relay ].map(i => i.stop().catch(() => undefined)))
  await services.stop().catch(() => undefined)
}

async function runMode (mode: ModeName): Promise<ModeResult> {
  const uuid = await createLive(`Bench ${mode}`, MODES[mode])
  const streamKey = (await api(origin, `/api/v1/videos/live/${uuid}`)).streamKey as string
  const windows = mode === 'default' ? 2 : 1
  push = pushTestSource(`rtmp://127.0.0.1:${origin.rtmpPort}/live/${streamKey}`, 30 + windows * (WARMUP + SECONDS + 20))
  const pushed = new Promise(resolve => push!.once('close', resolve))

  const video = await pollUntil(async () => {
    const v = await api(origin, `/api/v1/videos/${uuid}`)
    return v.state.id === 1 && v.streamingPlaylists.length === 1 ? v : undefined
  }, 60_000)
  const edge = startEdgeProbe(video.streamingPlaylists[0].playlistUrl)
  const traffic = async () => (await api(origin, `/api/v1/videos/live/${uuid}/traffic`)).bytesSent as number
  const direct = await watchLive({ browser: browser!, baseUrl: origin.url, uuid, viewers: VIEWERS, warmupSeconds: WARMUP, seconds: SECONDS, originBytes: traffic, setBackSeconds: SET_BACK })

  let relayed: WatchResult | undefined
  if (mode === 'default') {
    await pollUntil(async () => (await api(relay, `/api/v1/videos/${uuid}`)).state.id === 1, 30_000)
    relayed = await watchLive({ browser: browser!, baseUrl: relay.url, uuid, viewers: VIEWERS, warmupSeconds: WARMUP, seconds: SECONDS, originBytes: traffic })
  }
  const edgeAges = edge.stop()
  push.kill('SIGINT')
  await pushed
  push = undefined
  return { mode, edge: edgeAges, direct, relayed }
}

/** testsrc2 with a tone, in real time, H.264/AAC in FLV: what OBS sends (2 s keyframe interval). */
function pushTestSource (url: string, seconds: number) {
  const width = Math.round(HEIGHT * 16 / 9 / 2) * 2
  return spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${HEIGHT}:rate=30`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '60', '-pix_fmt', 'yuv420p', '-b:v', '2500k',
    '-c:a', 'aac', '-b:a', '128k',
    '-f', 'flv', url
  ], { stdio: [ 'ignore', 'ignore', 'inherit' ] })
}

function printResults (results: ModeResult[]) {
  const s = (ms: number) => Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a'
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
  console.log('')
  console.log(`live ${HEIGHT}p30 over RTMP, ${VIEWERS} viewer(s) per run, ${SECONDS} s measured after ${WARMUP} s of warm-up`)
  for (const { mode, edge, direct, relayed } of results) {
    console.log('')
    console.log(`${mode} latency:  glass-to-glass p50 ${s(percentile(direct.latencies, 50))}, p95 ${s(percentile(direct.latencies, 95))} ` +
      `(${direct.latencies.length} samples, ${direct.stalledSamples} stalled)`)
    console.log(`  reference: newest published frame's age p50 ${s(percentile(edge, 50))}, p95 ${s(percentile(edge, 95))}`)
    printCatchUp(direct)
    printBytes('  direct ', direct)
    if (relayed) {
      printBytes('  relayed', relayed)
      console.log(`  origin sent ${kb(relayed.originBytes)} for ${VIEWERS} viewers on the relay, ${kb(direct.originBytes)} for ${VIEWERS} viewers direct ` +
        `(${(relayed.originBytes / Math.max(1, direct.originBytes) * 100).toFixed(0)} %)`)
    }
  }
  const small = results.find(r => r.mode === 'small')
  const def = results.find(r => r.mode === 'default')
  console.log('')
  if (small) console.log(`goal small-latency p95 <= 4 s: ${percentile(small.direct.latencies, 95) <= 4000 ? 'met' : 'NOT met'}`)
  if (def) console.log(`goal default p95 <= 10 s with P2P sharing > 0: ${percentile(def.direct.latencies, 95) <= 10_000 && def.direct.fromPeers > 0 ? 'met' : 'NOT met'}`)

  /** Per viewer, medians of what hls.js's latency controller saw: why a viewer sits where it sits. */
  function printCatchUp (r: WatchResult) {
    const median = (values: number[]) => percentile(values, 50)
    r.catchUp.forEach((samples, i) => {
      if (samples.length === 0) return
      const rates = [ ...new Set(samples.map(c => c.playbackRate)) ].sort((a, b) => a - b).join('/')
      console.log(`  viewer ${i + 1}: hls.js latency ${median(samples.map(c => c.latency)).toFixed(2)} s, target ${median(samples.map(c => c.targetLatency ?? NaN)).toFixed(2)} s, ` +
        `max ${median(samples.map(c => c.maxLatency)).toFixed(2)} s, buffer ahead ${median(samples.map(c => c.forwardBuffer)).toFixed(2)} s, playback rates ${rates}`)
    })
  }

  function printBytes (label: string, r: WatchResult) {
    const needed = (r.fromServer + r.fromPeers) / VIEWERS
    const share = r.fromPeers / Math.max(1, r.fromServer + r.fromPeers) * 100
    // Without P2P (small latency) the player's loader counts nothing: the origin's figure is the reference itself.
    const reference = needed > 0 ? `a viewer needed ${kb(needed)} (reference)` : 'no P2P in this mode'
    console.log(`${label}: origin sent ${kb(r.originBytes / VIEWERS)} per viewer; ${reference}; from peers ${share.toFixed(1)} %`)
  }
}

async function createLive (name: string, latencyMode: number) {
  const channelId = (await api(origin, '/api/v1/users/me')).videoChannels[0].id
  const form = new FormData()
  for (const [ key, value ] of Object.entries({ name, channelId, privacy: 1, latencyMode, saveReplay: false, permanentLive: false })) form.set(key, String(value))
  const res = await fetch(`${origin.url}/api/v1/videos/live`, { method: 'POST', headers: { Authorization: `Bearer ${tokens.get(origin)}` }, body: form })
  if (res.status !== 200) throw new Error(`Cannot create a live: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { video: { uuid: string } }).video.uuid
}

async function login (instance: InstanceProcess) {
  const client = await (await fetch(`${instance.url}/api/v1/oauth-clients/local`)).json() as { client_id: string, client_secret: string }
  const res = await fetch(`${instance.url}/api/v1/users/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: client.client_id, client_secret: client.client_secret, grant_type: 'password', username: 'root', password: instance.rootPassword })
  })
  return ((await res.json()) as { access_token: string }).access_token
}

async function api (instance: InstanceProcess, path: string, options: { method?: string, json?: unknown } = {}): Promise<any> {
  const res = await fetch(instance.url + path, {
    method: options.method ?? 'GET',
    headers: { Authorization: `Bearer ${tokens.get(instance)}`, ...(options.json ? { 'Content-Type': 'application/json' } : {}) },
    body: options.json ? JSON.stringify(options.json) : undefined
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? undefined : res.json()
}

async function pollUntil<T> (check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined)
    if (value) return value
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  throw new Error('Timed out')
}
