// Keeps the unread badge of the top bar current: the server sends "unread" events with
// the count whenever it changes; EventSource reconnects by itself after a drop.
(function () {
  var badge = document.getElementById('unread-badge');
  if (!badge || !window.EventSource) {
    return;
  }
  var source = new EventSource(badge.getAttribute('data-stream'));
  source.addEventListener('unread', function (event) {
    var count = parseInt(event.data, 10) || 0;
    // Counts stop at a thousand (Inbox.UNREAD_COUNTED).
    badge.textContent = count > 999 ? '999+' : count;
    badge.classList.toggle('empty', count === 0);
  });
})();
