import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { CONFIG } from '../../initializers/config/index.js'
import { REMOTE_FETCH } from '../../initializers/constants/activitypub.js'
import { guardedRequest } from './guarded-request.js'

/** A remote video's file we keep a copy of once someone asks for it (a caption, a storyboard). */
export interface RemoteFileToFetch {
  url: string
  /** Where the checked copy goes; written under a temporary name first, so a reader never sees half a file. */
  path: string
  /** Records that the copy is there (the row's onDisk), once it is. */
  markOnDisk: () => Promise<unknown>
}

export interface FetchRemoteFileOptions {
  /** What to fetch; null when there is nothing to do (no such row, or already on disk). */
  find: () => Promise<RemoteFileToFetch | null>
  accept: string
  maxBytes: number
  /** The bytes to store, from the bytes received; throws when they are not what the file should be. */
  check: (body: Buffer) => Promise<Buffer | string> | Buffer | string
  /** A failed fetch changes nothing: the next request tries again. */
  onError: (url: string, err: unknown) => void
}

const inFlight = new Map<string, Promise<void>>()

/**
 * Fetches a remote file to disk, once however many requests ask for it at the same time (`key` names it: they all
 * wait for the same fetch). Through guardedRequest (size, time, redirect and address limits of federation).
 */
export function fetchRemoteFileOnce (key: string, options: FetchRemoteFileOptions): Promise<void> {
  const running = inFlight.get(key)
  if (running) return running
  const promise = fetchToDisk(options).finally(() => inFlight.delete(key))
  inFlight.set(key, promise)
  return promise
}

async function fetchToDisk (options: FetchRemoteFileOptions) {
  const file = await options.find()
  if (!file) return
  try {
    const response = await guardedRequest(file.url, {
      method: 'GET',
      headers: { 'User-Agent': REMOTE_FETCH.USER_AGENT, Accept: options.accept },
      timeoutMs: CONFIG.federation.http_timeout,
      maxBytes: options.maxBytes,
      allowPrivateAddresses: CONFIG.federation.allow_private_addresses,
      maxRedirects: REMOTE_FETCH.MAX_REDIRECTS
    })
    if (response.status !== 200) throw new Error(`answered ${response.status}`)
    const content = await options.check(Buffer.from(response.body))

    await mkdir(dirname(file.path), { recursive: true })
    const tmp = `${file.path}.${randomUUID()}.tmp`
    await writeFile(tmp, content)
    await rename(tmp, file.path).catch(async err => {
      await rm(tmp, { force: true })
      throw err
    })
    await file.markOnDisk()
  } catch (err) {
    options.onError(file.url, err)
  }
}
