// Registers WebTorrent's streaming service worker (served at /webtorrent-sw.js by the build) and waits
// until it controls this page: WebTorrent hands <video> a URL that only this worker can answer.

const WORKER_URL = '/webtorrent-sw.js'
const CONTROL_TIMEOUT_MS = 5000

export function canUseStreamingWorker (): boolean {
  return 'serviceWorker' in navigator && window.isSecureContext
}

export async function ensureStreamingWorker (): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(WORKER_URL, { scope: '/' })
  await waitActivated(registration)
  if (!navigator.serviceWorker.controller) await waitControlled()
  return registration
}

function waitActivated (registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.active ?? registration.waiting ?? registration.installing
  if (registration.active?.state === 'activated') return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The streaming worker did not activate')), CONTROL_TIMEOUT_MS)
    const check = () => {
      if (registration.active?.state === 'activated') {
        clearTimeout(timer)
        resolve()
      }
    }
    worker?.addEventListener('statechange', check)
    registration.addEventListener('updatefound', () => registration.installing?.addEventListener('statechange', check))
    check()
  })
}

/** The worker claims open pages when it activates; the first visit waits for that. */
function waitControlled (): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The streaming worker does not control this page')), CONTROL_TIMEOUT_MS)
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      clearTimeout(timer)
      resolve()
    }, { once: true })
    // It may have happened between the registration and this listener.
    if (navigator.serviceWorker.controller) {
      clearTimeout(timer)
      resolve()
    }
  })
}
