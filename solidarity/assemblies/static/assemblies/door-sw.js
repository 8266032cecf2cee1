// The door page's service worker: keeps the check-in page and its static files, so that a reload or
// a restart with no network still opens the page (the manifest and the queue are in localStorage).
// Network first: online, the page is always fresh, and a session that ended shows the sign-in page.
"use strict";
var CACHE = "solidarity-door-v1";
var DOOR_PAGE = /\/staff\/assemblies\/[^/]+\/checkin\/\d+\/$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (!DOOR_PAGE.test(url.pathname) && url.pathname.indexOf("/static/") !== 0) { return; }
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok && !response.redirected && response.type === "basic") {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      // ignoreVary: the page varies on Cookie, which a worker's request never shows.
      return caches.match(request, { ignoreSearch: DOOR_PAGE.test(url.pathname), ignoreVary: true }).then(function (cached) {
        return cached || Response.error();
      });
    })
  );
});
