// The receiving end of PeerTube's embed API (npm @peertube/embed-api): the host page talks to the iframe with the
// jschannel protocol over postMessage. Every message is a JSON string; methods are named `<scope>::<name>`:
//   handshake    { method: 'peertube::__ready', params: { type: 'publish-request' | 'publish-reply', publish: [] } }
//   call         { id, method: 'peertube::play', params }  →  { id, result } or { id, error, message }
//   notification { method: 'peertube::playbackStatusUpdate', params }   (no id, no answer)
// Messages to the host wait until the handshake is done (either side may start it; the other replies).

export type MethodHandler = (params: unknown) => unknown

const SCOPE = 'peertube'

export class EmbedChannel {
  private readonly methods = new Map<string, MethodHandler>()
  private connected = false
  private readonly waiting: unknown[] = []
  private readonly listener = (event: MessageEvent) => this.receive(event)

  constructor (private readonly host: Window) {
    window.addEventListener('message', this.listener)
    // Our half of the handshake; a host already listening replies, one that starts later sends its own.
    this.post({ method: `${SCOPE}::__ready`, params: { type: 'publish-request', publish: [] } })
  }

  bind (name: string, handler: MethodHandler) {
    this.methods.set(name, handler)
    return this
  }

  /** Before the handshake, only a message marked `keep` waits for it (an embed nobody drives sends nothing). */
  notify (name: string, params?: unknown, keep = false) {
    const message = { method: `${SCOPE}::${name}`, params }
    if (this.connected) this.post(message)
    else if (keep) this.waiting.push(message)
  }

  destroy () {
    window.removeEventListener('message', this.listener)
    this.methods.clear()
  }

  private receive (event: MessageEvent) {
    // Only the page that embeds us drives the player.
    if (event.source !== this.host || typeof event.data !== 'string') return
    let message: { id?: unknown; method?: unknown; params?: unknown }
    try {
      message = JSON.parse(event.data)
    } catch {
      return
    }
    if (typeof message !== 'object' || message === null || typeof message.method !== 'string') return
    const [ scope, name ] = message.method.split('::')
    if (scope !== SCOPE || !name) return

    if (name === '__ready') return this.onHandshake(message.params)
    if (message.id === undefined || message.id === null) return
    void this.answer(message.id, name, message.params)
  }

  private onHandshake (params: unknown) {
    if (this.connected) return
    this.connected = true
    if ((params as { type?: unknown } | null)?.type === 'publish-request') {
      this.post({ method: `${SCOPE}::__ready`, params: { type: 'publish-reply', publish: [] } })
    }
    for (const message of this.waiting.splice(0)) this.post(message)
  }

  private async answer (id: unknown, name: string, params: unknown) {
    const handler = this.methods.get(name)
    if (!handler) return this.post({ id, error: 'method_not_found', message: `No method '${name}' in this player` })
    try {
      const result = await handler(params)
      this.post(result === undefined ? { id } : { id, result })
    } catch (err) {
      this.post({ id, error: 'runtime_error', message: err instanceof Error ? err.message : String(err) })
    }
  }

  private post (message: unknown) {
    // '*': any site may embed a public video and drive its playback (PeerTube's embed does the same).
    this.host.postMessage(JSON.stringify(message), '*')
  }
}
