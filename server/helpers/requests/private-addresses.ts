import { BlockList, isIPv4, isIPv6 } from 'node:net'

// Addresses a remote fetch must never reach unless explicitly allowed: our own machine, the LAN, cloud
// metadata endpoints (169.254.169.254) and ranges that are not routable on the Internet.
const blocked = new BlockList()

const IPV4_RANGES: [string, number][] = [
  [ '0.0.0.0', 8 ], // "this network"
  [ '10.0.0.0', 8 ],
  [ '100.64.0.0', 10 ], // carrier-grade NAT
  [ '127.0.0.0', 8 ],
  [ '169.254.0.0', 16 ], // link-local, cloud metadata
  [ '172.16.0.0', 12 ],
  [ '192.0.0.0', 24 ],
  [ '192.0.2.0', 24 ],
  [ '192.88.99.0', 24 ],
  [ '192.168.0.0', 16 ],
  [ '198.18.0.0', 15 ],
  [ '198.51.100.0', 24 ],
  [ '203.0.113.0', 24 ],
  [ '224.0.0.0', 4 ], // multicast
  [ '240.0.0.0', 4 ] // reserved, broadcast
]

const IPV6_RANGES: [string, number][] = [
  [ '::', 128 ],
  [ '::1', 128 ],
  [ '100::', 64 ], // discard
  [ '2001:db8::', 32 ], // documentation
  [ 'fc00::', 7 ], // unique local
  [ 'fe80::', 10 ], // link-local
  [ 'fec0::', 10 ], // old site-local
  [ 'ff00::', 8 ] // multicast
]

for (const [ network, prefix ] of IPV4_RANGES) blocked.addSubnet(network, prefix, 'ipv4')
for (const [ network, prefix ] of IPV6_RANGES) blocked.addSubnet(network, prefix, 'ipv6')

/** True for addresses we refuse to connect to by default. Anything that is not an IP address counts as private. */
export function isPrivateAddress (address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address

  if (isIPv4(bare)) return blocked.check(bare, 'ipv4')
  if (!isIPv6(bare)) return true

  const embedded = embeddedIpv4(bare)
  if (embedded) return blocked.check(embedded, 'ipv4')

  return blocked.check(bare, 'ipv6')
}

/** The IPv4 address carried by IPv4-mapped/compatible, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses. */
function embeddedIpv4 (address: string): string | undefined {
  const words = ipv6Words(address)
  if (!words) return undefined

  const fromWords = (high: number, low: number) => [ high >> 8, high & 0xff, low >> 8, low & 0xff ].join('.')
  const zeros = (from: number, to: number) => words.slice(from, to).every(w => w === 0)

  // ::ffff:a.b.c.d and the deprecated ::a.b.c.d (which also turns :: and ::1 into 0.0.0.x, blocked as well)
  if (zeros(0, 5) && (words[5] === 0xffff || words[5] === 0)) return fromWords(words[6], words[7])
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return fromWords(words[6], words[7])
  if (words[0] === 0x2002) return fromWords(words[1], words[2])

  return undefined
}

function ipv6Words (address: string): number[] | undefined {
  let text = address.toLowerCase()
  const zone = text.indexOf('%')
  if (zone !== -1) text = text.slice(0, zone)

  // A trailing dotted quad counts as two words.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [ a, b, c, d ] = dotted.slice(1).map(Number)
    text = text.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16)
  }

  const [ head, tail ] = text.split('::')
  const headWords = head ? head.split(':') : []
  const tailWords = tail !== undefined && tail !== '' ? tail.split(':') : []
  const missing = 8 - headWords.length - tailWords.length
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined

  return [ ...headWords, ...Array(tail === undefined ? 0 : missing).fill('0'), ...tailWords ].map(w => parseInt(w, 16))
}
