// Storage integrity and redundancy (admin): the scrub's report and start, and the mirror lists.
import type { ResultList } from '../../../shared/models/client-common.js'
import { api } from './http.js'

export interface ScrubProblem {
  kind: string
  videoUuid: string
  filename: string
  location: string
  reason: string
  outcome: 'repaired' | 'unrepairable'
  repairedFrom?: string
  at: string
}

export interface ScrubRun {
  id: number
  state: 'running' | 'finished' | 'failed'
  trigger: 'scheduled' | 'manual'
  startedAt: string
  finishedAt: string | null
  phase: string
  checked: number
  bad: number
  repaired: number
  unrepairable: number
  bytesRead: number
  error: string | null
  problems: ScrubProblem[]
}

export interface MirrorInfo {
  id: number
  fileUrl: string
  strategy: string | null
  size: number
  createdAt: string
  expiresOn: string | null
  state: 'pending' | 'verified' | 'rejected'
  stateReason: string | null
  verifiedAt: string | null
}

export interface VideoRedundancy {
  id: number
  name: string
  url: string
  uuid: string
  redundancies: { files: MirrorInfo[]; streamingPlaylists: MirrorInfo[] }
}

export function getStorageScrub (): Promise<{ running: boolean; lastRun: ScrubRun | null }> {
  return api.get('/server/storage-scrub')
}

export function startStorageScrub (): Promise<ScrubRun> {
  return api.post('/server/storage-scrub')
}

/** `remote-videos`: the videos of others we mirror; `my-videos`: ours that others mirror. */
export function listVideoRedundancies (target: 'my-videos' | 'remote-videos'): Promise<ResultList<VideoRedundancy>> {
  return api.get<ResultList<VideoRedundancy>>('/server/redundancy/videos', { target, count: 100, sort: 'name' })
}
