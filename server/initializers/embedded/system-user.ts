import { execFileSync } from 'node:child_process'

export interface RunAs {
  uid: number
  gid: number
  name: string
}

/**
 * PostgreSQL refuses to run as root. When we are root, its processes run as an unprivileged system user
 * (`postgres` when the distribution created one, else `nobody`); otherwise they run as ourselves.
 */
export function unprivilegedUserForPostgres (): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined

  for (const name of [ 'postgres', 'nobody' ]) {
    try {
      const uid = parseInt(execFileSync('id', [ '-u', name ], { encoding: 'utf8' }).trim(), 10)
      const gid = parseInt(execFileSync('id', [ '-g', name ], { encoding: 'utf8' }).trim(), 10)
      if (Number.isInteger(uid) && uid !== 0) return { uid, gid, name }
    } catch {
      // No such user: try the next one.
    }
  }

  throw new Error('Running as root and no unprivileged user (postgres, nobody) exists to run PostgreSQL: create one with `useradd -r postgres`')
}
