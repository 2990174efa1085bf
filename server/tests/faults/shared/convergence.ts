import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { fromRoot } from '../../../helpers/project-root.js'
import type { TestInstance } from '../../shared/test-instance.js'
import { waitUntil } from '../../shared/wait.js'

// What "nothing lost" means, checked from the outside of instances that were killed: every video of the origin
// reaches PUBLISHED with its whole ladder, a follower shows each federated one exactly once (and none that
// should not be there), no file is left without its row, and no private video's file is in a public folder.

/** `TUBELESS_FAULTS=full` (npm run test:faults) runs every case; npm test runs a short selection. */
export const FULL_FAULT_SUITE = process.env.TUBELESS_FAULTS === 'full'

export const FAULT_INSTANCE_CONFIG = {
  transcoding: { resolutions: { '144p': false, '240p': true, '360p': true, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } },
  housekeeping: { orphan_files_min_age: '1 second', storage_sweep_delay: '1 second' },
  federation: { delivery: { backoff: '500 milliseconds', attempts: 8 } }
}

export const EXPECTED_LADDER = [ 240, 360 ]

export type LocalVideoRow = {
  id: number
  uuid: string
  name: string
  privacy: number
  state: number
  url: string
}

export async function localVideos (instance: TestInstance) {
  return instance.sql<LocalVideoRow>('SELECT id, uuid, name, privacy, state, url FROM video WHERE remote = false ORDER BY id')
}

/**
 * Outbox entries still to run, by state (delayed removals of replaced files are expected to wait; deliveries
 * too when `ignoreDeliveries`, e.g. to a server that is down).
 */
export async function unfinishedJobs (instance: TestInstance, options: { ignoreDeliveries?: boolean } = {}) {
  return instance.sql<{ jobType: string, state: string, n: number }>(
    'SELECT "jobType", state, count(*)::int AS n FROM "outboxEntry" ' +
    'WHERE NOT ("jobType" = \'files-removal\' AND "runAt" > now() + interval \'5 minutes\') ' +
    (options.ignoreDeliveries ? 'AND "jobType" NOT LIKE \'activitypub-http-%\' ' : '') +
    'GROUP BY "jobType", state'
  )
}

/** Waits until every local video is published with its ladder, and the outbox has nothing left to run. */
export async function waitForOriginSettled (origin: TestInstance, timeoutMs = 120_000, options: { ignoreDeliveries?: boolean } = {}) {
  await waitUntil(async () => {
    const videos = await localVideos(origin)
    if (videos.some(v => v.state !== 1)) return false
    for (const video of videos) {
      const [ { web, hls } ] = await origin.sql<{ web: number[], hls: number[] }>(
        'SELECT (SELECT coalesce(array_agg(resolution ORDER BY resolution), \'{}\') FROM "videoFile" WHERE "videoId" = $1) AS web, ' +
        '(SELECT coalesce(array_agg(f.resolution ORDER BY f.resolution), \'{}\') FROM "videoFile" f JOIN "videoStreamingPlaylist" p ON p.id = f."videoStreamingPlaylistId" WHERE p."videoId" = $1) AS hls',
        [ video.id ]
      )
      if (JSON.stringify(web) !== JSON.stringify(EXPECTED_LADDER) || JSON.stringify(hls) !== JSON.stringify(EXPECTED_LADDER)) return false
    }
    return (await unfinishedJobs(origin, options)).length === 0
  }, timeoutMs, 500).catch(async err => {
    const videos = (await localVideos(origin)).map(v => [ v.uuid, v.name, v.state ])
    throw new Error(`${(err as Error).message}\nvideos: ${JSON.stringify(videos)}\njobs left: ${JSON.stringify(await unfinishedJobs(origin, options))}`)
  })
}

/**
 * The follower lists each public video of the origin exactly once (seen through its API), has the unlisted ones,
 * and has none of the private or deleted ones.
 */
export async function expectFollowerInSync (origin: TestInstance, follower: TestInstance, timeoutMs = 60_000) {
  const videos = await localVideos(origin)
  const listed = async () => {
    const res = await follower.api().get('/api/v1/videos').query({ count: 100, isLocal: false }).expect(200)
    return res.body.data as { uuid: string }[]
  }

  await waitUntil(async () => {
    const seen = await listed()
    for (const video of videos) {
      const times = seen.filter(v => v.uuid === video.uuid).length
      if (video.privacy === 1 && times !== 1) return false
      if (video.privacy !== 1 && times !== 0) return false
      const stored = (await follower.api().get(`/api/v1/videos/${video.uuid}`)).status === 200
      if ((video.privacy === 1 || video.privacy === 2) !== stored) return false
    }
    const known = new Set(videos.map(v => v.uuid))
    return seen.every(v => known.has(v.uuid))
  }, timeoutMs, 500).catch(async err => {
    const seen = await listed()
    throw new Error(`${(err as Error).message}\norigin: ${JSON.stringify(videos.map(v => [ v.uuid, v.privacy ]))}\nfollower lists: ${JSON.stringify(seen.map(v => v.uuid))}`)
  })

  const [ { n } ] = await follower.sql<{ n: number }>('SELECT count(*)::int AS n FROM video WHERE remote = true AND url = ANY($1)', [ videos.map(v => v.url) ])
  expect(n, 'one stored copy per federated video').to.equal(videos.filter(v => v.privacy === 1 || v.privacy === 2).length)
}

