import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fromRoot } from '../../server/helpers/project-root.js'

/**
 * Debian's nginx run by us on a loopback port, from a prefix folder of its own (`nginx -p DIR -c DIR/nginx.conf
 * -g 'daemon off;'`): never the system service.
 */
export class LoopbackNginx {
  private child?: ChildProcess

  constructor (readonly dir: string, readonly port: number) {}

  get url () {
    return `http://127.0.0.1:${this.port}`
  }

  /** `server` is the content of one server block (without `listen`, added here). */
  async start (options: { server: string, upstreamPort?: number, workers?: number }) {
    mkdirSync(join(this.dir, 'logs'), { recursive: true })
    mkdirSync(join(this.dir, 'snippets'), { recursive: true })
    copyFileSync(fromRoot('support', 'nginx', 'tubeless-static.conf'), join(this.dir, 'snippets', 'tubeless-static.conf'))
    const mimeTypes = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : ''
    writeFileSync(join(this.dir, 'nginx.conf'), `
worker_processes ${options.workers ?? 'auto'};
pid ${join(this.dir, 'nginx.pid')};
error_log ${join(this.dir, 'logs', 'error.log')} warn;
events { worker_connections 1024; }
http {
  ${mimeTypes}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${join(this.dir, 'client_body')};
  proxy_temp_path ${join(this.dir, 'proxy')};
  fastcgi_temp_path ${join(this.dir, 'fastcgi')};
  uwsgi_temp_path ${join(this.dir, 'uwsgi')};
  scgi_temp_path ${join(this.dir, 'scgi')};
  ${options.upstreamPort ? `upstream tubeless_backend { server 127.0.0.1:${options.upstreamPort}; }` : ''}
  server {
    listen 127.0.0.1:${this.port};
${options.server}
  }
}
`)
    const child = spawn('nginx', [ '-p', this.dir, '-c', join(this.dir, 'nginx.conf'), '-g', 'daemon off;' ], { stdio: [ 'ignore', 'ignore', 'pipe' ] })
    this.child = child
    let stderr = ''
    child.stderr?.on('data', chunk => { stderr += chunk.toString() })
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`)
      try {
        await fetch(this.url + '/nginx-ready-check')
        return
      } catch {
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    }
    throw new Error(`nginx did not start: ${stderr}`)
  }

  errorLog () {
    try {
      return readFileSync(join(this.dir, 'logs', 'error.log'), 'utf8')
    } catch {
      return ''
    }
  }

  async stop () {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise(resolve => child.once('exit', resolve))
    child.kill('SIGQUIT')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
    this.child = undefined
  }
}

/**
 * The site's main server block from support/nginx/tubeless.conf, made to run on loopback: without TLS, server
 * name and listen lines, with these storage folders.
 */
export function shippedServerBlock (folders: { webVideos: string, hls: string }) {
  const site = readFileSync(fromRoot('support', 'nginx', 'tubeless.conf'), 'utf8')
  const blocks = [ ...site.matchAll(/^server \{\n([\s\S]*?)^\}/gm) ].map(m => m[1])
  const block = blocks.find(b => b.includes('tubeless-static.conf'))
  if (!block) throw new Error('support/nginx/tubeless.conf has no server block including tubeless-static.conf')
  return block
    .split('\n')
    .filter(line => !/^\s*(listen|ssl_\w+|server_name)\s/.test(line))
    .map(line => line
      .replace(/^(\s*set \$tubeless_web_videos ).*;/, `$1${folders.webVideos};`)
      .replace(/^(\s*set \$tubeless_hls ).*;/, `$1${folders.hls};`))
    .join('\n')
}
