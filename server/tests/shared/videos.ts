import type { TestInstance } from './test-instance.js'
import { waitUntil } from './wait.js'

export interface UploadOptions {
  token?: string
  channelId?: number
  name?: string
  privacy?: number
  extra?: Record<string, string | number | boolean>
}

/** The id of a user's first channel, read from the database (the API for it is tested elsewhere). */
export async function firstChannelId (instance: TestInstance, username = 'root') {
  const rows = await instance.sql<{ id: number }>(
    'SELECT c.id FROM "videoChannel" c JOIN account a ON a.id = c."accountId" JOIN "user" u ON u.id = a."userId" WHERE u.username = $1 ORDER BY c.id LIMIT 1',
    [ username ]
  )
  return rows[0].id
}

/** Multipart upload, as PeerTube's CLI does it. Returns the supertest response. */
export async function uploadVideo (instance: TestInstance, filePath: string, options: UploadOptions = {}) {
  const req = instance.api()
    .post('/api/v1/videos/upload')
    .set('Authorization', `Bearer ${options.token ?? instance.accessToken}`)
    .field('name', options.name ?? 'A test video')
    .field('channelId', String(options.channelId ?? await firstChannelId(instance)))

  if (options.privacy) req.field('privacy', String(options.privacy))
  for (const [ key, value ] of Object.entries(options.extra ?? {})) req.field(key, String(value))
  return req.attach('videofile', filePath)
}

export function getVideo (instance: TestInstance, id: string, token = instance.accessToken) {
  return instance.api().get(`/api/v1/videos/${id}`).set('Authorization', `Bearer ${token}`)
}

/** Waits until the video is published with every given resolution in each expected format (both by default). */
export async function waitForLadder (
  instance: TestInstance,
  uuid: string,
  resolutions: number[],
  options: { timeoutMs?: number, web?: boolean, hls?: boolean } = {}
) {
  const { timeoutMs = 120_000, web: expectWeb = true, hls: expectHls = true } = options
  return waitUntil(async () => {
    const res = await getVideo(instance, uuid)
    if (res.status !== 200) return false
    const video = res.body
    const web = video.files.map((f: { resolution: { id: number } }) => f.resolution.id).sort()
    const hls = (video.streamingPlaylists[0]?.files ?? []).map((f: { resolution: { id: number } }) => f.resolution.id).sort()
    const wanted = [ ...resolutions ].sort()
    const same = (actual: number[], expected: boolean) => JSON.stringify(actual) === JSON.stringify(expected ? wanted : [])
    const done = video.state.id === 1 && same(web, expectWeb) && same(hls, expectHls)
    return done ? video : false
  }, timeoutMs, 500)
}

/** uploadVideo that fails the test unless the upload answered 200. */
export async function uploadVideoChecked (instance: TestInstance, filePath: string, options: UploadOptions = {}) {
  const res = await uploadVideo(instance, filePath, options)
  if (res.status !== 200) throw new Error(`Upload failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res
}
