import { v5 as uuidv5 } from 'uuid'

// A fixed namespace: the same remote URL always gets the same substitute, on every instance of ours.
const SUBSTITUTE_NAMESPACE = '3f4c2a8e-5b71-4d0e-9a26-7c1f0e8b94d3'

/** The uuid a remote video is stored under when its own uuid is held here by another video. */
export function substituteVideoUuid (videoUrl: string) {
  return uuidv5(videoUrl, SUBSTITUTE_NAMESPACE)
}
