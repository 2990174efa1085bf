/**
 * sharp (libvips) loaded on first use: it adds some 20 MiB to the resident memory of a process that has loaded it,
 * and most of an instance's life needs no image work.
 */
let loading: Promise<typeof import('sharp').default> | undefined

export function loadSharp () {
  loading ??= import('sharp').then(module => module.default)
  return loading
}
