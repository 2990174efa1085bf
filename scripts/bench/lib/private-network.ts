import { spawnSync } from 'node:child_process'
import { networkInterfaces } from 'node:os'

// Benchmarks that peer (WebRTC between browser pages, RTMP, federation) must see nothing but loopback. Started
// elsewhere, they re-run themselves in a loopback-only network namespace (`unshare -n`, as root or in a user
// namespace), or refuse to run.

function nonLoopbackInterfaces () {
  return Object.entries(networkInterfaces())
    .filter(([ , addresses ]) => (addresses ?? []).some(a => !a.internal))
    .map(([ name ]) => name)
}

export function ensurePrivateNetwork () {
  if (process.env.TUBELESS_BENCH_IN_NETNS === '1' || nonLoopbackInterfaces().length === 0) return
  const quote = (value: string) => `'${value.replaceAll('\'', '\'\\\'\'')}'`
  const command = [ process.execPath, ...process.execArgv, ...process.argv.slice(1) ].map(quote).join(' ')
  for (const flags of [ [ '-n' ], [ '-r', '-n' ] ]) {
    if (spawnSync('unshare', [ ...flags, 'sh', '-c', 'ip link set lo up' ], { stdio: 'ignore' }).status !== 0) continue
    const result = spawnSync('unshare', [ ...flags, 'sh', '-c', `ip link set lo up && exec ${command}` ], {
      stdio: 'inherit',
      env: { ...process.env, TUBELESS_BENCH_IN_NETNS: '1' }
    })
    process.exit(result.status ?? 1)
  }
  console.error(`Refusing to run: interfaces other than loopback exist (${nonLoopbackInterfaces().join(', ')}) and no private network namespace can be made.`)
  process.exit(1)
}
