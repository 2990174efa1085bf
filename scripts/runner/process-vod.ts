import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { probe } from '../../server/helpers/ffmpeg/probe.js'
import { buildRung, encodeLadder, remuxToHls } from '../../server/lib/video-pipeline/index.js'
import type { VodAudioMergePayload, VodHlsPayload, VodWebVideoPayload } from '../../shared/models/runners.js'
import type { AcceptedJob, Attachments, RunnerClient } from './runner-client.js'

export interface VodJobContext {
  client: RunnerClient
  job: AcceptedJob
  workDir: string
  /** x264 preset for the 'default' profile; threads 0 lets ffmpeg choose. */
  preset: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow'
  threads: number
  progressIntervalMs: number
  signal: AbortSignal
  /** Replaces the files before they are posted (tests make a cheating runner with it). */
  transformResult?: (files: { videoFile: string, playlistFile?: string }, job: AcceptedJob) => Promise<{ videoFile: string, playlistFile?: string }>
}

/**
 * A VOD job: download the source, encode the one rung asked (the same single-pass encode the instance uses
 * itself: H.264/AAC, fast-start MP4, a keyframe every 2 s), remux it to HLS for an HLS job, post the files.
 * Progress is reported on a timer, which also tells the instance we are alive.
 */
export async function processVodJob (context: VodJobContext) {
  const { client, job, workDir } = context
  const dir = join(workDir, job.uuid)
  await mkdir(dir, { recursive: true })
  let ratio = 0
  const timer = setInterval(() => {
    client.update(job, { progress: Math.round(ratio * 100) }).catch(() => undefined)
  }, context.progressIntervalMs)

  try {
    const payload = job.payload as VodWebVideoPayload | VodHlsPayload | VodAudioMergePayload
    const audioMerge = job.type === 'vod-audio-merge-transcoding'
    const input = join(dir, 'input')
    await client.download(job, audioMerge ? (payload as VodAudioMergePayload).input.audioFileUrl : (payload as VodWebVideoPayload).input.videoFileUrl, input, context.signal)
    let preview: string | undefined
    if (audioMerge) {
      preview = join(dir, 'preview.jpg')
      await client.download(job, (payload as VodAudioMergePayload).input.previewFileUrl, preview, context.signal)
    }

    const { resolution, fps } = payload.output
    const output = join(dir, `${job.uuid}-${resolution}.mp4`)
    const source = await probe(input)
    await encodeLadder({
      input,
      probe: source,
      rungs: [ buildRung(resolution, fps) ],
      outputs: [ output ],
      preset: presetOf(payload.output.profile, context.preset),
      profile: payload.output.profile,
      threads: context.threads,
      audioOnlyImage: preview,
      signal: context.signal,
      onProgress: progress => { if (progress.ratio !== undefined) ratio = progress.ratio }
    })

    let files: { videoFile: string, playlistFile?: string } = { videoFile: output }
    if (job.type === 'vod-hls-transcoding') {
      const hls = await remuxToHls({ inputMp4: output, outputDir: dir, resolution, signal: context.signal })
      files = { videoFile: hls.videoPath, playlistFile: hls.playlistPath }
    }
    if (context.transformResult) files = await context.transformResult(files, job)

    const attachments: Attachments = { 'payload[videoFile]': files.videoFile, 'payload[resolutionPlaylistFile]': files.playlistFile }
    await client.success(job, attachments)
  } finally {
    clearInterval(timer)
    await rm(dir, { recursive: true, force: true })
  }
}

function presetOf (profile: string | undefined, fallback: VodJobContext['preset']) {
  const match = /^x264-(\w+)$/.exec(profile ?? '')
  return (match?.[1] as VodJobContext['preset'] | undefined) ?? fallback
}
