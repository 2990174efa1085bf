import type { TestInstance } from '../../shared/test-instance.js'
import { waitUntil } from '../../shared/wait.js'

export interface RestFollow {
  id: number
  state: string
  score: number
  follower: { url: string, name: string, host: string, followersCount: number, followingCount: number }
  following: { url: string, name: string, host: string, followersCount: number, followingCount: number }
}

export function bearer (instance: TestInstance) {
  return { Authorization: `Bearer ${instance.accessToken}` }
}

export async function listFollows (instance: TestInstance, list: 'followers' | 'following', query: Record<string, string> = {}) {
  const res = await instance.api().get(`/api/v1/server/${list}`).query(query).expect(200)
  return res.body as { total: number, data: RestFollow[] }
}

/** POST /api/v1/server/following as root. */
export async function follow (instance: TestInstance, targets: { hosts?: string[], handles?: string[] }) {
  await instance.api().post('/api/v1/server/following').set(bearer(instance)).send(targets).expect(204)
}

export async function unfollow (instance: TestInstance, hostOrHandle: string) {
  await instance.api().delete(`/api/v1/server/following/${encodeURIComponent(hostOrHandle)}`).set(bearer(instance)).expect(204)
}

/** Waits until `instance`'s list has a follow with the other side on `host` (named `name`) in `state`. */
export async function waitForFollow (instance: TestInstance, list: 'followers' | 'following', host: string, state: string, name = 'peertube') {
  return waitUntil(async () => {
    const { data } = await listFollows(instance, list)
    return data.find(f => {
      const other = list === 'followers' ? f.follower : f.following
      return other.host === host && other.name === name && f.state === state
    })
  }, 30_000)
}

export async function waitForNoFollow (instance: TestInstance, list: 'followers' | 'following', host: string, name = 'peertube') {
  await waitUntil(async () => {
    const { data } = await listFollows(instance, list)
    return !data.some(f => (list === 'followers' ? f.follower : f.following).host === host && (list === 'followers' ? f.follower : f.following).name === name)
  }, 30_000)
}
