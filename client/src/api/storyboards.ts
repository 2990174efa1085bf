// /api/v1/videos/{id}/storyboards: the sprite sheet behind the progress bar's hover previews.
import { api } from './http.js'

export interface Storyboard {
  storyboardPath: string
  totalHeight: number
  totalWidth: number
  spriteHeight: number
  spriteWidth: number
  spriteDuration: number
}

export async function listVideoStoryboards (id: string | number): Promise<Storyboard[]> {
  return (await api.get<{ storyboards: Storyboard[] }>(`/videos/${encodeURIComponent(String(id))}/storyboards`)).storyboards
}
