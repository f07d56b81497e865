/* global self, caches */
// The phone page's service worker: every file of the page is cached when it installs, so the page opens with
// no network once visited. The build writes VERSION (a hash of the files) and FILES in; a new build is a new
// worker with a new cache, and the old cache is deleted when it takes over. Requests to the sync server
// (/push, /pull, /plan, /enroll) are never cached.
const VERSION = "__VERSION__";
const FILES = "__FILES__";
const PREFIX = "danvan-ap-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL("./", self.location.href).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (
    request.method !== "GET" ||
    url.origin !== self.location.origin ||
    !url.pathname.startsWith(SCOPE)
  )
    return;
  // Any address of the page (with or without #code=…) is the page itself.
  const key = request.mode === "navigate" ? "./" : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request))
  );
});
