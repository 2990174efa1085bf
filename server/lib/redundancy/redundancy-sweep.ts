import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isUuid } from '../../helpers/uuid.js'
import { listKnownMirrorFiles } from '../../models/video/queries/stored-files-queries.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { namesInBatches, removeIfOld, sweepFolderByAge, type StorageSweepReport } from '../storage/sweep-files.js'
import { getHlsResolutionPlaylistFilename } from '../video-pipeline/index.js'
import { hlsMirrorDir, mirrorStagingRoot, redundancyDir, urlFilename } from './redundancy-paths.js'

/**
 * The storage sweep's part for our mirrors of remote videos: a web video or HLS file no mirror row serves any more
 * (a rendition the origin replaced, a mirror dropped while its files' removal failed) and what a failed mirror
 * job left in its staging folder go, once older than the sweep's age limit.
 */
export async function sweepMirrors (olderThan: number, report: StorageSweepReport) {
  const { webVideoUrls, hls } = await listKnownMirrorFiles((await getServerActor()).id)
  const webVideoNames = new Set([ ...webVideoUrls ].map(urlFilename))

  for await (const batch of namesInBatches(redundancyDir())) {
    for (const name of batch) {
      if (name === 'hls' || name === STAGING_FOLDER) continue
      report.checked++
      if (!webVideoNames.has(name)) await removeIfOld(join(redundancyDir(), name), olderThan, report)
    }
  }

  const hlsRoot = join(redundancyDir(), 'hls')
  for await (const batch of namesInBatches(hlsRoot)) {
    for (const uuid of batch.filter(isUuid)) {
      const urls = hls.get(uuid)
      if (!urls) {
        report.checked++
        await removeIfOld(hlsMirrorDir(uuid), olderThan, report, { recursive: true })
        continue
      }
      const expected = await expectedHlsMirrorNames(uuid, urls)
      for (const entry of await readdir(hlsMirrorDir(uuid)).catch(() => [] as string[])) {
        report.checked++
        if (!expected.has(entry)) await removeIfOld(join(hlsMirrorDir(uuid), entry), olderThan, report)
      }
    }
  }

  await sweepFolderByAge(mirrorStagingRoot(), olderThan, report)
}

const STAGING_FOLDER = '.staging'

/** The origin's file names, and the media playlists our copy of its master playlist names. */
async function expectedHlsMirrorNames (uuid: string, urls: string[]) {
  const names = new Set(urls.map(urlFilename).filter(n => n !== ''))
  for (const name of [ ...names ]) {
    if (name.endsWith('-fragmented.mp4')) names.add(getHlsResolutionPlaylistFilename(name))
    if (!name.endsWith('.m3u8')) continue
    const master = await readFile(join(hlsMirrorDir(uuid), name), 'utf8').catch(() => '')
    for (const line of master.split('\n').map(l => l.trim())) {
      if (line && !line.startsWith('#')) names.add(urlFilename(new URL(line, 'http://origin/x/').href))
    }
  }
  return names
}
