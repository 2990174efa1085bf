// Apart from transcode-video.ts: modules that only queue or find a transcoding job (video sources, imports,
// lives) need the key without importing the whole transcoding pipeline.

/** One transcoding job per video: a second one is not created while the first is unfinished. */
export function transcodingJobKey (uuid: string) {
  return `video-transcoding:${uuid}`
}
