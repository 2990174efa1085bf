import { createWriteStream, openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { RunnerJob, RunnerJobPayload, RunnerJobType } from '../../shared/models/runners.js'

/** An error answer of the instance, with its problem document's `code` (PeerTube's ServerErrorCode). */
export class RunnerApiError extends Error {
  constructor (readonly status: number, readonly code: string | undefined, detail: string) {
    super(`${status}${code ? ` ${code}` : ''}: ${detail}`)
    this.name = 'RunnerApiError'
  }
}

export interface AvailableJob {
  uuid: string
  type: RunnerJobType
  payload: RunnerJobPayload
}

export type AcceptedJob = RunnerJob & { jobToken: string }

/** Files of a multipart call: a field name and a path on disk (sent with its own file name). */
export type Attachments = Record<string, string | { path: string, filename: string } | undefined>

/**
 * The runner's side of the protocol (PeerTube 6.3's /api/v1/runners routes). Holds the runner token; calls about a
 * job take the job token the instance handed out when the job was accepted.
 */
export class RunnerClient {
  constructor (readonly url: string, public runnerToken = '') {}

  async register (options: { registrationToken: string, name: string, description?: string, encoderProfiles?: string[] }) {
    const result = await this.json<{ id: number, runnerToken: string }>('/api/v1/runners/register', options)
    this.runnerToken = result.runnerToken
    return result
  }

  unregister () {
    return this.json('/api/v1/runners/unregister', { runnerToken: this.runnerToken })
  }

  request (encoderProfiles?: string[]) {
    return this.json<{ availableJobs: AvailableJob[] }>('/api/v1/runners/jobs/request', { runnerToken: this.runnerToken, encoderProfiles })
  }

  async accept (jobUUID: string) {
    const { job } = await this.json<{ job: AcceptedJob }>(`/api/v1/runners/jobs/${jobUUID}/accept`, { runnerToken: this.runnerToken })
    return job
  }

  abort (job: AcceptedJob, reason: string) {
    return this.json(`/api/v1/runners/jobs/${job.uuid}/abort`, { runnerToken: this.runnerToken, jobToken: job.jobToken, reason })
  }

  error (job: AcceptedJob, message: string) {
    return this.json(`/api/v1/runners/jobs/${job.uuid}/error`, { runnerToken: this.runnerToken, jobToken: job.jobToken, message: message.slice(0, 5000) })
  }

  update (job: AcceptedJob, fields: Record<string, string | number | undefined>, files: Attachments = {}) {
    return this.multipart(`/api/v1/runners/jobs/${job.uuid}/update`, job, fields, files)
  }

  success (job: AcceptedJob, files: Attachments) {
    return this.multipart(`/api/v1/runners/jobs/${job.uuid}/success`, job, {}, files)
  }

  /** Input files are POSTed for with both tokens (PeerTube's runner does the same), streamed to `destination`. */
  async download (job: AcceptedJob, url: string, destination: string, signal?: AbortSignal) {
    if (new URL(url).origin !== new URL(this.url).origin) throw new Error(`Refusing to send our tokens to another origin: ${url}`)
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ runnerToken: this.runnerToken, jobToken: job.jobToken }),
      signal
    })
    if (!res.ok || !res.body) throw await toError(res)
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), createWriteStream(destination))
  }

  private async json<T = void> (path: string, body: unknown): Promise<T> {
    const res = await fetch(this.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) })
    if (!res.ok) throw await toError(res)
    return (res.status === 204 ? undefined : await res.json()) as T
  }

  private async multipart (path: string, job: AcceptedJob, fields: Record<string, string | number | undefined>, files: Attachments) {
    const form = new FormData()
    form.set('runnerToken', this.runnerToken)
    form.set('jobToken', job.jobToken)
    for (const [ key, value ] of Object.entries(fields)) if (value !== undefined) form.set(key, String(value))
    for (const [ field, file ] of Object.entries(files)) {
      if (!file) continue
      const { path: filePath, filename } = typeof file === 'string' ? { path: file, filename: basename(file) } : file
      form.set(field, await openAsBlob(filePath), filename)
    }
    const res = await fetch(this.url + path, { method: 'POST', body: form, headers: { Accept: 'application/json' } })
    if (!res.ok) throw await toError(res)
  }
}

async function toError (res: Response) {
  const text = await res.text().catch(() => '')
  let problem: { code?: string, detail?: string } = {}
  try {
    problem = JSON.parse(text) as typeof problem
  } catch {
    // Not a problem document: keep the text.
  }
  return new RunnerApiError(res.status, problem.code, problem.detail ?? (text.slice(0, 300) || res.statusText))
}
