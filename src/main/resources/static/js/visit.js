// The visit pages on a phone with weak or no signal. A visit is written to the device's
// IndexedDB the moment the official taps save, then sent when there is a network: on
// load, when the browser comes back online, every 30 seconds and after each save. Each
// visit carries a key made on the device, so a send repeated after a lost answer is stored
// once by the server, which answers it with the first result.
(() => {
  'use strict';

  const SYNC_URL = '/visits/device/sync';
  const BATCH_URL = '/visits/device/sync-batch';
  const SESSION_URL = '/visits/device/session';
  const ENTERPRISES_URL = '/visits/device/enterprises';
  const PARALLEL_SENDS = 4;
  const BATCH_VISITS = 10;
  const BATCH_BYTES = 2 * 1024 * 1024;
  const MAX_SIDE = 1600;

  const app = document.getElementById('visit-app');
  const historyPage = document.getElementById('visit-history');
  const texts = {};
  document.querySelectorAll('#visit-texts li').forEach(li => { texts[li.dataset.key] = li.textContent; });
  const t = (key, ...args) => (texts[key] || key).replace(/\{(\d)\}/g, (_, i) => (args[i] ?? ''));
  const $ = id => document.getElementById(id);

  // ---- the device's store: queued visits and the enterprises known offline ----
  let opened;
  function db() {
    opened = opened || new Promise((resolve, reject) => {
      const request = indexedDB.open('qiqing-visits', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('queue', { keyPath: 'clientKey' });
        request.result.createObjectStore('enterprises', { keyPath: 'id' });
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

  // A version 4 UUID; crypto.randomUUID exists only on HTTPS, getRandomValues everywhere.
  function newKey() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Puts a visit in the queue; it is safe on the device when this resolves. */
  async function enqueue(visit, photos, enterpriseName, username) {
    const item = {
      clientKey: visit.clientKey || newKey(), username, enterpriseName, savedAt: Date.now(),
      status: 'waiting', error: null, photos: photos || [],
    };
    item.visit = Object.assign({}, visit, { clientKey: item.clientKey });
    await put('queue', item);
    return item;
  }

  // ---- sending ----
  let syncing = null;
  let loginNeeded = false;

  function sync() {
    syncing = syncing || sendAll().finally(() => { syncing = null; render(); });
    return syncing;
  }

  async function session() {
    const response = await fetch(SESSION_URL, { credentials: 'same-origin', cache: 'no-store',
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
    loginNeeded = !who;
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
    await Promise.all(Array.from({ length: PARALLEL_SENDS }, worker));
  }

  // Several visits go in one request, so the request's own cost (its session, its CSRF
  // check, the parsing of its parts) is paid once for them; few enough, by photo bytes,
  // that a request lost on a weak line loses little.
  function inBatches(items) {
    const batches = [];
    let batch = [];
    let bytes = 0;
    for (const item of items) {
      const size = item.photos.reduce((sum, photo) => sum + photo.blob.size, 0);
      if (batch.length && (batch.length === BATCH_VISITS || bytes + size > BATCH_BYTES)) {
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

  /**
   * Sends a batch of visits; the server records and answers each on its own. Answers
   * whether to stop this round (no network, no session, the server in trouble).
   */
  async function sendBatch(items, who, again) {
    const form = new FormData();
    form.append('visits', new Blob([JSON.stringify(items.map(item => item.visit))], { type: 'application/json' }));
    items.forEach((item, i) => item.photos.forEach(photo => form.append(`photos.${i}`, photo.blob, photo.name)));
    items.forEach(item => showSending(item.clientKey));
    let response;
    try {
      response = await fetch(BATCH_URL, { method: 'POST', body: form, credentials: 'same-origin',
        headers: { [who.csrfHeader]: who.csrfToken, Accept: 'application/json' } });
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
          stored.push([item, result.visit]);
        }
        else if (result) {
          stop = await settle(item, result.status, result) || stop;
        }
      }
      await store('queue', 'readwrite', s => stored.forEach(([item]) => s.delete(item.clientKey)));
      stored.forEach(([item, visit]) => sent(item, visit));
      return stop;
    }
    if (items.length > 1 && refusal(response.status)) {
      // The batch as a whole was refused (too large, say): each visit alone, to learn
      // which one and why.
      for (const item of items) {
        if (await send(item, who)) {
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

  /** Sends one visit alone; answers whether to stop this round. */
  async function send(item, who, again) {
    const form = new FormData();
    form.append('visit', new Blob([JSON.stringify(item.visit)], { type: 'application/json' }));
    item.photos.forEach(photo => form.append('photos', photo.blob, photo.name));
    showSending(item.clientKey);
    let response;
    try {
      response = await fetch(SYNC_URL, { method: 'POST', body: form, credentials: 'same-origin',
        headers: { [who.csrfHeader]: who.csrfToken, Accept: 'application/json' } });
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
      sent(item, stored);
      return false;
    }
    return settle(item, response.status, await response.json().catch(() => null));
  }

  /** No session (401), or a CSRF token or session changed since the round began (403). */
  async function loginOrAgain(response, again, who, retry) {
    if (response.status === 401 || again) {
      loginNeeded = true;
      return true;
    }
    const fresh = await session().catch(() => null);
    if (!fresh) {
      loginNeeded = true;
      return true;
    }
    Object.assign(who, fresh);
    return retry();
  }

  const refusal = status => status >= 400 && status < 500 && status !== 408 && status !== 429;

  /** Keeps a visit the server did not store, refused (with why) or to send again later. */
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

  // ---- the page ----
  const sentLines = [];

  function sent(item, stored) {
    const numbers = stored.cases.map(c => c.number).join('、');
    sentLines.push(t('sent', `${item.enterpriseName} ${item.visit.visitedOn}${numbers ? ' · ' + numbers : ''}`));
  }

  function showSending(key) {
    const line = document.querySelector(`#queue-list li[data-key="${key}"] .status`);
    if (line) {
      line.textContent = t('sending');
    }
  }

  async function render() {
    const items = (await all('queue').catch(() => [])).sort((a, b) => a.savedAt - b.savedAt);
    if (historyPage) {
      const note = $('queue-note');
      note.hidden = !items.length;
      note.textContent = note.dataset.text.replace('{0}', items.length);
      return;
    }
    if (!app) {
      return;
    }
    $('queue-count').textContent = items.length;
    $('queue-empty').hidden = items.length > 0;
    const list = $('queue-list');
    list.replaceChildren(...items.map(item => {
      const li = document.createElement('li');
      li.dataset.key = item.clientKey;
      li.className = item.status;
      const head = document.createElement('strong');
      head.textContent = t('summary', `${item.enterpriseName} ${item.visit.visitedOn}`,
        item.visit.difficulties.length, item.photos.length);
      const status = document.createElement('span');
      status.className = 'status small';
      status.textContent = item.username !== app.dataset.user ? t('otherUser', item.username)
        : item.status === 'failed' ? t('failed', item.error)
          : item.error ? t('retryLater', item.error) : t('waiting');
      li.append(head, status);
      if (item.status === 'failed') {
        li.append(button(t('edit'), 'edit', () => edit(item)));
        li.append(button(t('retry'), 'retry', async () => {
          await put('queue', Object.assign(item, { status: 'waiting', error: null }));
          render();
          sync();
        }));
      }
      li.append(button(t('discard'), 'discard link', async () => {
        if (confirm(t('discardConfirm'))) {
          await drop('queue', item.clientKey);
          render();
        }
      }));
      return li;
    }));
    if (sentLines.length) {
      message(sentLines.join('\n'));
      sentLines.length = 0;
    }
    showNetwork();
  }

  function button(text, className, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  }

  function showNetwork() {
    const net = $('net');
    if (!net) {
      return;
    }
    if (loginNeeded) {
      net.className = 'net small login';
      net.replaceChildren(document.createTextNode(t('login') + ' '));
      const a = document.createElement('a');
      a.href = '/login';
      a.textContent = '→ /login';
      net.append(a);
    }
    else {
      net.className = 'net small ' + (navigator.onLine ? 'online' : 'offline');
      net.textContent = navigator.onLine ? t('online') : t('offline');
    }
  }

  function message(text) {
    const ok = $('form-message');
    ok.textContent = text;
    ok.hidden = !text;
  }

  function problem(text) {
    const bad = $('form-problem');
    bad.textContent = text;
    bad.hidden = !text;
  }

  // -- the enterprise: linked and recently used ones are kept on the device for offline search
  async function refreshEnterprises() {
    if (!navigator.onLine) {
      return;
    }
    try {
      const response = await fetch(ENTERPRISES_URL, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok && !response.redirected) {
        for (const e of await response.json()) {
          const known = await get('enterprises', e.id);
          await put('enterprises', Object.assign({ usedAt: 0 }, known, e));
        }
      }
    }
    catch (e) {
      // offline: the copy on the device serves
    }
  }

  async function findEnterprises(q) {
    const text = q.trim();
    const local = (await all('enterprises').catch(() => []))
      .filter(e => !text || e.name.includes(text) || e.creditCode === text.toUpperCase())
      .sort((a, b) => (b.linked - a.linked) || (b.usedAt - a.usedAt) || a.name.localeCompare(b.name));
    let found = local;
    if (text && navigator.onLine) {
      try {
        const response = await fetch(`${ENTERPRISES_URL}?q=${encodeURIComponent(text)}`,
          { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (response.ok && !response.redirected) {
          const remote = await response.json();
          found = local.concat(remote.filter(r => !local.some(l => l.id === r.id)));
        }
      }
      catch (e) {
        // offline: what the device knows
      }
    }
    return found.slice(0, 20);
  }

  async function showChoices() {
    const q = $('enterprise-q').value;
    const found = await findEnterprises(q);
    const list = $('enterprise-choices');
    list.replaceChildren(...found.map(e => {
      const li = document.createElement('li');
      const b = button(`${e.name} · ${e.regionName || ''}`, 'choice', () => choose(e));
      b.dataset.id = e.id;
      if (e.linked) {
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.textContent = t('linked');
        b.append(' ', tag);
      }
      li.append(b);
      return li;
    }));
    if (!found.length && q.trim()) {
      const li = document.createElement('li');
      li.className = 'muted small';
      li.textContent = t('none');
      list.append(li);
    }
  }

  async function choose(e) {
    const form = $('visit-form');
    form.enterpriseId.value = e.id;
    $('enterprise-chosen').dataset.name = e.name;
    $('enterprise-chosen').textContent = t('chosen', e.name);
    $('enterprise-choices').replaceChildren();
    $('enterprise-q').value = '';
    const known = await get('enterprises', e.id).catch(() => null);
    await put('enterprises', Object.assign({ linked: false }, known, e, { usedAt: Date.now() })).catch(() => null);
  }

  // -- photos: shrunk on the device to at most 1600 px as JPEG before they are queued
  const photos = [];

  async function shrink(file) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
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

  async function addPhotos(input) {
    const max = Number(input.dataset.max);
    const refused = [];
    for (const file of input.files) {
      if (photos.length >= max) {
        refused.push(t('tooMany', max));
        break;
      }
      try {
        photos.push(await shrink(file));
      }
      catch (e) {
        refused.push(t('notImage', file.name));
      }
    }
    input.value = '';
    problem(refused.join('；'));
    renderPhotos();
  }

  function renderPhotos() {
    $('photo-list').replaceChildren(...photos.map((photo, i) => {
      const li = document.createElement('li');
      const img = document.createElement('img');
      img.src = URL.createObjectURL(photo.blob);
      img.alt = photo.name;
      img.onload = () => URL.revokeObjectURL(img.src);
      li.append(img, button(t('remove'), 'link', () => { photos.splice(i, 1); renderPhotos(); }));
      return li;
    }));
  }

  // -- difficulties: each becomes a case on the server
  function addDifficulty() {
    const copy = $('difficulty-template').content.firstElementChild.cloneNode(true);
    copy.querySelector('.remove').addEventListener('click', () => { copy.remove(); numberDifficulties(); });
    $('difficulty-list').append(copy);
    numberDifficulties();
    copy.querySelector('select').focus();
  }

  function numberDifficulties() {
    document.querySelectorAll('#difficulty-list .difficulty .n').forEach((n, i) => { n.textContent = i + 1; });
  }

  // A refused visit comes back into the form to be corrected; it keeps its key, under which
  // the server stored nothing.
  let editing = null;

  function edit(item) {
    const form = $('visit-form');
    const v = item.visit;
    editing = item.clientKey;
    choose({ id: v.enterpriseId, name: item.enterpriseName });
    form.visitedOn.value = v.visitedOn;
    form.companions.value = v.companions || '';
    form.met.value = v.met || '';
    form.notes.value = v.notes || '';
    photos.splice(0, photos.length, ...item.photos);
    renderPhotos();
    $('difficulty-list').replaceChildren();
    v.difficulties.forEach(d => {
      addDifficulty();
      const f = $('difficulty-list').lastElementChild;
      f.querySelector('[name=categoryId]').value = d.categoryId || '';
      f.querySelector('[name=title]').value = d.title || '';
      f.querySelector('[name=description]').value = d.description || '';
    });
    problem(item.error);
    form.scrollIntoView();
  }

  function readForm() {
    const form = $('visit-form');
    const errors = [];
    const difficulties = [...document.querySelectorAll('#difficulty-list .difficulty')].map((f, i) => {
      const d = { categoryId: f.querySelector('[name=categoryId]').value ? Number(f.querySelector('[name=categoryId]').value) : null,
        title: f.querySelector('[name=title]').value.trim(), description: f.querySelector('[name=description]').value.trim() };
      if (!d.title) {
        errors.push(t('noTitle', i + 1));
      }
      if (!d.categoryId) {
        errors.push(t('noCategory', i + 1));
      }
      return d;
    });
    if (!form.enterpriseId.value) {
      errors.push(t('noEnterprise'));
    }
    if (!form.visitedOn.value || form.visitedOn.value > today()) {
      errors.push(t('future'));
    }
    return { errors, visit: { enterpriseId: Number(form.enterpriseId.value), visitedOn: form.visitedOn.value,
      companions: form.companions.value, met: form.met.value, notes: form.notes.value, difficulties } };
  }

  function today() {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  async function save(event) {
    event.preventDefault();
    message('');
    const { errors, visit } = readForm();
    if (errors.length) {
      problem(errors.join('；'));
      return;
    }
    try {
      await enqueue(Object.assign(visit, { clientKey: editing || undefined }), photos.slice(),
        $('enterprise-chosen').dataset.name, app.dataset.user);
      editing = null;
    }
    catch (e) {
      problem(t('noStorage'));
      return;
    }
    problem('');
    const form = $('visit-form');
    form.reset();
    form.visitedOn.value = today();
    form.enterpriseId.value = '';
    $('enterprise-chosen').textContent = '';
    photos.length = 0;
    renderPhotos();
    $('difficulty-list').replaceChildren();
    message(navigator.onLine ? t('saved') : t('savedOffline'));
    await render();
    sync();
  }

  function start() {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/visit-sw.js', { scope: '/visit' }).catch(() => null);
    }
    if (app) {
      const form = $('visit-form');
      // A page served from the device's cache was made on another day.
      form.visitedOn.value = today();
      form.visitedOn.max = today();
      form.addEventListener('submit', save);
      $('add-difficulty').addEventListener('click', addDifficulty);
      $('photos').addEventListener('change', e => addPhotos(e.target));
      $('send-now').addEventListener('click', sync);
      let typing;
      $('enterprise-q').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(showChoices, 250); });
      $('enterprise-q').addEventListener('focus', showChoices);
      window.addEventListener('offline', showNetwork);
      refreshEnterprises();
    }
    window.addEventListener('online', () => { showNetwork(); sync(); });
    document.addEventListener('visibilitychange', () => { if (!document.hidden) sync(); });
    setInterval(sync, 30000);
    render().then(sync);
  }

  // The queue, for the browser test and the benchmark, which fill it as the form does.
  window.qiqingVisits = { enqueue, sync, count: () => all('queue').then(items => items.length), all };

  if (app || historyPage) {
    start();
  }
})();
