import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * Requests Node's HTTP parser refuses before express sees them (headers over the size limit, a malformed request
 * line or header, a bad chunked encoding) get a problem+json answer too, not Node's bare status line.
 */
export function handleClientError (err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }

  const status = err.code === 'HPE_HEADER_OVERFLOW'
    ? 431
    : err.code === 'HPE_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const detail = status === 431
    ? 'The request headers are too large'
    : status === 408 ? 'The request took too long to arrive' : 'The request is malformed'
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, detail, error: detail })

  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    'Content-Type: application/problem+json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'X-Content-Type-Options: nosniff\r\n' +
    'Connection: close\r\n\r\n' +
    body
  )
}
