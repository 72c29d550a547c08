// The console's live updates: the queue refreshes when it changes, a case's chat shows new
// messages as they arrive, and replies are sent without reloading. Everything works without
// this script too (forms post and the page reloads).
(function () {
  "use strict";
  const status = document.getElementById("live-status");
  const hasQueue = Boolean(document.getElementById("queue"));
  const chat = document.querySelector(".wl-chat");
  // A case page (not a refusal shown at a case's address) watches its case.
  const onCase = document.getElementById("case-status");
  const reference = chat ? chat.dataset.case : onCase && (location.pathname.match(/^\/console\/cases\/([^/]+)$/) || [])[1];
  let after = chat ? Number(chat.dataset.after || 0) : 0;
  let retries = 0;

  function say(text) { if (status) { status.textContent = ""; setTimeout(() => { status.textContent = text; }, 50); } }

  async function refreshQueue() {
    const queue = document.getElementById("queue"); // looked up afresh: it is replaced each time
    if (!queue) return;
    const response = await fetch("/console/queue", { credentials: "same-origin" });
    if (!response.ok) return;
    const holder = document.createElement("div");
    holder.innerHTML = await response.text(); // our own server-rendered, escaped fragment
    const fresh = holder.querySelector("#queue");
    if (fresh) { queue.replaceWith(fresh); }
  }

  function line(m) {
    const log = document.getElementById("chat-log");
    if (!log || m.id <= after || log.querySelector(`[data-id="${m.id}"]`)) return;
    after = Math.max(after, m.id);
    const li = document.createElement("li");
    li.className = m.sender;
    li.dataset.id = m.id;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = m.sender === "resident" ? "Resident" : m.sender === "adviser" ? (m.name || "Adviser") : "Notice";
    const p = document.createElement("p");
    p.textContent = m.text;
    li.append(who, " ", p);
    log.append(li);
    log.scrollTop = log.scrollHeight;
    if (m.sender === "resident") say("The resident said: " + m.text);
  }

  async function catchUp() {
    if (!reference) return;
    const response = await fetch(`/console/cases/${reference}/messages?after=${after}`, { credentials: "same-origin" });
    if (!response.ok) return;
    const body = await response.json();
    (body.messages || []).forEach(line);
    const tag = document.getElementById("case-status");
    if (tag && body.status !== tag.dataset.status) changed();
  }

  function changed() {
    // The case moved on (claimed, handed back, closed): reload, unless a reply is being typed.
    const typing = document.getElementById("reply");
    const note = document.getElementById("note");
    if ((typing && typing.value) || (note && note.value)) {
      say("This case has changed. Reload the page to see it.");
    } else {
      location.reload();
    }
  }

  let socket = null, lastTyping = 0;
  function connect() {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/console/ws${reference ? `?case=${encodeURIComponent(reference)}` : ""}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => { retries = 0; catchUp(); refreshQueue(); };
    ws.onmessage = (event) => {
      let data;
      try { data = JSON.parse(event.data); } catch (_) { return; }
      if (data.type === "queue") refreshQueue();
      else if (data.type === "resync") { catchUp(); refreshQueue(); } // live updates were interrupted
      else if (data.type === "message") line(data);
      else if (data.type === "case" && reference) {
        const tag = document.getElementById("case-status");
        if (tag && data.status !== tag.dataset.status) changed();
      }
    };
    ws.onclose = (event) => {
      if (event.code === 4401) { location.reload(); return; } // signed out: the page says so
      setTimeout(connect, Math.min(15000, 1000 * 2 ** retries++));
    };
  }

  const form = document.getElementById("reply-form");
  if (form) {
    // The resident sees "Amira is typing" while a reply is written (at most every 3 seconds).
    document.getElementById("reply").addEventListener("input", () => {
      if (Date.now() - lastTyping < 3000 || !socket || socket.readyState !== WebSocket.OPEN) return;
      lastTyping = Date.now();
      socket.send(JSON.stringify({ typing: true }));
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const error = document.getElementById("reply-send-error");
      const box = document.getElementById("reply");
      if (!box.value.trim()) return;
      const response = await fetch(form.action, {
        method: "POST", credentials: "same-origin", headers: { Accept: "application/json" },
        body: new URLSearchParams(new FormData(form)),
      }).catch(() => null);
      const body = response ? await response.json().catch(() => ({})) : {};
      if (response && response.ok) {
        box.value = "";
        error.hidden = true;
        catchUp();
      } else {
        error.textContent = body.error || "Your reply was not sent. Check your connection and try again.";
        error.hidden = false;
      }
      box.focus();
    });
  }
  if (hasQueue || reference) connect();
})();
