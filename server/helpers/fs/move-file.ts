import { randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, cp, mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Moves a file or a folder, also across file systems (a tmpfs `storage.tmp` is common): rename() when both
 * sides are on one device, otherwise a copy written aside in the target folder, flushed, and renamed into
 * place, then the source removed. The target never exists half-written, and the source stays until it does.
 */
export async function moveFile (from: string, to: string) {
  await mkdir(dirname(to), { recursive: true })
  try {
    await rename(from, to)
    return
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
  }

  const aside = join(dirname(to), `.${basename(to)}.moving-${randomUUID()}`)
  try {
    await cp(from, aside, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true })
    await flush(aside)
    await rename(aside, to)
  } catch (err) {
    await rm(aside, { recursive: true, force: true })
    throw err
  }
  await rm(from, { recursive: true, force: true })
}

/** Copies a file without ever leaving a half-written target (copy aside, then rename). */
export async function copyFileAtomically (from: string, to: string) {
  await mkdir(dirname(to), { recursive: true })
  const aside = join(dirname(to), `.${basename(to)}.copying-${randomUUID()}`)
  try {
    await copyFile(from, aside, constants.COPYFILE_FICLONE)
    await flush(aside)
    await rename(aside, to)
  } catch (err) {
    await rm(aside, { force: true })
    throw err
  }
}

async function flush (path: string) {
  const handle = await open(path, 'r').catch(() => undefined)
  if (!handle) return
  try {
    if ((await handle.stat()).isFile()) await handle.sync()
  } finally {
    await handle.close()
  }
}
