/** What the HTML head of a page says about it to link previews (OpenGraph, Twitter cards), crawlers and apps. */
export interface PageTags {
  title: string
  description: string
  /** Canonical URL of the page. */
  url: string
  ogType: 'video' | 'profile' | 'website'
  twitterCard: 'player' | 'summary' | 'summary_large_image'
  image?: { url: string, width?: number, height?: number, alt: string }
  /** The player, for og:video and twitter:player. */
  embed?: { url: string, width: number, height: number }
  /** schema.org description of the page, as JSON-LD. */
  jsonLd: Record<string, unknown>
  alternates: { type: string, href: string, title?: string }[]
  /** Unlisted videos: shareable, but not for search engines. */
  noindex?: boolean
}

/** PeerTube's embed size: the player frame OEmbed and twitter:player offer. */
export const EMBED_SIZE = { width: 560, height: 315 }
