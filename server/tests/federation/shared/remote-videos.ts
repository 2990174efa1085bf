import type { TestInstance } from '../../shared/test-instance.js'
import { waitUntil } from '../../shared/wait.js'

// Helpers for video federation tests: what an instance shows of a video, through its REST API only.

export const AP_ACCEPT = { Accept: 'application/activity+json' }

/** Resolutions restricted to 240p: the clips are small, transcoding takes a second. */
export const FAST_TRANSCODING = {
  transcoding: { resolutions: { '144p': false, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } }
}

export async function findVideo (instance: TestInstance, uuid: string) {
  const res = await instance.api().get(`/api/v1/videos/${uuid}`)
  return res.status === 200 ? res.body : undefined
}

/** Waits until the instance shows the video (optionally until `check` accepts it) and returns its details. */
export async function waitForVideo (instance: TestInstance, uuid: string, check: (video: any) => boolean = () => true, timeoutMs = 30_000) {
  return waitUntil(async () => {
    const video = await findVideo(instance, uuid)
    return video && check(video) ? video : undefined
  }, timeoutMs, 200)
}

export async function waitForNoVideo (instance: TestInstance, uuid: string, timeoutMs = 30_000) {
  await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${uuid}`)).status === 404, timeoutMs, 200)
}

export async function updateVideoFields (instance: TestInstance, uuid: string, fields: Record<string, string | number>) {
  const req = instance.api().put(`/api/v1/videos/${uuid}`).set('Authorization', `Bearer ${instance.accessToken}`)
  for (const [ key, value ] of Object.entries(fields)) req.field(key, String(value))
  await req.expect(204)
}

export async function deleteVideo (instance: TestInstance, uuid: string) {
  await instance.api().delete(`/api/v1/videos/${uuid}`).set('Authorization', `Bearer ${instance.accessToken}`).expect(204)
}

export async function listVideoNames (instance: TestInstance) {
  const res = await instance.api().get('/api/v1/videos').query({ count: 100 }).expect(200)
  return (res.body.data as { name: string }[]).map(v => v.name)
}

/** Waits until the instance has no activity being delivered (broadcast/unicast jobs), so a negative check is meaningful. */
export async function waitForDeliveries (instance: TestInstance) {
  await waitUntil(async () => {
    for (const state of [ 'active', 'waiting', 'delayed' ]) {
      const res = await instance.api().get(`/api/v1/jobs/${state}`).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
      const pending = (res.body.data as { type: string }[]).filter(j => j.type.startsWith('activitypub-http'))
      if (pending.length !== 0) return false
    }
    return true
  }, 30_000, 200)
}
