/** PeerTube's figures, so our sheets line up with what PeerTube players expect of them. */
export const STORYBOARD = {
  /** The longer side of one sprite, in pixels. */
  SPRITE_MAX_SIZE: 192,
  /** At most this many sprites per row and per column. */
  SPRITES_MAX_EDGE_COUNT: 11,
  /** Shorter videos get no storyboard (nothing to preview). */
  MIN_DURATION_SECONDS: 3
} as const

export interface StoryboardLayout {
  spriteDuration: number
  totalSprites: number
  columns: number
  rows: number
  spriteWidth: number
  spriteHeight: number
}

/**
 * How a video of `durationSeconds` and this display size is cut into sprites: one per second up to 121 sprites,
 * then one every N whole seconds; the grid is the smallest (fewest rows, then columns) that holds them all.
 * Null when the video is too short.
 */
export function storyboardLayout (durationSeconds: number, display: { width: number, height: number }): StoryboardLayout | null {
  if (!(durationSeconds >= STORYBOARD.MIN_DURATION_SECONDS) || display.width <= 0 || display.height <= 0) return null
  const maxEdge = STORYBOARD.SPRITES_MAX_EDGE_COUNT
  const maxSprites = Math.min(Math.ceil(durationSeconds), maxEdge * maxEdge)
  const spriteDuration = Math.ceil(durationSeconds / maxSprites)
  const totalSprites = Math.ceil(durationSeconds / spriteDuration)

  let grid: { columns: number, rows: number } | undefined
  for (let rows = 1; rows <= maxEdge && !grid; rows++) {
    for (let columns = rows; columns <= maxEdge; columns++) {
      if (rows * columns >= totalSprites) {
        grid = { columns, rows }
        break
      }
    }
  }
  if (!grid) return null

  const ratio = display.width / display.height
  const portrait = display.height > display.width
  const spriteWidth = portrait ? Math.round(STORYBOARD.SPRITE_MAX_SIZE * ratio) : STORYBOARD.SPRITE_MAX_SIZE
  const spriteHeight = portrait ? STORYBOARD.SPRITE_MAX_SIZE : Math.round(STORYBOARD.SPRITE_MAX_SIZE / ratio)
  return { spriteDuration, totalSprites, ...grid, spriteWidth, spriteHeight }
}
