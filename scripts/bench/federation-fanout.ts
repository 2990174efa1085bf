/**
 * Fan-out of one video publication to 1,000 followers, end to end on loopback: a real instance (own PostgreSQL and
 * Redis) whose account has 1,000 remote followers, each with its own inbox (no shared inbox, so 1,000 signed
 * deliveries per activity), and a receiver in this process that verifies every HTTP signature with our own
 * verifier before answering 204. Publishing the video (private -> public) sends a Create to the account's
 * followers, then two Announces (channel, server actor) to the same inboxes.
 *
 * Prints: time until the receiver has verified the Create at all 1,000 inboxes, time for all 3,000 deliveries,
 * and the HTTP signature sign/verify rates (scripts/bench/http-signatures.ts).
 *
 * Run: npx tsx scripts/bench/federation-fanout.ts [followers, default 1000]
 * Network: loopback only. Started outside a private network namespace, it re-runs itself inside one
 * (`unshare -n`, loopback up); it refuses to run where that is impossible and other interfaces exist.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { getSignatureKeyId, verifyIncomingRequest } from '../../server/helpers/activitypub/index.js'
import { generateRsaKeyPair } from '../../server/helpers/crypto/rsa-keys.js'
import { fromRoot } from '../../server/helpers/project-root.js'
import { InstanceProcess } from '../local-cluster/instance-process.js'
import { SharedServices } from '../local-cluster/shared-services.js'

const FOLLOWERS = Number(process.argv[2] ?? 1000)
/** A slot of its own (ports 15101..., storage/slot-61/): never in the way of test runs. */
const BENCH_SLOT = 61
const TIMEOUT_MS = 5 * 60_000

function nonLoopbackInterfaces () {
  return Object.entries(networkInterfaces())
    .filter(([ , addresses ]) => (addresses ?? []).some(a => !a.internal))
    .map(([ name ]) => name)
}

/** Re-runs this script inside a loopback-only network namespace; returns false when that is impossible. */
function rerunInPrivateNetwork () {
  const quote = (value: string) => `'${value.replaceAll('\'', '\'\\\'\'')}'`
  const command = [ process.execPath, ...process.execArgv, ...process.argv.slice(1) ].map(quote).join(' ')
  for (const flags of [ [ '-n' ], [ '-r', '-n' ] ]) {
    if (spawnSync('unshare', [ ...flags, 'sh', '-c', 'ip link set lo up' ], { stdio: 'ignore' }).status !== 0) continue
    const result = spawnSync('unshare', [ ...flags, 'sh', '-c', `ip link set lo up && exec ${command}` ], {
      stdio: 'inherit',
      env: { ...process.env, TUBELESS_BENCH_IN_NETNS: '1' }
    })
    process.exit(result.status ?? 1)
  }
  return false
}

interface Receiver {
  origin: string
  verified: Map<string, number[]>
  failures: string[]
  waitFor: (type: string, count: number) => Promise<number>
  close: () => Promise<void>
}

/**
 * Inboxes /users/<name>/inbox that verify each delivery's signature against the signer's key (read once from its
 * actor document, as a real server caches it), then answer 204.
 */