/** Waits for the start-up storage sweep of the current run to have completed. */
export async function waitForStorageSweep (instance: TestInstance) {
  await waitUntil(async () => {
    const res = await instance.api().get('/api/v1/jobs/completed').query({ jobType: 'storage-sweep', count: 1 })
      .set('Authorization', `Bearer ${instance.accessToken}`)
    return res.status === 200 && res.body.total !== 0
  }, 60_000, 500)
}

/** Every media file, torrent and image on disk belongs to a row (or to a pending removal of a replaced file). */
export async function expectNoOrphanFiles (instance: TestInstance) {
  const storage = (key: string) => fromRoot(instance.storageDir(key))
  // private/ holds the private files; .leaving/ the markers telling nginx which public files are being moved.
  const list = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter(n => n !== 'private' && n !== '.leaving')

  const [ { webFiles, torrents, hlsFolders, thumbnails, pending, localUuids } ] = await instance.sql<{ webFiles: string[], torrents: string[], hlsFolders: string[], thumbnails: string[], pending: string[], localUuids: string[] }>(
    'SELECT ' +
    '(SELECT coalesce(array_agg(uuid::text), \'{}\') FROM video WHERE remote = false) AS "localUuids", ' +
    '(SELECT coalesce(array_agg(filename), \'{}\') FROM "videoFile" WHERE "videoId" IS NOT NULL) AS "webFiles", ' +
    '(SELECT coalesce(array_agg("torrentFilename"), \'{}\') FROM "videoFile" WHERE "torrentFilename" IS NOT NULL) AS torrents, ' +
    '(SELECT coalesce(array_agg(v.uuid::text), \'{}\') FROM video v JOIN "videoStreamingPlaylist" p ON p."videoId" = v.id WHERE v.remote = false) AS "hlsFolders", ' +
    '(SELECT coalesce(array_agg(filename), \'{}\') FROM thumbnail WHERE "onDisk") AS thumbnails, ' +
    '(SELECT coalesce(array_agg(p), \'{}\') FROM "outboxEntry", jsonb_array_elements_text(payload->\'paths\') p WHERE "jobType" = \'files-removal\') AS pending'
  )
  const pendingNames = new Set(pending.map(p => p.split('/').pop()!))
  const known = (names: string[]) => (name: string) => names.includes(name) || pendingNames.has(name)

  const orphans = [
    ...(await list(storage('web_videos'))).filter(n => !known(webFiles)(n)),
    ...(await list(join(storage('web_videos'), 'private'))).filter(n => !known(webFiles)(n)),
    ...(await list(storage('torrents'))).filter(n => !known(torrents)(n)),
    ...(await list(join(storage('streaming_playlists'), 'hls'))).filter(n => !hlsFolders.includes(n)),
    ...(await list(join(storage('streaming_playlists'), 'hls', 'private'))).filter(n => !hlsFolders.includes(n)),
    ...(await list(storage('thumbnails'))).filter(n => !known(thumbnails)(n)),
    ...(await list(storage('previews'))).filter(n => !known(thumbnails)(n)),
    // Kept sources, named after their video.
    ...(await list(join(storage('tmp'), 'inputs'))).filter(n => !localUuids.includes(n.slice(0, 36)) && !pendingNames.has(n))
  ]
  expect(orphans, 'files without a row').to.deep.equal([])
}

/** No file of a private (or internal) video is in a public folder, nor served by a public route. */
export async function expectNoExposedFile (instance: TestInstance) {
  const privateFiles = await instance.sql<{ uuid: string, filename: string }>(
    'SELECT v.uuid, f.filename FROM video v JOIN "videoFile" f ON f."videoId" = v.id WHERE v.remote = false AND v.privacy IN (3, 4)'
  )
  const publicFolder = await readdir(fromRoot(instance.storageDir('web_videos'))).catch(() => [] as string[])
  const hlsFolder = await readdir(join(fromRoot(instance.storageDir('streaming_playlists')), 'hls')).catch(() => [] as string[])
  for (const file of privateFiles) {
    expect(publicFolder, `private file ${file.filename} in the public folder`).to.not.include(file.filename)
    expect(hlsFolder, `private video ${file.uuid}'s HLS folder in the public folder`).to.not.include(file.uuid)
    await instance.api().get(`/static/web-videos/${file.filename}`).expect(404)
  }
}
