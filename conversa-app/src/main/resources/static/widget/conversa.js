/*
 * Conversa website chat widget. One tag on the company's page:
 *   <script src="https://conversa.example.com/widget/conversa.js" data-inbox="42" async></script>
 * Optional: data-color, data-position (left|right), data-locale (es|en), data-title,
 * data-user-id + data-user-hash (hex HMAC-SHA256 of the user id with the inbox's identitySecret).
 * No framework; everything lives under #conversa-widget. The transcript survives reloads (token in localStorage).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.ConversaWidget) { return; }
  var d = script.dataset, base = new URL(script.src, location.href).origin, inbox = d.inbox;
  var api = base + '/widget/api/' + encodeURIComponent(inbox);
  var storeKey = 'conversa.' + inbox;
  var state = load();
  var T = {
    en: { open: 'Chat with us', close: 'Close', placeholder: 'Write a message…', send: 'Send', name: 'Your name',
      email: 'Your email', start: 'Start chat', intro: 'Tell us who you are and we will answer here or by email.',
      error: 'Could not send. Trying again…', you: 'You', agent: 'Agent' },
    es: { open: 'Habla con nosotros', close: 'Cerrar', placeholder: 'Escribe un mensaje…', send: 'Enviar', name: 'Tu nombre',
      email: 'Tu email', start: 'Empezar', intro: 'Dinos quién eres y te responderemos aquí o por email.',
      error: 'No se pudo enviar. Reintentando…', you: 'Tú', agent: 'Agente' }
  };
  var lang = ((d.locale || navigator.language || 'en').slice(0, 2).toLowerCase() === 'es') ? 'es' : 'en';
  var t = T[lang], lastId = 0, seen = {}, root, panel, list, form, prechat, config = {}, source;

  function load() { try { return JSON.parse(localStorage.getItem(storeKey) || '{}'); } catch (e) { return {}; } }
  function save() { try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode */ } }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function call(method, path, body) {
    return fetch(api + path, { method: method, headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.status === 204 ? null : r.json();
    });
  }

  function css(color, side) {
    return '#conversa-widget{all:initial;font:14px/1.4 system-ui,sans-serif;position:fixed;bottom:16px;' + side + ':16px;z-index:2147483000}' +
      '#conversa-widget *{box-sizing:border-box;font:inherit}' +
      '#conversa-launcher{background:' + color + ';color:#fff;border:0;border-radius:24px;padding:12px 18px;cursor:pointer;box-shadow:0 2px 8px #0004}' +
      '#conversa-panel{display:none;flex-direction:column;width:320px;height:440px;background:#fff;border-radius:12px;box-shadow:0 4px 24px #0005;overflow:hidden;margin-bottom:8px}' +
      '#conversa-widget.open #conversa-panel{display:flex}' +
      '#conversa-head{background:' + color + ';color:#fff;padding:10px 12px;display:flex;justify-content:space-between;align-items:center}' +
      '#conversa-head button{background:none;border:0;color:#fff;cursor:pointer;font-size:18px}' +
      '#conversa-messages{flex:1;overflow-y:auto;padding:10px;margin:0;list-style:none;background:#f6f7f9}' +
      '#conversa-messages li{max-width:80%;margin:4px 0;padding:6px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word;clear:both}' +
      '#conversa-messages li.in{float:right;background:' + color + ';color:#fff}#conversa-messages li.out{float:left;background:#e4e6eb;color:#111}' +
      '#conversa-form,#conversa-prechat{display:flex;gap:6px;padding:8px;border-top:1px solid #ddd;background:#fff}#conversa-prechat{flex-direction:column}' +
      '#conversa-widget input,#conversa-widget textarea{flex:1;border:1px solid #ccc;border-radius:6px;padding:6px;color:#111;background:#fff}' +
      '#conversa-widget form button{background:' + color + ';color:#fff;border:0;border-radius:6px;padding:6px 10px;cursor:pointer}';
  }

  function build() {
    var color = d.color || config.color || '#2b59c3';
    if (!/^#[0-9a-fA-F]{3,8}$/.test(color)) { color = '#2b59c3'; }
    var side = (d.position || config.position) === 'left' ? 'left' : 'right';
    var style = el('style'); style.textContent = css(color, side); document.head.appendChild(style);
    root = el('div', { id: 'conversa-widget', lang: lang });
    panel = el('div', { id: 'conversa-panel', role: 'dialog', 'aria-label': d.title || config.title || t.open });
    var head = el('div', { id: 'conversa-head' });
    head.appendChild(el('strong', {}, d.title || config.title || t.open));
    var close = el('button', { id: 'conversa-close', type: 'button', 'aria-label': t.close }, '×');
    close.onclick = function () { toggle(false); };
    head.appendChild(close);
    list = el('ol', { id: 'conversa-messages', 'aria-live': 'polite' });
    prechat = el('form', { id: 'conversa-prechat' });
    prechat.appendChild(el('p', {}, t.intro));
    prechat.appendChild(el('input', { id: 'conversa-name', name: 'name', placeholder: t.name, required: '', maxlength: '200' }));
    prechat.appendChild(el('input', { id: 'conversa-email', name: 'email', type: 'email', placeholder: t.email, maxlength: '320' }));
    prechat.appendChild(el('button', { id: 'conversa-start', type: 'submit' }, t.start));
    prechat.onsubmit = function (e) {
      e.preventDefault();
      session({ name: prechat.elements.name.value, email: prechat.elements.email.value });
    };
    form = el('form', { id: 'conversa-form' });
    var input = el('textarea', { id: 'conversa-input', name: 'body', rows: '1', placeholder: t.placeholder, maxlength: '5000' });
    input.onkeydown = function (e) { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); } };
    form.appendChild(input);
    form.appendChild(el('button', { id: 'conversa-send', type: 'submit' }, t.send));
    form.onsubmit = function (e) { e.preventDefault(); submit(); };
    panel.appendChild(head); panel.appendChild(list); panel.appendChild(prechat); panel.appendChild(form);
    var launcher = el('button', { id: 'conversa-launcher', type: 'button', 'aria-expanded': 'false' }, t.open);
    launcher.onclick = function () { toggle(!root.classList.contains('open')); };
    root.appendChild(panel); root.appendChild(launcher);
    document.body.appendChild(root);
    toggle(!!state.open);
  }

  function toggle(open) {
    root.classList.toggle('open', open);
    root.querySelector('#conversa-launcher').setAttribute('aria-expanded', String(open));
    state.open = open; save();
    if (open) { (state.needsPrechat ? prechat.elements.name : form.elements.body).focus(); }
  }

  function showPrechat(needed) {
    state.needsPrechat = needed; save();
    prechat.style.display = needed ? 'flex' : 'none';
    form.style.display = needed ? 'none' : 'flex';
  }

  function render(messages) {
    messages.forEach(function (m) {
      if (seen[m.id]) { return; }
      seen[m.id] = true; lastId = Math.max(lastId, m.id);
      var li = el('li', { 'class': m.direction, 'data-id': String(m.id) }, m.body);
      li.title = (m.direction === 'in' ? t.you : t.agent) + ' · ' + new Date(m.at).toLocaleString(lang);
      list.appendChild(li);
    });
    list.scrollTop = list.scrollHeight;
  }

  function session(extra) {
    var body = { token: state.token, userId: d.userId, userHash: d.userHash, locale: lang };
    for (var k in extra || {}) { body[k] = extra[k]; }
    return call('POST', '/session', body).then(function (s) {
      state.token = s.token; save();
      config = s.config || {};
      if (!root) { build(); }
      showPrechat(s.needsPrechat);
      render(s.messages || []);
      connect();
      return s;
    });
  }

  function refresh() {
    if (!state.token) { return; }
    call('GET', '/messages?token=' + encodeURIComponent(state.token) + '&after=' + lastId).then(render, function () {});
  }

  function connect() {
    if (source || !window.EventSource) { return; }
    source = new EventSource(api + '/stream?token=' + encodeURIComponent(state.token));
    source.addEventListener('message', refresh);
    source.addEventListener('ready', refresh);
  }

  function submit() {
    var text = form.elements.body.value.trim();
    if (!text) { return; }
    form.elements.body.value = '';
    var clientId = Date.now().toString(36) + Math.random().toString(36).slice(2);
    (function attempt(n) {
      call('POST', '/messages', { token: state.token, clientId: clientId, body: text }).then(function (m) { render([m]); },
        function () { if (n < 5) { setTimeout(function () { attempt(n + 1); }, 1000 * (n + 1)); } });
    })(0);
  }

  function pageView() {
    call('POST', '/pageviews', { token: state.token, url: location.href, title: document.title }).catch(function () {});
  }

  function start() {
    session().then(pageView, function () { /* Conversa unreachable: the page works without the widget */ });
    setInterval(refresh, 15000);
  }

  window.ConversaWidget = { open: function () { toggle(true); }, close: function () { toggle(false); } };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
