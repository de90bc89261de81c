// Conversa agent console: CSRF for htmx, live updates over SSE, presence, drafts, keyboard shortcuts.
// No inline scripts anywhere (CSP script-src 'self'); everything the pages do in the browser is here.
(function () {
  "use strict";
  const body = document.body;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const csrfToken = $('meta[name="csrf-token"]')?.content;
  const csrfHeader = $('meta[name="csrf-header"]')?.content;

  document.addEventListener("htmx:configRequest", (e) => {
    if (csrfToken && csrfHeader) e.detail.headers[csrfHeader] = csrfToken;
  });

  // Errors come back as short messages; shown as text, never as HTML.
  const flash = (text) => {
    const el = $("#flash");
    if (!el) return;
    el.textContent = text;
    el.classList.add("visible");
    clearTimeout(flash.timer);
    flash.timer = setTimeout(() => el.classList.remove("visible"), 6000);
  };
  document.addEventListener("htmx:responseError", (e) => {
    const doc = new DOMParser().parseFromString(e.detail.xhr.responseText || "", "text/html");
    flash((doc.body.textContent || e.detail.xhr.statusText || "Error").trim().slice(0, 300));
  });

  const currentConversation = () => {
    const d = $("#detail .detail");
    return d ? d.dataset.conversation : null;
  };

  // ---- Live updates -------------------------------------------------------------------------------------------
  let refreshTimer = null;
  const refreshInbox = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      const form = $("#inbox-filters");
      if (form && window.htmx) htmx.trigger(form, "refresh");
    }, 150);
  };
  const composing = () => {
    const active = document.activeElement;
    const typing = active && $("#detail")?.contains(active) && /INPUT|TEXTAREA|SELECT/.test(active.tagName);
    const drafts = $$("#detail textarea").some((t) => t.value.trim() !== "");
    return typing || drafts;
  };
  const refreshConversation = (kind) => {
    const id = currentConversation();
    if (!id || !window.htmx) return;
    if ((kind === "message" || kind === "note" || kind === "delivery") || composing()) {
      const thread = $("#thread");
      if (thread) htmx.trigger(thread, "refresh");
    } else {
      htmx.ajax("GET", "/conversations/" + id + "/detail", { target: "#detail", swap: "innerHTML" });
    }
  };
  const refreshPresence = () => {
    const id = currentConversation();
    if (id && window.htmx && $("#presence")) {
      htmx.ajax("GET", "/conversations/" + id + "/presence", { target: "#presence", swap: "innerHTML" });
    }
  };

  const status = $("#live-status");
  const setStatus = (state) => {
    if (!status) return;
    status.dataset.state = state;
    status.textContent = state === "online" ? status.dataset.online : status.dataset.offline;
  };
  let source = null;
  let wasOffline = false;
  let retry = 1000;
  const connect = () => {
    source = new EventSource("/live");
    source.addEventListener("hello", () => {
      setStatus("online");
      retry = 1000;
      if (wasOffline) { // catch up with whatever happened while we were away
        refreshInbox();
        const thread = $("#thread");
        if (thread && window.htmx) htmx.trigger(thread, "refresh");
      }
      wasOffline = false;
    });
    source.addEventListener("conversation", (e) => {
      const data = JSON.parse(e.data);
      refreshInbox();
      if (String(data.id) === currentConversation()) refreshConversation(data.kind);
    });
    source.addEventListener("presence", (e) => {
      if (String(JSON.parse(e.data).id) === currentConversation()) refreshPresence();
    });
    // A phone call: the caller's profile pops up (ringing, answered), with wrap-up notes once answered.
    source.addEventListener("call", (e) => {
      const data = JSON.parse(e.data);
      const pop = $("#call-pop");
      if (!pop || !window.htmx) return;
      const current = $(".call-pop-box", pop);
      if (current && current.dataset.call === String(data.callId) && current.dataset.state !== "RINGING"
          && data.state !== "ENDED") return; // keep what the agent is typing
      htmx.ajax("GET", "/conversations/" + data.id + "/call/" + data.callId + "?state=" + encodeURIComponent(data.state),
        { target: "#call-pop", swap: "innerHTML" }).then(() => { pop.hidden = false; });
    });
    source.addEventListener("mention", () => {
      flash(body.dataset.mentioned || "@");
      refreshInbox();
    });
    source.onerror = () => {
      wasOffline = true;
      setStatus("offline");
      if (source.readyState === EventSource.CLOSED) { // the browser gave up: retry ourselves, backing off
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 15000);
      }
    };
  };
  if (body.classList.contains("console") && window.EventSource) connect();

  // ---- Presence: "Ana is viewing / replying" -------------------------------------------------------------------
  let presenceFor = null;
  let presenceState = null;
  let lastReport = 0;
  const report = (state, force) => {
    const id = currentConversation();
    if (!id) return;
    const now = Date.now();
    if (!force && state === presenceState && now - lastReport < 10000) return;
    presenceState = state;
    lastReport = now;
    const data = new URLSearchParams({ state: state });
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    if (csrfHeader) headers[csrfHeader] = csrfToken;
    fetch("/conversations/" + id + "/presence", { method: "POST", body: data, headers: headers, credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => { const p = $("#presence"); if (html !== null && p) p.innerHTML = html; })
      .catch(() => {});
  };
  const leave = (id) => {
    if (!id) return;
    const data = new FormData();
    data.append("state", "LEFT");
    if (csrfToken) data.append("_csrf", csrfToken);
    navigator.sendBeacon && navigator.sendBeacon("/conversations/" + id + "/presence", data);
  };
  setInterval(() => {
    const id = currentConversation();
    if (id) report(presenceState === "REPLYING" && Date.now() - lastTyping < 15000 ? "REPLYING" : "VIEWING", true);
  }, 15000);
  let lastTyping = 0;
  document.addEventListener("input", (e) => {
    if (e.target.id === "reply-body") {
      lastTyping = Date.now();
      report("REPLYING");
    }
  });
  window.addEventListener("pagehide", () => leave(currentConversation()));

  // ---- Drafts: a reply is never lost by navigating away ---------------------------------------------------------
  const restoreDrafts = (root) => {
    $$("textarea[data-draft-key]", root).forEach((t) => {
      const saved = localStorage.getItem("conversa-draft-" + t.dataset.draftKey);
      if (saved && !t.value) t.value = saved;
    });
  };
  document.addEventListener("input", (e) => {
    const key = e.target.dataset && e.target.dataset.draftKey;
    if (key) {
      if (e.target.value) localStorage.setItem("conversa-draft-" + key, e.target.value);
      else localStorage.removeItem("conversa-draft-" + key);
    }
  });
  let sending = 0;
  document.addEventListener("htmx:beforeRequest", (e) => {
    if (e.detail.elt.matches && e.detail.elt.matches("#reply-form, #note-form")) sending++;
  });
  document.addEventListener("htmx:afterRequest", (e) => {
    const form = e.detail.elt;
    if (!form.matches || !form.matches("#reply-form, #note-form")) return;
    sending = Math.max(0, sending - 1);
    if (e.detail.successful) {
      $$("textarea[data-draft-key]", form).forEach((t) => localStorage.removeItem("conversa-draft-" + t.dataset.draftKey));
    }
  });
  window.addEventListener("beforeunload", (e) => {
    if (sending > 0) { e.preventDefault(); e.returnValue = ""; }
  });

  // ---- After every swap -----------------------------------------------------------------------------------------
  const afterLoad = (root) => {
    restoreDrafts(root);
    const id = currentConversation();
    if (id !== presenceFor) {
      leave(presenceFor);
      presenceFor = id;
      presenceState = null;
      if (id) report("VIEWING", true);
    }
    $$("#inbox-rows .row").forEach((r) => r.classList.toggle("active", r.dataset.id === id));
  };
  document.addEventListener("htmx:afterSettle", (e) => afterLoad(e.detail.elt));
  document.addEventListener("DOMContentLoaded", () => afterLoad(document));
  if (document.readyState !== "loading") afterLoad(document);

  // Canned responses: picking one inserts its text (placeholders already filled) at the cursor.
  document.addEventListener("click", (e) => {
    const pick = e.target.closest && e.target.closest(".canned-pick");
    if (pick) {
      const t = $("#reply-body");
      if (!t) return;
      const start = t.selectionStart ?? t.value.length;
      t.value = t.value.slice(0, start) + pick.dataset.text + t.value.slice(t.selectionEnd ?? start);
      t.dispatchEvent(new Event("input", { bubbles: true }));
      t.focus();
      $("#canned-results").innerHTML = "";
    }
  });
  document.addEventListener("change", (e) => {
    if (e.target.matches("[data-autosubmit]")) e.target.form.submit();
  });

  document.addEventListener("click", (e) => {
    if (e.target.closest && e.target.closest(".call-close")) {
      const pop = $("#call-pop");
      pop.hidden = true;
      pop.innerHTML = "";
    }
  });

  // ---- Keyboard shortcuts ---------------------------------------------------------------------------------------
  const help = $("#help");
  const toggleHelp = (show) => {
    if (!help) return;
    const open = show === undefined ? help.hidden : show;
    help.hidden = !open;
    if (open) $("#help-close")?.focus(); else $("#help-button")?.focus();
  };
  $("#help-button")?.addEventListener("click", () => toggleHelp(true));
  $("#help-close")?.addEventListener("click", () => toggleHelp(false));
  const move = (delta) => {
    const rows = $$("#inbox-rows .row");
    if (!rows.length) return;
    const id = currentConversation();
    let i = rows.findIndex((r) => r.dataset.id === id);
    i = i < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, i + delta));
    const link = $("a.open", rows[i]);
    link.focus();
    link.click();
  };
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = /INPUT|TEXTAREA|SELECT/.test(t.tagName) || t.isContentEditable;
    if (e.key === "Escape") {
      if (help && !help.hidden) toggleHelp(false); else if (typing) t.blur();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && t.form && (t.id === "reply-body" || t.id === "note-body")) {
      e.preventDefault();
      htmx.trigger(t.form, "submit");
      return;
    }
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    const actions = {
      j: () => move(1), k: () => move(-1),
      r: () => $("#reply-body")?.focus(), n: () => $("#note-body")?.focus(),
      a: () => $("#assign-assignee")?.focus(), e: () => $("#resolve-btn")?.click(),
      "/": () => $("#search")?.focus(), "?": () => toggleHelp(),
    };
    const action = actions[e.key];
    if (action) { e.preventDefault(); action(); }
  });
  // Links in the list open in the detail pane; a link click clicks through htmx (hx-get on the anchor).
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a.open");
    if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0) e.preventDefault();
  });
})();
