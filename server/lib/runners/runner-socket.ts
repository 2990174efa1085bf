import type { Server as HttpServer } from 'node:http'
import { Server as SocketServer, type Socket } from 'socket.io'
import { loggerWithTags } from '../../helpers/logger.js'
import { RUNNER_JOBS } from '../../initializers/constants/runners.js'
import { RUNNERS_SOCKET } from '../../initializers/constants/static-paths.js'
import { RunnerModel } from '../../models/runner/runner.js'
import { hashToken } from './runner-tokens.js'

const log = loggerWithTags('runners')

/**
 * The `/runners` socket.io namespace PeerTube's runner connects to (auth `{ runnerToken }`): it only ever receives
 * "available-jobs", after which it asks for jobs over REST. Runners that cannot keep a socket poll instead.
 */
class RunnerNotifier {
  private io?: SocketServer
  private readonly sockets = new Set<Socket>()
  private timer?: NodeJS.Timeout

  attach (httpServer: HttpServer) {
    // destroyUpgrade: false leaves other WebSocket upgrades (the tracker's) to their own handler.
    this.io = new SocketServer(httpServer, { path: RUNNERS_SOCKET.PATH, serveClient: false, destroyUpgrade: false })
    this.io.of(RUNNERS_SOCKET.NAMESPACE)
      .use((socket, next) => {
        const token = (socket.handshake.auth as { runnerToken?: unknown }).runnerToken
        if (typeof token !== 'string' || token.length === 0 || token.length > 1000) return next(new Error('Unknown runner token'))
        RunnerModel.loadByTokenHash(hashToken(token))
          .then(runner => {
            if (!runner) return next(new Error('Unknown runner token'))
            socket.data.runnerName = runner.name
            next()
          })
          .catch(err => next(err as Error))
      })
      .on('connection', socket => {
        log.debug(`Runner ${socket.data.runnerName as string} connected to its socket`)
        this.sockets.add(socket)
        socket.on('disconnect', () => this.sockets.delete(socket))
      })
  }

  /** New work: every connected runner is told, once for a burst of changes. */
  notifyAvailableJobs () {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      for (const socket of this.sockets) socket.emit('available-jobs')
    }, RUNNER_JOBS.NOTIFY_DEBOUNCE_MS)
    this.timer.unref()
  }

  async close () {
    clearTimeout(this.timer)
    for (const socket of this.sockets) socket.disconnect(true)
    this.sockets.clear()
    await new Promise<void>(resolve => {
      if (!this.io) return resolve()
      // Closing the socket.io server would close the HTTP server too: only its engine goes.
      this.io.engine.close()
      resolve()
    })
  }
}

export const runnerNotifier = new RunnerNotifier()
