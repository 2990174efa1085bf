import { request as httpRequest } from 'node:http'
import type { TestInstance } from '../../shared/test-instance.js'
import { getVideo, waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * GET with the path sent byte for byte: supertest (WHATWG URL) resolves `.`/`..` and `%2e%2e` before sending,
 * hiding exactly the tricks path-safety tests are about.
 */
export function rawGet (instance: TestInstance, path: string, headers: Record<string, string> = {}) {
  const url = new URL(instance.url)
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * The video once its ladder exists and no transcoding job is left: a file published early is replaced by the
 * ladder's one, and a test checking that a file is refused must not be fooled by a file that just went away.
 */
export async function waitForSettledVideo (instance: TestInstance, uuid: string, resolutions: number[]) {
  await waitForLadder(instance, uuid, resolutions)
  await waitUntil(async () => {
    for (const state of [ 'active', 'waiting', 'delayed' ]) {
      const res = await instance.api().get(`/api/v1/jobs/${state}?jobType=video-transcoding`).set('Authorization', `Bearer ${instance.accessToken}`)
      if (res.status !== 200 || res.body.total !== 0) return false
    }
    return true
  }, 120_000, 300)
  return (await getVideo(instance, uuid).expect(200)).body
}
