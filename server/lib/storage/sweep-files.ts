import { opendir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

// What every part of the storage sweep (storage-sweep.ts) shares: its report, the age rule and batched listings.

const BATCH = 1000

export interface StorageSweepReport {
  startedAt: string
  finishedAt: string
  checked: number
  removed: { path: string, bytes: number }[]
  removedBytes: number
}

export async function removeIfOld (path: string, olderThan: number, report: StorageSweepReport, options: { recursive?: boolean } = {}) {
  const stats = await stat(path).catch(() => undefined)
  if (!stats || stats.mtimeMs >= olderThan) return
  if (stats.isDirectory() && !options.recursive) return
  await rm(path, { recursive: options.recursive ?? false, force: true })
  report.removed.push({ path, bytes: stats.isDirectory() ? 0 : stats.size })
}

export async function * namesInBatches (folder: string) {
  const dir = await opendir(folder).catch(() => undefined)
  if (!dir) return
  let batch: string[] = []
  for await (const entry of dir) {
    batch.push(entry.name)
    if (batch.length === BATCH) {
      yield batch
      batch = []
    }
  }
  if (batch.length !== 0) yield batch
}

/** Folders of temporary work: whatever is older than the age limit is left over. */
export async function sweepFolderByAge (folder: string, olderThan: number, report: StorageSweepReport) {
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    report.checked++
    await removeIfOld(join(folder, entry), olderThan, report, { recursive: true })
  }
}
