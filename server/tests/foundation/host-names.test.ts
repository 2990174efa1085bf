import { expect } from 'chai'
import { checkJsonShape } from '../../helpers/json-shape.js'
import { canonicalHost } from '../../helpers/host-names.js'

describe('Host names typed by administrators', function () {
  it('takes DNS names, IPv4 and bracketed IPv6 addresses, with a port', function () {
    for (const host of [ 'peertube.example.org', 'localhost', 'localhost:9001', '127.0.0.1:9002', '[::1]:9003', 'xn--bcher-kva.example', 'a-b.c' ]) {
      expect(canonicalHost(host), host).to.equal(host)
    }
    expect(canonicalHost('PeerTube.Example.ORG')).to.equal('peertube.example.org')
  })

  it('refuses what a URL parser would read as another address: bare numbers, short or hexadecimal IPv4', function () {
    for (const host of [ '1', '0', '127.1', '2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '1.2.3', '127.0.0.01', 'example.123', 'a.0x1f' ]) {
      expect(canonicalHost(host), host).to.equal(undefined)
    }
  })

  it('refuses malformed hosts and ports', function () {
    for (const host of [ '', ' ', 'a b', 'a..b', '-a.org', 'a-.org', 'exa_mple.org', 'host:0', 'host:65536', 'host:080', 'host:80:80', '[::1', '::1', '[zz]', 'a/b', 'a@b', `${'a'.repeat(64)}.org`, 'http://example.org', 'localhost:80' ]) {
      expect(canonicalHost(host), host).to.equal(undefined)
    }
  })
})

describe('The shape of parsed input', function () {
  const limits = { maxDepth: 32, maxNodes: 1000, maxKeyLength: 50 }

  it('measures depth without recursion, however deep the value', function () {
    let deep: unknown = 1
    for (let i = 0; i < 200_000; i++) deep = [ deep ]
    expect(checkJsonShape(deep, limits)?.kind).to.equal('too-deep')
    expect(checkJsonShape({ a: { b: [ 1, 2, { c: 'd' } ] } }, limits)).to.equal(undefined)
  })

  it('names the place of NUL characters, lone surrogates, long keys and too many values', function () {
    expect(checkJsonShape({ a: [ 'x', 'y\u0000' ] }, limits)).to.deep.equal({ kind: 'nul-character', path: 'a.1' })
    expect(checkJsonShape({ name: '\ud800' }, limits)).to.deep.equal({ kind: 'invalid-unicode', path: 'name' })
    expect(checkJsonShape({ name: '😀' }, limits)).to.equal(undefined)
    expect(checkJsonShape({ ['k'.repeat(60)]: 1 }, limits)?.kind).to.equal('key-too-long')
    expect(checkJsonShape(Array(2000).fill(1), limits)?.kind).to.equal('too-many-values')
  })
})
