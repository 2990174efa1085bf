// Entry point: start the router, load the interface language, /config and the signed-in user, then render.
import { render } from 'preact'
import { App } from './app.js'
import { initI18n } from './i18n/i18n.js'
import { loadConfig, refreshUser } from './lib/session.js'
import { installRouter } from './router.js'
import './styles.css'

installRouter()
void loadConfig().then(config => {
  if (config.instance?.name) document.title = config.instance.name
})
void refreshUser()

// English is bundled; another language is one small request, made before the first paint so no page flickers.
void initI18n().finally(() => render(<App />, document.getElementById('app') as HTMLElement))
