import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { TestInstance } from '../../../shared/test-instance.js'

const execFileAsync = promisify(execFile)

/**
 * Remote runners on, a small ladder (360p source: 240p and 144p to make), stalls noticed within seconds, spot checks
 * of 1 s windows (cheaper; a different picture fails them as surely).
 */
export const RUNNERS_CONFIG = {
  transcoding: {
    remote_runners: { enabled: true },
    always_transcode_original_resolution: false,
    resolutions: { '144p': true, '240p': true, '360p': true, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false }
  },
  remote_runners: {
    stalled_jobs: { vod: '3 seconds', live: '3 seconds' },
    verification: { spot_check: { sample_duration: '1 second' } }
  }
}

export async function generateRegistrationToken (instance: TestInstance) {
  await instance.api().post('/api/v1/runners/registration-tokens/generate').set('Authorization', `Bearer ${instance.accessToken}`).expect(204)
  const res = await instance.api().get('/api/v1/runners/registration-tokens?sort=-createdAt').set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
  return res.body.data[0].registrationToken as string
}

export async function registerRunner (instance: TestInstance, registrationToken: string, name: string) {
  const res = await instance.api().post('/api/v1/runners/register').send({ registrationToken, name }).expect(200)
  return res.body as { id: number, runnerToken: string }
}

export interface ListedRunnerJob {
  uuid: string
  type: string
  state: { id: number, label: string }
  failures: number
  error: string | null
  payload: { output: { resolution: number, fps: number } }
  privatePayload: { videoUUID: string, refused?: number[] }
  runner: { id: number, name: string } | null
}

export async function listRunnerJobs (instance: TestInstance, query = '') {
  const res = await instance.api().get(`/api/v1/runners/jobs?count=100${query}`).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
  return res.body.data as ListedRunnerJob[]
}

/** Encodes what a runner would return for a rung: H.264/AAC MP4 of the source at that height and frame rate. */
export async function encodeRung (source: string, output: string, resolution: number, fps: number) {
  await execFileAsync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-i', source, '-vf', `fps=${fps},scale=-2:${resolution},format=yuv420p`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '23', '-c:a', 'aac', '-movflags', '+faststart', output
  ])
  return output
}

/** A file that looks right (size, frame rate, codecs, duration) but shows other pictures: what a cheating runner sends. */
export async function encodeImpostor (durationSeconds: number, output: string, resolution: number, fps: number, width: number) {
  await execFileAsync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `mandelbrot=size=${width}x${resolution}:rate=${fps}`,
    '-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=48000`,
    '-t', String(durationSeconds), '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart', output
  ])
  return output
}
