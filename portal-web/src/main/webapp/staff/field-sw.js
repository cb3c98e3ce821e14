// The field app's service worker: keeps the app's page, script, styles and images, so the page
// opens without a network. Pages are asked of the network first (and kept), then of the cache;
// static files come from the cache first. The API is never cached here: the app keeps its records
// in IndexedDB, and an API answer must never be replayed from a cache.
"use strict";
var CACHE = "civic-field-v1";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  if (event.data && Array.isArray(event.data.keep)) {
    event.waitUntil(
      caches.open(CACHE).then(function (cache) {
        return Promise.all(event.data.keep.map(function (url) {
          return fetch(url, { credentials: "same-origin" }).then(function (response) {
            if (response.ok) {
              return cache.put(url, response);
            }
          }).catch(function () {});
        }));
      })
    );
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.indexOf("/api/") >= 0) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then(function (response) {
        if (response.ok && !response.redirected) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      }).catch(function () {
        return caches.match(request, { ignoreSearch: false }).then(function (hit) {
          return hit || caches.match(url.pathname);
        }).then(function (hit) {
          return hit || Response.error();
        });
      })
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      });
    })
  );
});
