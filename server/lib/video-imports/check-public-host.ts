import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { isPrivateAddress } from '../../helpers/requests/private-addresses.js'

/**
 * Whether a URL's host is, or resolves to, a private address (loopback, LAN, link-local, metadata endpoints).
 * Used on the URLs an import will reach (media URL, trackers, web seeds) before accepting it; the download itself
 * checks again at connection time. A host that does not resolve is not private (the download will fail).
 */
export async function isOnPrivateAddress (url: string) {
  let hostname: string
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, '')
  } catch {
    return false
  }
  if (isIP(hostname)) return isPrivateAddress(hostname)

  try {
    const addresses = await lookup(hostname, { all: true })
    return addresses.some(a => isPrivateAddress(a.address))
  } catch {
    return false
  }
}
