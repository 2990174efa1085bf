import { join } from 'node:path'
import { downloadRemoteFile } from '../../helpers/requests/download-file.js'
import { RemoteRequestError } from '../../helpers/requests/remote-request-error.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import { allowPrivateAddresses } from './inspect-source.js'

export interface DownloadedFile {
  path: string
  /** The name the file goes by (its extension names the stored source). */
  originalName: string
  size: number
}

/**
 * A direct media URL to a file, with our HTTP client's guards (private addresses refused at connection time on
 * every hop, a size cap enforced while streaming, the job's deadline). Refusals are permanent; network trouble
 * is retried.
 */
export async function downloadHttp (options: { url: string, dir: string, maxBytes: number, signal: AbortSignal }): Promise<DownloadedFile> {
  const url = new URL(options.url)
  const name = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '') || 'video'
  const originalName = /\.[a-z0-9]{1,8}$/i.test(name) ? name : `${name}.mp4`
  const path = join(options.dir, 'media')
  try {
    const { size } = await downloadRemoteFile(options.url, path, {
      // The job's signal is the deadline; this only has to be longer.
      timeoutMs: 7 * 24 * 3_600_000,
      maxBytes: options.maxBytes,
      allowPrivateAddresses: allowPrivateAddresses(),
      signal: options.signal
    })
    return { path, originalName, size }
  } catch (err) {
    if (options.signal.aborted) throw options.signal.reason ?? err
    if (err instanceof RemoteRequestError) {
      const message = err.code === 'too-large'
        ? `The file is larger than the ${options.maxBytes} bytes this import may use (size limit or user quota)`
        : err.code === 'private-address' ? `Cannot import from a private or local address (${err.message})` : `Download failed: ${err.message}`
      const permanent = err.code !== 'network' && err.code !== 'timeout' && !(err.code === 'bad-status' && (err.status ?? 0) >= 500)
      throw permanent ? new PermanentJobError(message) : new Error(message)
    }
    throw err
  }
}
