// An account's or channel's picture (the smallest that is at least `size` wide), or its initial.
import type { ActorImage } from '../../../shared/models/client-common.js'

export function pickImage (images: ActorImage[] | undefined, minWidth: number): ActorImage | undefined {
  const sorted = [ ...(images ?? []) ].sort((a, b) => a.width - b.width)
  return sorted.find(image => image.width >= minWidth) ?? sorted[sorted.length - 1]
}

export function Avatar ({ images, name, size = 40 }: { images?: ActorImage[]; name: string; size?: number }) {
  const image = pickImage(images, size * (window.devicePixelRatio || 1))
  if (image) return <img class="avatar" src={image.path} alt="" width={size} height={size} loading="lazy" />
  return <span class="avatar avatar-initial" style={{ width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size / 2.2)}px` }} aria-hidden="true">{(name.trim()[0] ?? '?').toUpperCase()}</span>
}
