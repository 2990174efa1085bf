// Loads data for a component and re-loads when its inputs change; stale replies are ignored.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'

export interface AsyncState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

export function useAsync<T> (load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [generation, setGeneration] = useState(0)
  const latest = useRef(0)

  useEffect(() => {
    const call = ++latest.current
    setLoading(true)
    setError(null)
    load().then(
      value => { if (call === latest.current) { setData(value); setLoading(false) } },
      err => { if (call === latest.current) { setError(err); setLoading(false) } }
    )
  }, [...deps, generation])

  const reload = useCallback(() => setGeneration(g => g + 1), [])
  return { data, error, loading, reload }
}
