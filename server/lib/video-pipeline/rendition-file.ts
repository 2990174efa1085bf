import { probe, type ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { getSourceResolution } from '../../helpers/ffmpeg/resolution.js'
import type { RenditionFile } from './types.js'

/** Reads back what an output file really is (size on disk, displayed dimensions, frame rate, streams). */
export async function describeRenditionFile (path: string, resolution?: number): Promise<RenditionFile> {
  return renditionFromProbe(path, await probe(path), resolution)
}

export function renditionFromProbe (path: string, result: ProbeResult, resolution?: number): RenditionFile {
  const video = result.video

  return {
    path,
    resolution: resolution ?? (video ? getSourceResolution(video) : 0),
    width: video?.displayWidth ?? 0,
    height: video?.displayHeight ?? 0,
    fps: video ? Math.round(video.fps * 1000) / 1000 : 0,
    size: result.size,
    hasAudio: !!result.audio,
    hasVideo: !!video
  }
}
