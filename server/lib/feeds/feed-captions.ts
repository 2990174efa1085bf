/** A caption as feeds list it (captions are read by the caption module; feeds only need these fields). */
export interface FeedCaption {
  language: string
  url: string
}

/** Captions of several videos, by video id. Replaced by the captions module once it registers itself. */
export let loadFeedCaptions: (videoIds: number[]) => Promise<Map<number, FeedCaption[]>> = async () => new Map()

export function registerFeedCaptionsLoader (loader: typeof loadFeedCaptions) {
  loadFeedCaptions = loader
}
