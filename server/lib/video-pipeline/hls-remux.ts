import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { HLS } from '../../initializers/constants/transcoding.js'
import { runFfmpeg, type RunFfmpegOptions } from '../../helpers/ffmpeg/run-ffmpeg.js'
import { generateHlsVideoFilename, getHlsResolutionPlaylistFilename } from './file-names.js'

export interface RemuxToHlsOptions extends Pick<RunFfmpegOptions, 'onProgress' | 'onCommand' | 'signal' | 'durationSeconds'> {
  /** An MP4 from encodeLadder or fastStartRemux (H.264/AAC, keyframes where segments should start). */
  inputMp4: string
  /** The video's HLS folder (PeerTube: `streaming-playlists/hls/<video uuid>/`). Must exist. */
  outputDir: string
  resolution: number
  /** Defaults to a fresh `<uuid>-<resolution>-fragmented.mp4`; the playlist takes the same stem. */
  videoFilename?: string
}

export interface HlsRendition {
  resolution: number
  playlistFilename: string
  playlistPath: string
  videoFilename: string
  videoPath: string
  /** Size of the fragmented MP4 in bytes. */
  size: number
}

/**
 * Codec-copies an MP4 into PeerTube's HLS shape: one fragmented MP4 holding the init section and every segment
 * (`single_file`), and a VOD media playlist addressing them by byte range. Segments are cut at the first keyframe
 * after each 4 s, so an encode with a keyframe every 2 s gives regular 4 s segments. No decoding happens.
 */
export async function remuxToHls (options: RemuxToHlsOptions): Promise<HlsRendition> {
  const videoFilename = options.videoFilename ?? generateHlsVideoFilename(options.resolution)
  const playlistFilename = getHlsResolutionPlaylistFilename(videoFilename)
  const videoPath = join(options.outputDir, videoFilename)
  const playlistPath = join(options.outputDir, playlistFilename)

  const args = [
    '-i', options.inputMp4,
    '-map', '0:v?', '-map', '0:a?',
    '-c', 'copy',
    '-map_metadata', '-1',
    '-f', 'hls',
    '-hls_time', String(HLS.SEGMENT_DURATION_SECONDS),
    '-hls_list_size', '0',
    '-hls_playlist_type', 'vod',
    '-hls_segment_type', 'fmp4',
    '-hls_flags', 'single_file',
    '-hls_segment_filename', videoPath,
    playlistPath
  ]

  try {
    await runFfmpeg(args, {
      durationSeconds: options.durationSeconds,
      onProgress: options.onProgress,
      onCommand: options.onCommand,
      signal: options.signal
    })
  } catch (err) {
    // Half-written outputs (a full disk, an abort) would stay in the video's folder: they go.
    await Promise.all([ rm(videoPath, { force: true }), rm(playlistPath, { force: true }) ])
    throw err
  }

  const { size } = await stat(videoPath)

  return { resolution: options.resolution, playlistFilename, playlistPath, videoFilename, videoPath, size }
}
