import { runFfmpeg } from './run-ffmpeg.js'

export interface SpriteSheetOptions {
  input: string
  /** A .jpg path. */
  output: string
  /** One frame every this many seconds, from 0. */
  everySeconds: number
  spriteWidth: number
  spriteHeight: number
  columns: number
  rows: number
  signal?: AbortSignal
}

/**
 * Writes one JPEG of `columns` × `rows` frames of `input`, one every `everySeconds`, each scaled to the sprite size,
 * left to right then top to bottom (a video shorter than the grid leaves the last cells black). One decode.
 */
export async function writeSpriteSheet (options: SpriteSheetOptions) {
  const filter = [
    `fps=1/${options.everySeconds}:round=down`,
    `scale=${options.spriteWidth}:${options.spriteHeight}`,
    `tile=${options.columns}x${options.rows}`
  ].join(',')
  await runFfmpeg([
    '-i', options.input,
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', filter,
    '-frames:v', '1', '-q:v', '3',
    '-f', 'image2', options.output
  ], { signal: options.signal })
}
