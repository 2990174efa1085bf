// A minimal observable value with a Preact hook: enough shared state for this app without a library.
import { useEffect, useState } from 'preact/hooks'

export interface Store<T> {
  get (): T
  set (value: T): void
  update (change: (value: T) => T): void
  subscribe (listener: (value: T) => void): () => void
}

export function createStore<T> (initial: T): Store<T> {
  let value = initial
  const listeners = new Set<(value: T) => void>()
  return {
    get: () => value,
    set (next) {
      if (Object.is(next, value)) return
      value = next
      for (const listener of [...listeners]) listener(value)
    },
    update (change) {
      this.set(change(value))
    },
    subscribe (listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

export function useStore<T> (store: Store<T>): T {
  const [value, setValue] = useState(store.get())
  useEffect(() => {
    setValue(store.get())
    return store.subscribe(setValue)
  }, [store])
  return value
}
