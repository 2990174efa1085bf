// Loads a page module on first use so rarely visited pages (admin, upload) do not weigh on the home page.
import type { ComponentType, FunctionComponent } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from './i18n/i18n.js'

export function lazyPage<P extends object> (load: () => Promise<{ default: ComponentType<P> }>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null
  let pending: Promise<ComponentType<P>> | null = null

  return function LazyPage (props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded)
    const [failed, setFailed] = useState(false)
    useEffect(() => {
      if (loaded) return
      pending ??= load().then(module => (loaded = module.default))
      pending.then(c => setComponent(() => c), () => { pending = null; setFailed(true) })
    }, [])
    if (failed) return <p class="error" role="alert">{t('lazy.failed')}</p>
    if (!component) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
    const Component = component
    return <Component {...props} />
  }
}
