// The visit pages on a phone with weak or no signal. A visit is written to the device's
// IndexedDB the moment the official taps save, then sent when there is a network: on
// load, when the browser comes back online, every 30 seconds and after each save. Each
// visit carries a key made on the device, so a send repeated after a lost answer is stored
// once by the server, which answers it with the first result. The queue and its sending
// are js/outbox.js, shared with the inspection page; this script is the visit's form.
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
  const t = QiqingOutbox.texts('visit-texts');
  const $ = id => document.getElementById(id);

  // ---- the device's queue (js/outbox.js): queued visits and the enterprises known offline ----
  const outbox = QiqingOutbox.open({
    database: 'qiqing-visits', stores: ['queue', 'enterprises'], sessionUrl: SESSION_URL, batchUrl: BATCH_URL,
    singleUrl: SYNC_URL, batchItems: BATCH_VISITS, batchBytes: BATCH_BYTES, parallel: PARALLEL_SENDS,
    // Several visits in one request: a part visits with their JSON array and the photos
    // of the visit at position i as parts photos.i.
    batchForm: items => {
      const form = new FormData();
      form.append('visits', new Blob([JSON.stringify(items.map(item => item.visit))], { type: 'application/json' }));
      items.forEach((item, i) => item.photos.forEach(photo => form.append(`photos.${i}`, photo.blob, photo.name)));
      return form;
    },
    singleForm: item => {
      const form = new FormData();
      form.append('visit', new Blob([JSON.stringify(item.visit)], { type: 'application/json' }));
      item.photos.forEach(photo => form.append('photos', photo.blob, photo.name));
      return form;
    },
    sent: (item, result) => sent(item, result.visit || result),
    sending: key => showSending(key),
    changed: () => render(),
  });
  const { all, get, put, drop, sync } = outbox;

  /** Puts a visit in the queue; it is safe on the device when this resolves. */
  async function enqueue(visit, photos, enterpriseName, username) {
    const clientKey = visit.clientKey || QiqingOutbox.newKey();
    return outbox.enqueue({ clientKey, username, enterpriseName, photos: photos || [],
      visit: Object.assign({}, visit, { clientKey }) });
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
    if (outbox.loginNeeded()) {
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

  const shrink = file => QiqingOutbox.shrink(file, MAX_SIDE);

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

  const today = QiqingOutbox.today;

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
    window.addEventListener('online', showNetwork);
    outbox.start();
    render().then(sync);
  }

  // The queue, for the browser test and the benchmark, which fill it as the form does.
  window.qiqingVisits = { enqueue, sync, count: () => all('queue').then(items => items.length), all };

  if (app || historyPage) {
    start();
  }
})();