async function startReceiver (): Promise<Receiver> {
  const keys = new Map<string, Promise<string>>()
  const keyOf = (actorUrl: string) => {
    let key = keys.get(actorUrl)
    if (!key) {
      key = fetch(actorUrl, { headers: { Accept: 'application/activity+json' } })
        .then(async res => (JSON.parse(await res.text()) as { publicKey: { publicKeyPem: string } }).publicKey.publicKeyPem)
      keys.set(actorUrl, key)
    }
    return key
  }
  const verified = new Map<string, number[]>()
  const failures: string[] = []
  const waiters: { type: string, count: number, resolve: (at: number) => void }[] = []

  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }

  const server = createServer((req, res) => {
    read(req).then(async rawBody => {
      const signer = getSignatureKeyId(req.headers)
      const result = signer
        ? await verifyIncomingRequest({ method: req.method!, path: req.url!, headers: req.headers, rawBody, publicKeyPem: await keyOf(signer.actorUrl), scheme: 'http' })
        : { ok: false as const, reason: 'unsigned' }
      if (!result.ok) {
        failures.push(`${req.url}: ${result.reason}`)
        res.writeHead(401).end()
        return
      }
      const type = String(JSON.parse(rawBody.toString('utf8')).type)
      const times = verified.get(type) ?? []
      times.push(performance.now())
      verified.set(type, times)
      res.writeHead(204).end()
      for (const waiter of waiters.filter(w => w.type === type && times.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(times[waiter.count - 1])
      }
    }).catch(err => {
      failures.push(String(err))
      res.writeHead(500).end()
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))

  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    verified,
    failures,
    waitFor: (type, count) => new Promise<number>((resolve, reject) => {
      const times = verified.get(type) ?? []
      if (times.length >= count) return resolve(times[count - 1])
      waiters.push({ type, count, resolve })
      setTimeout(() => reject(new Error(`Only ${(verified.get(type) ?? []).length}/${count} ${type} verified after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref()
    }),
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}

async function api (instance: InstanceProcess, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  const res = await fetch(instance.url + path, { ...init, headers })
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`)
  return res
}

async function login (instance: InstanceProcess) {
  const client = await (await api(instance, '/api/v1/oauth-clients/local')).json() as { client_id: string, client_secret: string }
  const body = new URLSearchParams({ ...client, grant_type: 'password', username: 'root', password: instance.rootPassword })
  const token = await (await api(instance, '/api/v1/users/token', { method: 'POST', body })).json() as { access_token: string }
  return token.access_token
}

/** FOLLOWERS remote actors on the receiver's origin, each with its own inbox, following root's account. */
async function seedFollowers (services: SharedServices, instance: InstanceProcess, receiverOrigin: string) {
  const db = instance.databaseName
  const { publicKeyPem } = await generateRsaKeyPair()
  const [ server ] = await services.query<{ id: number }>(db,
    'INSERT INTO server (host, "createdAt", "updatedAt") VALUES ($1, now(), now()) RETURNING id', [ new URL(receiverOrigin).host ])
  await services.query(db,
    'INSERT INTO actor (type, "preferredUsername", url, "publicKey", "inboxUrl", "sharedInboxUrl", "followersCount", "followingCount", ' +
    '"lastFetchedAt", "serverId", "createdAt", "updatedAt") ' +
    'SELECT \'Person\', \'follower\' || i, $1 || \'/users/follower\' || i, $2, $1 || \'/users/follower\' || i || \'/inbox\', NULL, 0, 1, now(), $3, now(), now() ' +
    'FROM generate_series(1, $4::int) AS i',
    [ receiverOrigin, publicKeyPem, server.id, FOLLOWERS ])
  const [ target ] = await services.query<{ id: number }>(db, 'SELECT id FROM actor WHERE "preferredUsername" = \'root\' AND "serverId" IS NULL')
  await services.query(db,
    'INSERT INTO "actorFollow" (state, url, score, "actorId", "targetActorId", "createdAt", "updatedAt") ' +
    'SELECT \'accepted\', a.url || \'/follows/root\', 50, a.id, $1, now(), now() FROM actor a WHERE a."serverId" = $2',
    [ target.id, server.id ])
  await services.query(db, 'UPDATE actor SET "followersCount" = $1 WHERE id = $2', [ FOLLOWERS, target.id ])
}

async function uploadPrivateVideo (services: SharedServices, instance: InstanceProcess, token: string, clipPath: string) {
  const [ channel ] = await services.query<{ id: number }>(instance.databaseName,
    'SELECT c.id FROM "videoChannel" c JOIN actor a ON a.id = c."actorId" WHERE a."preferredUsername" = \'root_channel\' AND a."serverId" IS NULL')
  const form = new FormData()
  form.set('name', 'Fan-out benchmark')
  form.set('channelId', String(channel.id))
  form.set('privacy', '3')
  form.set('videofile', new Blob([ readFileSync(clipPath) ], { type: 'video/mp4' }), 'clip.mp4')
  const { video } = await (await api(instance, '/api/v1/videos/upload', { method: 'POST', body: form, token })).json() as { video: { uuid: string } }

  for (let i = 0; i < 600; i++) {
    const details = await (await api(instance, `/api/v1/videos/${video.uuid}`, { token })).json() as { state: { id: number }, files: unknown[] }
    if (details.state.id === 1 && details.files.length !== 0) return video.uuid
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error('The benchmark video was not published in time')
}

function signatureRates () {
  try {
    return execFileSync(process.execPath, [ ...process.execArgv, fromRoot('scripts', 'bench', 'http-signatures.ts'), '2' ], { encoding: 'utf8' })
  } catch (err) {
    return `(http-signatures.ts failed: ${(err as Error).message})`
  }
}

async function main () {
  if (process.env.TUBELESS_BENCH_IN_NETNS !== '1' && nonLoopbackInterfaces().length !== 0) {
    rerunInPrivateNetwork()
    console.error(`Refusing to run: interfaces other than loopback exist (${nonLoopbackInterfaces().join(', ')}) and no private ` +
      'network namespace can be created. Run it as: unshare -n sh -c \'ip link set lo up; npx tsx scripts/bench/federation-fanout.ts\'')
    process.exit(1)
  }

  const workDir = mkdtempSync(join(tmpdir(), 'tubeless-fanout-'))
  const clip = join(workDir, 'clip.mp4')
  execFileSync('ffmpeg', [ '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=1',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', clip ])

  const services = new SharedServices(`slot-${BENCH_SLOT}/services`)
  const instance = new InstanceProcess(1, services, BENCH_SLOT)
  let receiver: Receiver | undefined
  try {
    console.log(`Starting PostgreSQL, Redis and an instance (${FOLLOWERS} followers to seed)...`)
    await services.start()
    await instance.flush()
    await instance.start({
      config: {
        log: { level: 'error' },
        transcoding: { resolutions: { '144p': false, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } }
      }
    })
    const token = await login(instance)

    receiver = await startReceiver()
    await seedFollowers(services, instance, receiver.origin)
    const uuid = await uploadPrivateVideo(services, instance, token, clip)

    // Publishing = opening the privacy of a video that is ready: no transcoding inside the measure.
    const start = performance.now()
    const form = new FormData()
    form.set('privacy', '1')
    await api(instance, `/api/v1/videos/${uuid}`, { method: 'PUT', body: form, token })
    const answered = performance.now()

    const firstCreate = await receiver.waitFor('Create', 1)
    const allCreates = await receiver.waitFor('Create', FOLLOWERS)
    const allAnnounces = await receiver.waitFor('Announce', 2 * FOLLOWERS)
    const end = Math.max(allCreates, allAnnounces)

    const seconds = (t: number) => ((t - start) / 1000).toFixed(2)
    console.log(`\nFan-out of one publication to ${FOLLOWERS} followers (distinct inboxes), every signature verified by the receiver:`)
    console.log(`  publish request answered after        ${seconds(answered)} s`)
    console.log(`  first Create verified after           ${seconds(firstCreate)} s`)
    console.log(`  Create verified at all ${FOLLOWERS} inboxes    ${seconds(allCreates)} s  (${(FOLLOWERS / ((allCreates - start) / 1000)).toFixed(0)} deliveries/s)`)
    console.log(`  Create + 2 Announces (${3 * FOLLOWERS} deliveries) ${seconds(end)} s  (${(3 * FOLLOWERS / ((end - start) / 1000)).toFixed(0)} deliveries/s)`)
    console.log(`  signature failures at the receiver     ${receiver.failures.length}`)

    console.log('\nHTTP and LD signature rates (scripts/bench/http-signatures.ts, 2 s per measure):\n')
    console.log(signatureRates())
  } finally {
    await receiver?.close()
    await instance.stop()
    await services.stop()
    rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch(err => {
  console.error(err)
  process.exitCode = 1
})
