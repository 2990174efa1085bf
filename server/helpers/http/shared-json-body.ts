import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'
import type { Request, Response } from 'express'
import { BROTLI_QUALITY, COMPRESSION_THRESHOLD_BYTES, preferredPrecompressed } from './accept-encoding.js'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

type Encoding = 'identity' | 'br' | 'gzip'

interface Representation {
  bytes: Buffer
  etag: string
}

function representation (bytes: Buffer): Representation {
  return { bytes, etag: `W/"${bytes.length.toString(16)}-${createHash('sha1').update(bytes).digest('base64').slice(0, 27)}"` }
}

/**
 * A JSON reply sent to many clients at once (a popular list): serialized once, and compressed at most once per
 * encoding, in the thread pool. Left to the compression middleware, each reply was compressed again: 50 viewers of
 * the same home page cost 50 brotli passes over ~70 KB (the first page at 50 connections fell from 430 to 65 req/s
 * when clients accepted brotli, as browsers do). Same negotiation, quality and threshold as the middleware, which
 * lets a reply that already has a Content-Encoding through untouched.
 */
export class SharedJsonBody {
  private readonly representations = new Map<Encoding, Promise<Representation>>()

  private readonly byteLength: number

  constructor (private readonly json: string) {
    this.byteLength = Buffer.byteLength(json)
  }

  async send (req: Request, res: Response) {
    const encoding = this.encodingFor(req, res)
    const { bytes, etag } = await this.representationAs(encoding)
    res.vary('Accept-Encoding')
    res.type('application/json')
    if (encoding !== 'identity') res.set('Content-Encoding', encoding)
    // Computed once per representation rather than by res.send for every reply (it hashes the whole body).
    res.set('ETag', etag)
    res.send(bytes)
  }

  private encodingFor (req: Request, res: Response): Encoding {
    if (req.method === 'HEAD' || /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader('Cache-Control') ?? ''))) return 'identity'
    if (this.byteLength < COMPRESSION_THRESHOLD_BYTES) return 'identity'
    return preferredPrecompressed(req.headers['accept-encoding'])?.encoding ?? 'identity'
  }

  private representationAs (encoding: Encoding) {
    let pending = this.representations.get(encoding)
    if (!pending) {
      pending = this.encode(encoding).then(representation)
      this.representations.set(encoding, pending)
    }
    return pending
  }

  private async encode (encoding: Encoding) {
    const raw = Buffer.from(this.json)
    if (encoding === 'br') return brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    if (encoding === 'gzip') return gzipAsync(raw)
    return raw
  }
}
