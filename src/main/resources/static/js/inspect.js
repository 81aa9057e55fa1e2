// The inspection page on a phone with weak or no signal: a group member records an
// inspection (planned 明查 or unannounced 暗访) against the action's checklist, with the
// problems found and their photos; it waits in the device's queue (js/outbox.js, as the
// visit page's) and is sent, with its findings and photos in one request, when there is a
// network. Each carries a key made on the device: a repeated send stores nothing twice.
(() => {
  'use strict';

  const MAX_SIDE = 1600;

  const app = document.getElementById('inspect-app');
  if (!app) {
    return;
  }
  const t = QiqingOutbox.texts('inspect-texts');
  const $ = id => document.getElementById(id);
  const data = JSON.parse($('inspect-data').textContent || '{}');
  const actions = data.actions || [];
  const actionOf = id => actions.find(a => a.id === Number(id));

  const outbox = QiqingOutbox.open({
    database: 'qiqing-inspections', stores: ['queue'], sessionUrl: '/discipline/device/session',
    batchUrl: '/discipline/device/sync', batchItems: 5,
    // A part inspections with their JSON array; the photos of finding j of the
    // inspection at position i as parts photos.i.j.
    batchForm: items => {
      const form = new FormData();
      form.append('inspections', new Blob([JSON.stringify(items.map(item => item.inspection))],
        { type: 'application/json' }));
      items.forEach((item, i) => item.photos.forEach(photo => form.append(`photos.${i}.${photo.finding}`, photo.blob,
        photo.name)));
      return form;
    },
    sent: (item, result) => sent(item, result),
    sending: key => showSending(key),
    changed: () => render(),
  });

  /** Puts an inspection in the queue; it is safe on the device when this resolves. */
  async function enqueue(inspection, photos, label, username) {
    const clientKey = inspection.clientKey || QiqingOutbox.newKey();
    return outbox.enqueue({ clientKey, username, label, photos: photos || [],
      inspection: Object.assign({}, inspection, { clientKey }) });
  }

  // ---- the page ----
  const sentItems = [];

  function sent(item, result) {
    sentItems.push({ label: item.label, id: result.inspectionId, findings: (result.findingIds || []).length });
  }

  function showSending(key) {
    const line = document.querySelector(`#queue-list li[data-key="${key}"] .status`);
    if (line) {
      line.textContent = t('sending');
    }
  }

  async function render() {
    const items = (await outbox.all('queue').catch(() => [])).sort((a, b) => a.savedAt - b.savedAt);
    $('queue-count').textContent = items.length;
    $('queue-empty').hidden = items.length > 0;
    $('queue-list').replaceChildren(...items.map(item => {
      const li = document.createElement('li');
      li.dataset.key = item.clientKey;
      li.className = item.status;
      const head = document.createElement('strong');
      head.textContent = t('summary', item.label, (item.inspection.findings || []).length, item.photos.length);
      const status = document.createElement('span');
      status.className = 'status small';
      status.textContent = item.username !== app.dataset.user ? t('otherUser', item.username)
        : item.status === 'failed' ? t('failed', item.error)
          : item.error ? t('retryLater', item.error) : t('waiting');
      li.append(head, status);
      if (item.status === 'failed') {
        li.append(button(t('edit'), 'edit', () => edit(item)));
        li.append(button(t('retry'), 'retry', async () => {
          await outbox.put('queue', Object.assign(item, { status: 'waiting', error: null }));
          render();
          outbox.sync();
        }));
      }
      li.append(button(t('discard'), 'discard link', async () => {
        if (confirm(t('discardConfirm'))) {
          await outbox.drop('queue', item.clientKey);
          render();
        }
      }));
      return li;
    }));
    if (sentItems.length) {
      message(sentItems.map(s => t('sent', `${s.label} · ${s.findings}`)).join('\n'));
      $('sent-list').prepend(...sentItems.map(s => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/discipline/inspections/${s.id}`;
        a.textContent = `${s.label} · ${t('open')}`;
        li.append(a);
        return li;
      }));
      sentItems.length = 0;
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
    $('form-message').textContent = text;
    $('form-message').hidden = !text;
  }

  function problem(text) {
    $('form-problem').textContent = text;
    $('form-problem').hidden = !text;
  }

  // -- the action chosen gives the groups, the units and the checklist
  function option(value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function showAction() {
    const form = $('inspect-form');
    const action = actionOf(form.actionId.value);
    if (!action) {
      return;
    }
    form.groupId.replaceChildren(...action.groups.map(g => option(g.id, g.name)));
    form.unitId.replaceChildren(option('', ''), ...action.units.map(u => option(u.id, u.name)));
    $('checkpoint-list').replaceChildren(...action.checkpoints.map(p => {
      const div = document.createElement('div');
      div.className = 'checkpoint';
      div.dataset.position = p.position;
      const point = document.createElement('p');
      point.textContent = `${p.position}. ${p.text}`;
      const passed = document.createElement('label');
      passed.className = 'choice';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'passed';
      passed.append(box, ' ', t('passed'));
      const note = document.createElement('input');
      note.name = 'note';
      note.maxLength = 1000;
      note.placeholder = t('note');
      div.append(point, passed, note);
      return div;
    }));
  }

  // -- findings: each with up to MAX photos, shrunk on the device before it is queued
  function addFinding() {
    const copy = $('finding-template').content.firstElementChild.cloneNode(true);
    copy.photos = [];
    copy.querySelector('.remove').addEventListener('click', () => { copy.remove(); numberFindings(); });
    copy.querySelector('[name=photos]').addEventListener('change', e => addPhotos(copy, e.target));
    $('finding-list').append(copy);
    numberFindings();
    copy.querySelector('select').focus();
    return copy;
  }

  function numberFindings() {
    document.querySelectorAll('#finding-list .finding .n').forEach((n, i) => { n.textContent = i + 1; });
  }

  async function addPhotos(finding, input) {
    const max = Number(input.dataset.max);
    const refused = [];
    for (const file of input.files) {
      if (finding.photos.length >= max) {
        refused.push(t('tooMany', max));
        break;
      }
      try {
        finding.photos.push(await QiqingOutbox.shrink(file, MAX_SIDE));
      }
      catch (e) {
        refused.push(t('notImage', file.name));
      }
    }
    input.value = '';
    problem(refused.join('；'));
    renderPhotos(finding);
  }

  function renderPhotos(finding) {
    finding.querySelector('.photos').replaceChildren(...finding.photos.map((photo, i) => {
      const li = document.createElement('li');
      const img = document.createElement('img');
      img.src = URL.createObjectURL(photo.blob);
      img.alt = photo.name;
      img.onload = () => URL.revokeObjectURL(img.src);
      li.append(img, button(t('remove'), 'link', () => { finding.photos.splice(i, 1); renderPhotos(finding); }));
      return li;
    }));
  }

  // A refused inspection comes back into the form to be corrected; it keeps its key,
  // under which the server stored nothing.
  let editing = null;

  function edit(item) {
    const form = $('inspect-form');
    const v = item.inspection;
    editing = item.clientKey;
    form.actionId.value = v.actionId;
    showAction();
    form.groupId.value = v.groupId;
    form.unitId.value = v.unitId;
    form.mode.value = v.mode;
    form.inspectedOn.value = v.inspectedOn;
    form.summary.value = v.summary || '';
    (v.checks || []).forEach(c => {
      const point = document.querySelector(`#checkpoint-list [data-position="${c.position}"]`);
      if (point) {
        point.querySelector('[name=passed]').checked = c.passed;
        point.querySelector('[name=note]').value = c.note || '';
      }
    });
    $('finding-list').replaceChildren();
    (v.findings || []).forEach((f, j) => {
      const block = addFinding();
      block.querySelector('[name=kindId]').value = f.kindId || '';
      block.querySelector('[name=what]').value = f.what || '';
      block.querySelector('[name=place]').value = f.place || '';
      block.querySelector('[name=people]').value = f.people || '';
      block.photos = item.photos.filter(p => p.finding === j).map(p => ({ name: p.name, blob: p.blob }));
      renderPhotos(block);
    });
    problem(item.error);
    form.scrollIntoView();
  }

  function readForm() {
    const form = $('inspect-form');
    const errors = [];
    const photos = [];
    const findings = [...document.querySelectorAll('#finding-list .finding')].map((f, j) => {
      const finding = { kindId: f.querySelector('[name=kindId]').value ? Number(f.querySelector('[name=kindId]').value) : null,
        what: f.querySelector('[name=what]').value.trim(), place: f.querySelector('[name=place]').value.trim(),
        people: f.querySelector('[name=people]').value.trim() };
      if (!finding.kindId) {
        errors.push(t('noKind', j + 1));
      }
      if (!finding.what) {
        errors.push(t('noWhat', j + 1));
      }
      (f.photos || []).forEach(p => photos.push({ finding: j, name: p.name, blob: p.blob }));
      return finding;
    });
    const checks = [...document.querySelectorAll('#checkpoint-list .checkpoint')].map(c => ({
      position: Number(c.dataset.position), passed: c.querySelector('[name=passed]').checked,
      note: c.querySelector('[name=note]').value.trim() }));
    if (!actionOf(form.actionId.value)) {
      errors.push(t('noAction'));
    }
    if (!form.groupId.value) {
      errors.push(t('noGroup'));
    }
    if (!form.unitId.value) {
      errors.push(t('noUnit'));
    }
    if (!form.inspectedOn.value || form.inspectedOn.value > QiqingOutbox.today()) {
      errors.push(t('future'));
    }
    const unit = form.unitId.selectedOptions[0];
    return { errors, photos, label: `${unit ? unit.textContent : ''} ${form.inspectedOn.value}`,
      inspection: { actionId: Number(form.actionId.value), groupId: Number(form.groupId.value),
        unitId: Number(form.unitId.value), mode: form.mode.value, inspectedOn: form.inspectedOn.value,
        summary: form.summary.value.trim(), checks, findings } };
  }

  async function save(event) {
    event.preventDefault();
    message('');
    const { errors, photos, label, inspection } = readForm();
    if (errors.length) {
      problem(errors.join('；'));
      return;
    }
    try {
      await enqueue(Object.assign(inspection, { clientKey: editing || undefined }), photos, label, app.dataset.user);
      editing = null;
    }
    catch (e) {
      problem(t('noStorage'));
      return;
    }
    problem('');
    const form = $('inspect-form');
    const actionId = form.actionId.value;
    form.reset();
    form.actionId.value = actionId;
    form.inspectedOn.value = QiqingOutbox.today();
    showAction();
    $('finding-list').replaceChildren();
    message(navigator.onLine ? t('saved') : t('savedOffline'));
    await render();
    outbox.sync();
  }

  // A planned inspection set for today fills the form with its action, group and unit;
  // the server fills that inspection in with what is recorded.
  function chooseScheduled(id) {
    const planned = (data.scheduled || []).find(s => s.id === Number(id));
    const form = $('inspect-form');
    if (!planned || !form || !actionOf(planned.actionId)) {
      return;
    }
    form.actionId.value = planned.actionId;
    showAction();
    form.groupId.value = planned.groupId;
    form.unitId.value = planned.unitId;
    form.mode.value = 'PLANNED';
    // Its day, as the server had it when the page was made; never after the phone's.
    form.inspectedOn.value = planned.inspectedOn <= QiqingOutbox.today() ? planned.inspectedOn : QiqingOutbox.today();
    $('checklist').scrollIntoView();
  }

  function start() {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/inspect-sw.js', { scope: '/discipline/inspect' }).catch(() => null);
    }
    const form = $('inspect-form');
    if (form) {
      // A page served from the device's cache was made on another day.
      form.inspectedOn.value = QiqingOutbox.today();
      form.inspectedOn.max = QiqingOutbox.today();
      form.actionId.addEventListener('change', showAction);
      showAction();
      form.addEventListener('submit', save);
      $('add-finding').addEventListener('click', addFinding);
      document.querySelectorAll('.choose-scheduled')
        .forEach(b => b.addEventListener('click', () => chooseScheduled(b.dataset.id)));
    }
    $('send-now').addEventListener('click', outbox.sync);
    window.addEventListener('online', showNetwork);
    window.addEventListener('offline', showNetwork);
    outbox.start();
    render().then(outbox.sync);
  }

  // The queue, for the browser test and the benchmark, which fill it as the form does.
  window.qiqingInspections = { enqueue, sync: outbox.sync, count: outbox.count, all: outbox.all };

  start();
})();
