/**
 * The actor a signature key belongs to. Peers publish `<actor>#main-key` and PeerTube itself sends the bare
 * actor URL, so the fragment is dropped. Null when the keyId is not an http(s) URL.
 */
export function keyIdToActorUrl (keyId: string): string | null {
  let url: URL
  try {
    url = new URL(keyId)
  } catch {
    return null
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null

  url.hash = ''
  return url.toString()
}
