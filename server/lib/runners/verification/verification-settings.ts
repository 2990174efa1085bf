import { CONFIG } from '../../../initializers/config/index.js'
import type { RunnerModel } from '../../../models/runner/runner.js'
import { x264PresetOf } from '../../video-pipeline/encoder-profiles.js'
import type { VerificationSettings } from './verify-output.js'

/** The checks for this runner's outputs: everyone's are probed and decoded; untrusted ones are also spot-checked. */
export function verificationSettingsFor (runner: Pick<RunnerModel, 'trusted'>): VerificationSettings {
  const config = CONFIG.remote_runners.verification
  const spot = config.spot_check
  return {
    decodedSamples: config.decoded_samples,
    spotCheck: spot.enabled && !runner.trusted
      ? {
        samples: spot.samples,
        sampleSeconds: spot.sample_duration / 1000,
        preset: x264PresetOf(CONFIG.transcoding.profile, CONFIG.transcoding.preset),
        minSsim: spot.min_ssim,
        minPsnr: spot.min_psnr,
        maxSsimLoss: spot.max_ssim_loss,
        audio: { maxLevelDifferenceDb: spot.audio.max_level_difference_db, minSpectrumSimilarity: spot.audio.min_spectrum_similarity }
      }
      : undefined
  }
}
