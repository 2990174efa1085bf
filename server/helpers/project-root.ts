import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

let cached: string | undefined

/**
 * The folder holding package.json. Code runs both from sources (tsx, tests) and from dist/ (tsc output),
 * so paths cannot be computed from a fixed number of `..`.
 */
export function projectRoot (): string {
  if (cached) return cached

  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('Cannot find the project root (no package.json above ' + import.meta.url + ')')
    dir = parent
  }
  // dist/ has no package.json, so this is the real root in both layouts.
  cached = dir
  return dir
}

export function fromRoot (...parts: string[]): string {
  return resolve(projectRoot(), ...parts)
}
