// The service worker of the pages that work offline on a phone. It keeps their shell, so
// the pages open without a network: a page is asked of the server first and its last good
// copy served when there is no answer within a few seconds; scripts and styles come from
// the cache and are refreshed behind. Everything else (the device's sync calls, other
// pages) passes untouched. As itself it serves the visit pages (scope /visit: /visit and
// /visits); inspect-sw.js sets self.SHELL to the inspection page's and imports it.
const SHELL = self.SHELL || {
  family: 'qiqing-visit-',
  cache: 'qiqing-visit-v3',
  pages: ['/visit', '/visits'],
  assets: ['/css/qiqing.css', '/js/outbox.js', '/js/visit.js', '/js/inbox.js', '/js/confirm.js', '/visit-manifest.json',
    '/img/visit-192.png'],
};
const CACHE = SHELL.cache;
const PAGES = SHELL.pages;
const ASSETS = SHELL.assets;
const PAGE_WAIT_MS = 4000;

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE)
    .then(cache => Promise.all([...PAGES, ...ASSETS].map(url => cache.add(url).catch(() => null))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    // Only this worker's own older caches: the other pages' worker keeps its own.
    .then(keys => Promise.all(keys.filter(key => key.startsWith(SHELL.family) && key !== CACHE)
      .map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && PAGES.includes(url.pathname)) {
    event.respondWith(page(request, url.pathname));
  }
  else if (ASSETS.includes(url.pathname)) {
    event.respondWith(asset(request));
  }
});

async function page(request, path) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(response => {
    // A login page (the session expired) or an error is not the page to keep.
    if (response.ok && !response.redirected) {
      cache.put(path, response.clone());
    }
    return response;
  });
  const timeout = new Promise(resolve => setTimeout(resolve, PAGE_WAIT_MS));
  try {
    const answer = await Promise.race([network, timeout]);
    if (answer) {
      return answer;
    }
  }
  catch (e) {
    // no network: the cached copy below
  }
  const cached = (await cache.match(path)) || (await cache.match(PAGES[0]));
  return cached || network;
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  const fresh = fetch(request).then(response => {
    if (response.ok) {
      cache.put(request, response.clone());
    }
    return response;
  });
  if (cached) {
    fresh.catch(() => null);
    return cached;
  }
  return fresh;
}
