import { z } from 'zod'
import { LiveVideoLatencyMode, type LiveVideoLatencyModeType } from '../../../shared/models/lives.js'
import { formBoolean, formInt, privacy, videoUploadBody } from './videos.js'

const latencyMode = formInt('Should have a valid latencyMode')
  .refine(v => v === LiveVideoLatencyMode.DEFAULT || v === LiveVideoLatencyMode.HIGH_LATENCY || v === LiveVideoLatencyMode.SMALL_LATENCY,
    'Should have a valid latencyMode (1 default, 2 high latency, 3 small latency)')
  .transform(v => v as LiveVideoLatencyModeType)

const liveSettings = {
  saveReplay: formBoolean.optional(),
  permanentLive: formBoolean.optional(),
  latencyMode: latencyMode.optional(),
  replaySettings: z.object({ privacy: privacy.optional() }, { message: 'Should have valid replay settings' }).optional()
}

/** POST /videos/live (multipart, like an upload without its file). */
export const liveCreateBody = videoUploadBody.extend(liveSettings)

/** PUT /videos/live/{id} (JSON). */
export const liveUpdateBody = z.object(liveSettings)
