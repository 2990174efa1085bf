import { spawnSync } from 'node:child_process'

/**
 * Runs this script again inside a network namespace that has only a loopback interface (benchmarks talk to
 * loopback only; this makes it impossible to do otherwise). Returns when already inside one.
 */
export function ensurePrivateNetwork () {
  if (process.env.TUBELESS_BENCH_IN_NETNS === '1') return
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
  throw new Error('Cannot create a loopback-only network namespace (unshare -n): run as root')
}
