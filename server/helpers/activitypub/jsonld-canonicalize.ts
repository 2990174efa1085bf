import { createRequire } from 'node:module'
import { localJsonLdDocumentLoader, UnknownJsonLdContextError } from './jsonld-document-loader.js'

interface JsonLdEvent {
  code: string
  message: string
  details?: Record<string, unknown>
}

interface JsonLdCanonizeOptions {
  format: 'application/n-quads'
  documentLoader: typeof localJsonLdDocumentLoader
  safe: boolean
  canonizeOptions: { algorithm: 'RDFC-1.0' }
  eventHandler: (arg: { event: JsonLdEvent, next: () => void }) => void
}

interface JsonLdApi {
  canonize (input: unknown, options: JsonLdCanonizeOptions): Promise<string>
}

// jsonld ships no type declarations; this is the one call we make. Loaded on first use: it adds some 20 MiB to
// the resident memory, and an instance that does not federate never needs it.
let jsonld: JsonLdApi | undefined
const loadJsonLd = () => (jsonld ??= createRequire(import.meta.url)('jsonld') as JsonLdApi)

export interface CanonicalizeOptions {
  /**
   * Fail when some of the document does not make it into the RDF graph (terms no context defines, relative
   * IRIs...). PeerTube signs in this mode, so a document it would refuse fails here first.
   */
  strict: boolean
}

export interface Canonicalized {
  /** URDNA2015 / RDFC-1.0 N-Quads. */
  nquads: string
  /** What the processor dropped, e.g. `blank node predicate: _:fps`. Those parts are not covered by a signature. */
  dropped: string[]
}

export class JsonLdCanonicalizationError extends Error {
  constructor (message: string, readonly unknownContext?: string) {
    super(message)
    this.name = 'JsonLdCanonicalizationError'
  }
}

export async function canonicalizeJsonLd (document: unknown, options: CanonicalizeOptions): Promise<Canonicalized> {
  const dropped: string[] = []

  try {
    const nquads = await loadJsonLd().canonize(document, {
      format: 'application/n-quads',
      documentLoader: localJsonLdDocumentLoader,
      safe: options.strict,
      // RDFC-1.0 is the W3C name of URDNA2015: same output, which is what Mastodon and PeerTube hash.
      canonizeOptions: { algorithm: 'RDFC-1.0' },
      eventHandler: ({ event, next }) => {
        dropped.push(describeEvent(event))
        next()
      }
    })

    return { nquads, dropped }
  } catch (err) {
    const unknown = findUnknownContext(err)
    if (unknown) throw new JsonLdCanonicalizationError(unknown.message, unknown.url)
    throw new JsonLdCanonicalizationError(`Cannot canonicalize: ${describeError(err)}`)
  }
}

function describeEvent (event: JsonLdEvent): string {
  const details = event.details ?? {}
  const subject = details.property ?? details.term ?? details.id ?? details.type ?? details.value
  return subject === undefined ? event.code : `${event.code}: ${String(subject)}`
}

function describeError (err: unknown): string {
  if (!(err instanceof Error)) return String(err)

  const event = (err as { details?: { event?: JsonLdEvent } }).details?.event
  return event ? `${err.message} (${describeEvent(event)})` : err.message
}

/** jsonld wraps loader errors (in `details.cause` or `cause`); dig ours out. */
function findUnknownContext (err: unknown, depth = 0): UnknownJsonLdContextError | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined
  if (err instanceof UnknownJsonLdContextError) return err

  const candidate = err as { cause?: unknown, details?: { cause?: unknown } }
  return findUnknownContext(candidate.cause, depth + 1) ?? findUnknownContext(candidate.details?.cause, depth + 1)
}
