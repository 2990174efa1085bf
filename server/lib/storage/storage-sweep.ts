import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loggerWithTags } from '../../helpers/logger.js'
import { fromRoot } from '../../helpers/project-root.js'
import { isUuid } from '../../helpers/uuid.js'
import { CONFIG } from '../../initializers/config/index.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import { listKnownFilenames, listKnownHlsFiles, listLocalVideoUuids, type StoredFileKind } from '../../models/video/queries/stored-files-queries.js'
import { getHlsResolutionPlaylistFilename } from '../video-pipeline/index.js'
import { sweepBuckets } from '../object-storage/object-storage-sweep.js'
import { sweepMirrors } from '../redundancy/redundancy-sweep.js'
import { namesInBatches, removeIfOld, sweepFolderByAge, type StorageSweepReport } from './sweep-files.js'
import { hlsRootDir, inputFilesDir, thumbnailsDir, torrentsDir, transcodingRootDir, uploadsTmpDir, webVideosDir } from '../video-paths.js'

const log = loggerWithTags('storage')

export type { StorageSweepReport } from './sweep-files.js'

/**
 * Finds the files no row knows of (left by a crash between a file's writing and its row's commit, or between a
 * row's deletion and its files' removal job) and removes them, with a report: logged, and written as JSON in the
 * logs folder. Only files older than `housekeeping.orphan_files_min_age` are touched: anything younger may be
 * work in progress (a rendition about to be recorded) or a replaced file kept for its viewers.
 */
export async function sweepStorage (): Promise<StorageSweepReport> {
  const startedAt = new Date()
  const olderThan = startedAt.getTime() - CONFIG.housekeeping.orphan_files_min_age
  const report: StorageSweepReport = { startedAt: startedAt.toISOString(), finishedAt: '', checked: 0, removed: [], removedBytes: 0 }

  const flatFolders: [ string, StoredFileKind ][] = [
    [ webVideosDir(false), 'web-video' ],
    [ webVideosDir(true), 'web-video' ],
    [ torrentsDir(), 'torrent' ],
    [ thumbnailsDir('miniature'), 'thumbnail' ],
    [ thumbnailsDir('preview'), 'thumbnail' ],
    [ fromRoot(CONFIG.storage.avatars), 'actor-image' ],
    [ fromRoot(CONFIG.storage.original_video_files), 'original' ],
    [ fromRoot(CONFIG.storage.storyboards), 'storyboard' ]
  ]
  for (const [ folder, kind ] of flatFolders) await sweepFlatFolder(folder, kind, olderThan, report)
  for (const isPrivate of [ false, true ]) await sweepHlsFolders(isPrivate, olderThan, report)
  await sweepFolderByAge(uploadsTmpDir(), olderThan, report)
  await sweepWorkFolders(olderThan, report)
  await sweepInputFiles(olderThan, report)
  await sweepBuckets(olderThan, report)
  await sweepMirrors(olderThan, report)

  report.finishedAt = new Date().toISOString()
  report.removedBytes = report.removed.reduce((sum, r) => sum + r.bytes, 0)
  if (report.removed.length !== 0) {
    log.warn(`Storage sweep: removed ${report.removed.length} orphaned file(s), ${report.removedBytes} bytes, of ${report.checked} checked`, {
      removed: report.removed.slice(0, 50).map(r => r.path)
    })
    await writeFile(join(fromRoot(CONFIG.storage.logs), `storage-sweep-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(report, null, 2))
      .catch(err => log.warn('Cannot write the storage sweep report', { err }))
  } else {
    log.info(`Storage sweep: ${report.checked} file(s) checked, no orphan`)
  }
  return report
}

async function sweepFlatFolder (folder: string, kind: StoredFileKind, olderThan: number, report: StorageSweepReport) {
  for await (const batch of namesInBatches(folder)) {
    report.checked += batch.length
    const known = await listKnownFilenames(kind, batch)
    for (const name of batch) {
      if (known.has(name) || name === 'private') continue
      // A replaced web video kept for its viewers is not in the rows until its removal job runs.
      if (kind === 'web-video' && await OutboxEntryModel.findRetiredWebVideoOwner(name)) continue
      await removeIfOld(join(folder, name), olderThan, report)
    }
  }
}

async function sweepHlsFolders (isPrivate: boolean, olderThan: number, report: StorageSweepReport) {
  const base = hlsRootDir(isPrivate)
  for await (const batch of namesInBatches(base)) {
    const uuids = batch.filter(isUuid)
    const known = await listKnownHlsFiles(uuids)
    for (const uuid of uuids) {
      const folder = join(base, uuid)
      const names = known.get(uuid)
      if (!names) {
        await removeIfOld(folder, olderThan, report, { recursive: true })
        continue
      }
      const expected = new Set([ ...names, ...[ ...names ].filter(n => n.endsWith('-fragmented.mp4')).map(getHlsResolutionPlaylistFilename) ])
      for (const entry of await readdir(folder).catch(() => [] as string[])) {
        report.checked++
        if (!expected.has(entry)) await removeIfOld(join(folder, entry), olderThan, report)
      }
    }
  }
}

/**
 * Transcoding work folders of videos that no longer exist. Those of existing videos are their job's: it reuses
 * the folder when it resumes and removes it when it ends.
 */
async function sweepWorkFolders (olderThan: number, report: StorageSweepReport) {
  for await (const batch of namesInBatches(transcodingRootDir())) {
    const uuids = batch.filter(isUuid)
    const existing = await listLocalVideoUuids(uuids)
    for (const uuid of uuids) {
      report.checked++
      if (!existing.has(uuid)) await removeIfOld(join(transcodingRootDir(), uuid), olderThan, report, { recursive: true })
    }
  }
}

/**
 * Kept sources (`<uuid>-input.<ext>`) of videos that do not exist: an upload whose commit was lost with the
 * database, or a deletion that died before its files went.
 */
async function sweepInputFiles (olderThan: number, report: StorageSweepReport) {
  for await (const batch of namesInBatches(inputFilesDir())) {
    const owners = new Map(batch.map(name => [ name, name.slice(0, 36) ]))
    const existing = await listLocalVideoUuids([ ...new Set([ ...owners.values() ].filter(isUuid)) ])
    for (const [ name, uuid ] of owners) {
      report.checked++
      if (!existing.has(uuid)) await removeIfOld(join(inputFilesDir(), name), olderThan, report)
    }
  }
}
