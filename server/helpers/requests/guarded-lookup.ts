import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'
import { isPrivateAddress } from './private-addresses.js'
import { RemoteRequestError } from './remote-request-error.js'

/**
 * A `lookup` for net/http that refuses hosts resolving to private addresses. The check happens on the very
 * addresses the socket then connects to, so a DNS answer that changes between a check and the connection
 * (rebinding) cannot slip through.
 */
export function createGuardedLookup (allowPrivateAddresses: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0)

      if (!allowPrivateAddresses) {
        const refused = addresses.find(a => isPrivateAddress(a.address))
        if (refused) {
          const error = new RemoteRequestError('private-address', `${hostname} resolves to non-public address ${refused.address}`)
          return callback(error as NodeJS.ErrnoException, '', 0)
        }
      }

      if (options.all) return callback(null, addresses)
      if (addresses.length === 0) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0)
      callback(null, addresses[0].address, addresses[0].family)
    })
  }
}
