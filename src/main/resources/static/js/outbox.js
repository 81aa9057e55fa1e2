// The device queue shared by the pages that work offline on a phone (the visit page and
// the inspection page). What the official records is written to the device's IndexedDB
// the moment he taps save, then sent when there is a network: on load, when the browser
// comes back online, every 30 seconds and after each save. Each record carries a key made
// on the device, so a send repeated after a lost answer is stored once by the server,
// which answers it with the first result. A page opens its own queue with
// QiqingOutbox.open({...}) and says how its records go into a request.
(() => {
  'use strict';

  // A version 4 UUID; crypto.randomUUID exists only on HTTPS, getRandomValues everywhere.
  function newKey() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** The device's today, as yyyy-MM-dd. */
  function today() {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  /** A photo shrunk on the device to at most maxSide px as JPEG, before it is queued. */
  async function shrink(file, maxSide) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    if (bitmap.close) {
      bitmap.close();
    }
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return { name: file.name.replace(/\.[^.]*$/, '') + '.jpg', blob };
  }

  const refusal = status => status >= 400 && status < 500 && status !== 408 && status !== 429;

  /**
   * A queue on the device. The options: database (its IndexedDB name) and stores (the
   * names of its object stores, 'queue' first, each keyed by keyPath or by 'id');
   * sessionUrl, batchUrl and, optionally, singleUrl; batchForm(items) and singleForm(item)
   * make a request's body; bytes(item) weighs an item's photos; sent(item, result) and
   * sending(key) tell the page; batchItems, batchBytes, parallel.
   */
  function open(options) {
    const o = Object.assign({ batchItems: 10, batchBytes: 2 * 1024 * 1024, parallel: 4,
      bytes: item => (item.photos || []).reduce((sum, photo) => sum + photo.blob.size, 0),
      sent: () => null, sending: () => null }, options);

    let opened;
    function db() {
      opened = opened || new Promise((resolve, reject) => {
        const request = indexedDB.open(o.database, 1);
        request.onupgradeneeded = () => {
          o.stores.forEach(name => request.result.createObjectStore(name,
            { keyPath: name === 'queue' ? 'clientKey' : 'id' }));
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return opened;
    }

    async function store(name, mode, work) {
      const tx = (await db()).transaction(name, mode);
      const request = work(tx.objectStore(name));
      return new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    }
    const all = name => store(name, 'readonly', s => s.getAll());
    const get = (name, key) => store(name, 'readonly', s => s.get(key));
    const put = (name, value) => store(name, 'readwrite', s => s.put(value));
    const drop = (name, key) => store(name, 'readwrite', s => s.delete(key));

    /** Puts a record in the queue; it is safe on the device when this resolves. */
    async function enqueue(fields) {
      const item = Object.assign({ savedAt: Date.now(), photos: [] }, fields,
        { clientKey: fields.clientKey || newKey(), status: 'waiting', error: null });
      await put('queue', item);
      return item;
    }

    // ---- sending ----
    const state = { loginNeeded: false };
    let syncing = null;

    function sync() {
      syncing = syncing || sendAll().finally(() => { syncing = null; o.changed && o.changed(); });
      return syncing;
    }

    async function session() {
      const response = await fetch(o.sessionUrl, { credentials: 'same-origin', cache: 'no-store',
        headers: { Accept: 'application/json' } });
      if (response.status === 401 || response.status === 403 || response.redirected) {
        return null;
      }
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    }

    async function sendAll() {
      if (!navigator.onLine) {
        return;
      }
      const waiting = (await all('queue')).filter(item => item.status === 'waiting');
      if (!waiting.length) {
        return;
      }
      let who;
      try {
        who = await session();
      }
      catch (e) {
        return; // no network after all: they stay queued
      }
      state.loginNeeded = !who;
      if (!who) {
        return;
      }
      const batches = inBatches(waiting.filter(item => item.username === who.user));
      let next = 0;
      let stop = false;
      const worker = async () => {
        while (!stop && next < batches.length) {
          stop = await sendBatch(batches[next++], who);
        }
      };
      await Promise.all(Array.from({ length: o.parallel }, worker));
    }

    // Several records go in one request, so the request's own cost (its session, its
    // CSRF check, the parsing of its parts) is paid once for them; few enough, by photo
    // bytes, that a request lost on a weak line loses little.
    function inBatches(items) {
      const batches = [];
      let batch = [];
      let bytes = 0;
      for (const item of items) {
        const size = o.bytes(item);
        if (batch.length && (batch.length === o.batchItems || bytes + size > o.batchBytes)) {
          batches.push(batch);
          batch = [];
          bytes = 0;
        }
        batch.push(item);
        bytes += size;
      }
      if (batch.length) {
        batches.push(batch);
      }
      return batches;
    }

    async function post(url, form, who) {
      return fetch(url, { method: 'POST', body: form, credentials: 'same-origin',
        headers: { [who.csrfHeader]: who.csrfToken, Accept: 'application/json' } });
    }

    /**
     * Sends a batch; the server records and answers each record on its own. Answers
     * whether to stop this round (no network, no session, the server in trouble).
     */
    async function sendBatch(items, who, again) {
      items.forEach(item => o.sending(item.clientKey));
      let response;
      try {
        response = await post(o.batchUrl, o.batchForm(items), who);
      }
      catch (e) {
        return true;
      }
      if (response.status === 401 || response.status === 403) {
        return loginOrAgain(response, again, who, () => sendBatch(items, who, true));
      }
      if (response.ok) {
        const results = await response.json();
        const stored = [];
        let stop = false;
        for (const item of items) {
          const result = results.find(r => r.clientKey === item.clientKey);
          if (result && result.status < 300) {
            stored.push([item, result]);
          }
          else if (result) {
            stop = await settle(item, result.status, result) || stop;
          }
        }
        await store('queue', 'readwrite', s => stored.forEach(([item]) => s.delete(item.clientKey)));
        stored.forEach(([item, result]) => o.sent(item, result));
        return stop;
      }
      if (items.length > 1 && refusal(response.status)) {
        // The batch as a whole was refused (too large, say): each record alone, to
        // learn which one and why.
        for (const item of items) {
          if (await (o.singleUrl ? send(item, who) : sendBatch([item], who))) {
            return true;
          }
        }
        return false;
      }
      const problem = await response.json().catch(() => null);
      let stop = false;
      for (const item of items) {
        stop = await settle(item, response.status, problem) || stop;
      }
      return stop;
    }

    /** Sends one record alone; answers whether to stop this round. */
    async function send(item, who, again) {
      o.sending(item.clientKey);
      let response;
      try {
        response = await post(o.singleUrl, o.singleForm(item), who);
      }
      catch (e) {
        return true;
      }
      if (response.status === 401 || response.status === 403) {
        return loginOrAgain(response, again, who, () => send(item, who, true));
      }
      if (response.ok) {
        const stored = await response.json();
        await drop('queue', item.clientKey);
        o.sent(item, stored);
        return false;
      }
      return settle(item, response.status, await response.json().catch(() => null));
    }

    /** No session (401), or a CSRF token or session changed since the round began (403). */
    async function loginOrAgain(response, again, who, retry) {
      if (response.status === 401 || again) {
        state.loginNeeded = true;
        return true;
      }
      const fresh = await session().catch(() => null);
      if (!fresh) {
        state.loginNeeded = true;
        return true;
      }
      Object.assign(who, fresh);
      return retry();
    }

    /** Keeps a record the server did not store, refused (with why) or to send again later. */
    async function settle(item, status, problem) {
      const reason = problem && problem.errors ? Object.values(problem.errors).join('；')
        : (problem && problem.detail) || `HTTP ${status}`;
      if (refusal(status)) {
        // Refused: the official must see why and decide; a retry would be refused again.
        await put('queue', Object.assign(item, { status: 'failed', error: reason }));
        return false;
      }
      await put('queue', Object.assign(item, { error: reason }));
      return true;
    }

    /** Sends when it can: when the network returns, when the page is seen again, every 30 s. */
    function start() {
      window.addEventListener('online', sync);
      document.addEventListener('visibilitychange', () => { if (!document.hidden) sync(); });
      setInterval(sync, 30000);
    }

    return { all, get, put, drop, store, enqueue, sync, start, count: () => all('queue').then(items => items.length),
      loginNeeded: () => state.loginNeeded };
  }

  /** The words of a page's script, from its hidden list of texts in the person's language. */
  function texts(listId) {
    const words = {};
    document.querySelectorAll(`#${listId} li`).forEach(li => { words[li.dataset.key] = li.textContent; });
    return (key, ...args) => (words[key] || key).replace(/\{(\d)\}/g, (_, i) => (args[i] ?? ''));
  }

  window.QiqingOutbox = { open, newKey, today, shrink, texts };
})();
