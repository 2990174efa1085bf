import { z } from 'zod'
import { PLAYER_MODES, type PlaybackMetricCreate } from '../../../shared/models/playback-metrics.js'
import { videoIdParams } from './videos.js'

// Counts since the previous report: whole numbers, and bounded so one report cannot swamp a counter.
const count = (what: string, max = 1_000_000) => z.number({ message: `Should have a number of ${what}` })
  .int(`Should have a whole number of ${what}`)
  .min(0, `Should have a positive number of ${what}`)
  .max(max, `Should have at most ${max} ${what} per report`)

const bytes = (what: string) => count(`bytes ${what}`, 1e12)

/** PeerTube's PlaybackMetricCreate: unknown keys are refused so a misspelt field is not silently dropped. */
export const playbackMetricBody = z.object({
  playerMode: z.enum(PLAYER_MODES, { message: `Should have a player mode among: ${PLAYER_MODES.join(', ')}` }),
  resolution: count('pixels of resolution', 8192).optional(),
  fps: z.number({ message: 'Should have a number of frames per second' }).min(0, 'Should have a positive fps').max(1000, 'Should have at most 1000 fps').optional(),
  p2pEnabled: z.boolean({ message: 'Should have a boolean p2pEnabled' }),
  p2pPeers: count('peers', 10_000).optional(),
  resolutionChanges: count('resolution changes'),
  bufferStalled: count('buffer stalls').optional(),
  errors: count('errors'),
  downloadedBytesP2P: bytes('downloaded from peers'),
  downloadedBytesHTTP: bytes('downloaded over HTTP'),
  uploadedBytesP2P: bytes('uploaded to peers'),
  videoId: z.union([ z.number().int().positive(), videoIdParams.shape.id ], { message: 'Should have a valid video id (id, short UUID or UUID)' })
}).strict() satisfies z.ZodType<PlaybackMetricCreate>
