// The service worker of the inspection page (scope /discipline/inspect): the same as the
// visit pages' (visit-sw.js), with the inspection page's shell.
self.SHELL = {
  family: 'qiqing-inspect-',
  cache: 'qiqing-inspect-v1',
  pages: ['/discipline/inspect'],
  assets: ['/css/qiqing.css', '/js/outbox.js', '/js/inspect.js', '/js/inbox.js', '/js/confirm.js',
    '/inspect-manifest.json', '/img/visit-192.png'],
};
importScripts('/visit-sw.js');
