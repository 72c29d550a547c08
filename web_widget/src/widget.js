// The widget itself: reads its <script> tag, builds the panel, and runs the conversation with
// the modules before it (phones, markdown, theme, machine, storage, transport, render, kiosk),
// which the server joins into one script (bot/widget/service.py; no build step).
const script = document.currentScript;
if (!script || window.__worklocal) return;
window.__worklocal = true;

const data = script.dataset;
const API = (data.api || new URL(script.src, location.href).origin).replace(/\/+$/, "");
const KIOSK = data.mode === "kiosk";
const seconds = (value, fallback) => (Number(value) > 0 ? Number(value) : fallback) * 1000;
const CSS = "__WORKLOCAL_CSS__";

const config = {
  name: "the council", service: "Work Local", phone: data.phone || "", hours: "",
  privacy: API + "/privacy", accessibility: API + "/accessibility", maxChars: 2000, logo: null,
};
// liveSeq: the last adviser message shown (live chats); live: talking to, or waiting for, a person
const fresh = () => ({ id: null, items: [], outbox: [], open: KIOSK, liveSeq: 0, live: false });
let state = fresh();
const store = createStore("worklocal:" + (data.council || "default"), KIOSK);
const save = () => store.save(state);
const phase = machine.create();
// The message waiting for its answer: the head of the outbox while it is out (or was, when the
// connection dropped).
const pending = () => (phase.is("sending", "offline") && state.outbox[0]) || null;
const net = createTransport(API, {
  current: () => (phase.is("stopped") ? null : state.id),
  pending,
  liveSeq: () => state.liveSeq || 0,
  onData, onGone: gone, onUnreachable: unreachable,
}, data.council || "");
const draw = createRender({
  api: API, kiosk: KIOSK, headings: KIOSK ? ["h2", "h3"] : ["h3", "h4"],
  service: () => config.service,
  previous: (index) => state.items[index - 1],
  choose(index, choice, button) {
    const current = state.items[index];
    if (!current || current.closed || current.chosen !== undefined) return;
    current.chosen = choice;
    const b = current.m.buttons[choice];
    send({ payload: b.payload }, b.title, button);
  },
  book: (title) => send({ text: `I'd like to book an appointment about ${title}` }, `Book: ${title}`),
  print: printPlan,
});
const { el, hidden, link } = draw;
let retries = 0, retryTimer = 0, pollTimer = 0, adviserTyping = 0, typingNode = null, idle = null;

// ---- the shell -------------------------------------------------------------------------
const host = el("div", { id: "worklocal-widget", lang: "en-GB" });
const shadow = host.attachShadow({ mode: "open" });
const ui = {};
function build() {
  ui.launcher = el("button", {
    type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "wl-panel",
    onclick: () => openPanel(true),
  }, "Chat with Work Local");
  ui.title = el(KIOSK ? "h1" : "h2", { id: "wl-title" }, "Work Local");
  // The council's logo beside its name (which the title says, so the picture says nothing more).
  ui.logo = el("img", { class: "logo", alt: "", hidden: true });
  ui.restart = el("button", { type: "button", "aria-haspopup": "dialog", onclick: ask },
    KIOSK ? "I've finished" : "Start again");
  ui.close = KIOSK ? null : el("button", { type: "button", onclick: () => closePanel(true) },
    "Close", hidden(" chat"));
  ui.notice = el("p", { class: "notice" });
  ui.banner = el("div", { class: "banner", role: "alert", hidden: true });
  // One press must not delete a conversation: "Start again" / "I've finished" ask here first.
  // An alertdialog named by its question: focus moves to "No" (the safe answer), so a screen
  // reader says the question once, with the button, and nothing else needs announcing.
  ui.confirm = el("div", {
    class: "confirm", role: "alertdialog", "aria-labelledby": "wl-confirm-text", hidden: true,
  }, el("p", { id: "wl-confirm-text" },
    KIOSK ? "Finish and delete this chat?" : "Start again? This deletes this chat."),
  el("button", { type: "button", onclick: confirmed }, KIOSK ? "Yes, finish" : "Yes, start again"),
  " ", el("button", { type: "button", class: "primary", onclick: () => cancel(true) }, "No, keep chatting"));
  ui.log = el("ol", { class: "log", tabindex: "0", "aria-label": "Conversation" });
  ui.idle = el("div", {
    class: "idle", role: "alertdialog", "aria-labelledby": "wl-idle-text", hidden: true,
  });
  ui.input = el("textarea", {
    id: "wl-input", rows: "2", autocomplete: "off", "aria-describedby": "wl-count",
    placeholder: "Type your message", onkeydown: (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
    }, oninput: count,
  });
  ui.count = el("p", { class: "count", id: "wl-count" });
  ui.form = el("form", { onsubmit: (e) => { e.preventDefault(); submit(); } },
    el("label", { class: "vh", for: "wl-input" }, "Your message"), ui.input,
    el("button", { type: "submit", class: "primary" }, "Send"), ui.count);
  ui.links = el("p", { class: "links" });
  ui.panel = el("section", {
    class: "panel", id: "wl-panel", "aria-labelledby": "wl-title", hidden: true,
    ...(KIOSK ? {} : { role: "dialog", "aria-modal": "false" }),
  }, el("header", null, ui.logo, ui.title, ui.restart, ui.close), ui.confirm, ui.notice, ui.banner, ui.log,
  ui.idle, ui.form, ui.links);
  ui.live = el("div", { class: "vh", "aria-live": "polite" });
  ui.root = el("div", {
    class: KIOSK ? "root kiosk" : "root", lang: "en-GB",
    role: KIOSK ? "main" : "complementary", "aria-label": "Work Local chat",
    onkeydown: (e) => {
      if (e.key !== "Escape") return;
      if (!ui.idle.hidden) stillHere();
      else if (!ui.confirm.hidden) cancel(true);
      else if (!KIOSK && !ui.panel.hidden) closePanel(true);
    },
  }, ui.launcher, ui.panel, ui.live);
  shadow.append(el("style", { text: CSS }), ui.root);
  if (KIOSK) ui.launcher.hidden = true;
  describe();
  paint(data.colour);
}

function describe() {
  ui.title.textContent = `${config.service} \u2013 ${config.name}`;
  ui.logo.hidden = !config.logo;
  if (config.logo) ui.logo.src = config.logo;
  ui.launcher.textContent = `Chat with ${config.service}`;
  ui.root.setAttribute("aria-label", `${config.service} chat`);
  ui.notice.replaceChildren(
    `This chat is run by ${config.name}. It is a computer program, not a person. `
    + "Please don't share more personal details than you need. ",
    link(config.privacy, "How we use your information"),
    KIOSK ? " Nothing is saved on this computer, and \u201cI've finished\u201d clears everything." : "",
  );
  ui.links.replaceChildren(link(config.accessibility, "Accessibility statement"));
  ui.input.maxLength = config.maxChars + 200; // a little over, so the count can explain
}

function paint(colour) {
  const colours = theme.palette(colour);
  if (!colours) return;
  host.style.setProperty("--brand", colours.brand);
  host.style.setProperty("--on-brand", colours.onBrand);
  host.style.setProperty("--link", colours.link);
}

// ---- the transcript --------------------------------------------------------------------
function nearBottom() {
  return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 80;
}
function append(node, follow) {
  if (!node) return;
  const stick = follow || nearBottom();
  ui.log.append(node);
  if (stick) ui.log.scrollTop = ui.log.scrollHeight;
}
function announce(text) {
  // Lines of earlier replies go, never this reply's: a reply of several messages (a check-in,
  // an answer, a question) is appended in one go and must be read whole.
  const now = Date.now();
  ui.live.append(el("p", { text, "data-at": String(now) }));
  while (ui.live.childNodes.length > 3 && Number(ui.live.firstChild.dataset.at) < now - 5000) {
    ui.live.firstChild.remove();
  }
}
function addItem(entry, follow) {
  state.items.push(entry);
  append(draw.item(entry, state.items.length - 1), follow);
  const words = entry.k === "bot" ? draw.said(entry.m) : entry.k === "note" ? entry.t : "";
  const who = entry.k === "bot" ? draw.speaker((entry.m && entry.m.custom) || {}) : config.service;
  if (words) announce(`${who} said: ${markdown.plain(words)}`);
  save();
}
function renderAll() {
  ui.log.replaceChildren(...state.items.map(draw.item).filter(Boolean));
  ui.log.scrollTop = ui.log.scrollHeight;
}
function closeChoices(chosen) {
  // Changed in place, not redrawn, so the button just pressed keeps the keyboard focus.
  state.items.forEach((entry) => { if (entry.k === "bot") entry.closed = true; });
  ui.log.querySelectorAll(".choices button").forEach((b) => b.setAttribute("aria-disabled", "true"));
  if (chosen) draw.markChosen(chosen);
}
function typing(on, who) {
  if (typingNode) typingNode.remove();
  typingNode = on ? draw.typingRow(who) : null;
  if (typingNode) append(typingNode, true);
}
function printPlan(href) {
  // The plan page prints itself when asked, so the resident gets the plan on paper without a
  // download or a new tab (on a kiosk, nothing is left behind).
  const url = draw.safeUrl(href);
  if (!url) return;
  const frame = el("iframe", { src: url + (url.includes("?") ? "&" : "?") + "print=1",
    title: "Your plan, for printing", class: "vh", tabindex: "-1" });
  shadow.append(frame);
  setTimeout(() => frame.remove(), 120000);
}

// ---- sending ---------------------------------------------------------------------------
function newId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
function count() {
  const length = ui.input.value.trim().length;
  const over = length - config.maxChars;
  ui.count.classList.toggle("over", over > 0);
  ui.count.textContent = over > 0
    ? `Your message is ${over} characters too long. Please shorten it or send it in parts.`
    : length > config.maxChars * 0.8 ? `${config.maxChars - length} characters left.` : "";
  return over <= 0;
}
function submit() {
  const text = ui.input.value.trim();
  if (!text || !count()) return;
  ui.input.value = "";
  send({ text }, text);
}
function send(body, label, chosen) {
  if (idle) idle.active();
  cancel(false); // carrying on chatting is a "no"
  closeChoices(chosen);
  const message = Object.assign({ id: newId() }, body);
  addItem({ k: "me", t: label, id: message.id }, true);
  state.outbox.push(message);
  save();
  if (!state.id) start(); else pump();
}
function pump() {
  // Only when nothing is on its way: while offline, what is typed waits in the outbox.
  if (!phase.is("ready") || !state.outbox.length || !state.id || !phase.fire("send")) return;
  typing(true);
  net.transmit();
}

function onData(d) {
  if (d.reply_to) {
    const head = pending();
    if (!head || d.reply_to !== head.id) return; // an answer already shown
    net.settle();
    if (d.error && (d.error.code === "assistant_unavailable" || d.error.code === "rate_limited")) {
      return unreachable(d.error); // not answered: sent again when retrying
    }
    clearTimeout(retryTimer);
    const message = state.outbox.shift();
    phase.fire("answered");
    retries = 0;
    typing(false);
    banner(null);
    if (d.error) refused(d.error, message);
    else answer(d.messages || []);
    save();
    pump();
  } else if (d.error && d.error.code === "conversation_not_found") {
    gone();
  } else if (Array.isArray(d.messages)) {
    if (!pending()) typing(false);
    answer(d.messages); // said without being asked (an adviser)
  } else if (d.typing && !pending()) {
    // An adviser is writing: shown for a few seconds after each sign of it.
    typing(true, d.typing.name);
    clearTimeout(adviserTyping);
    adviserTyping = setTimeout(() => { if (!pending()) typing(false); }, 6000);
  }
}

function answer(messages) {
  // "Yes, start again", typed or pressed: the server has already deleted the conversation,
  // so the chat starts afresh here too, with its words as a note (a kiosk reloads instead).
  const restarted = messages.find((m) => (m.custom || {}).type === "start_again");
  if (restarted) {
    if (KIOSK) wipe(); else startAgain(restarted.text, false);
    return;
  }
  // A long answer (the crisis numbers, a plan) is shown from its start, not its end.
  const shown = ui.log.children.length;
  messages.forEach((m) => {
    const custom = m.custom || {};
    if (custom.seq) {
      if (custom.seq <= state.liveSeq) return; // already shown (a replay after reconnecting)
      state.liveSeq = custom.seq;
    }
    if (custom.type === "handoff_waiting" || custom.type === "adviser_joined") state.live = true;
    if (custom.type === "adviser_left") state.live = false;
    if (custom.seq && m.buttons && m.buttons.length) closeChoices(); // the newest options only
    addItem({ k: "bot", m });
  });
  if (state.live && !net.live) pollLive();
  const first = ui.log.children[shown];
  if (!first) return;
  const top = first.getBoundingClientRect().top - ui.log.getBoundingClientRect().top;
  if (ui.log.scrollHeight - ui.log.scrollTop - top > ui.log.clientHeight) {
    ui.log.scrollTop += top - 8;
  }
}

function refused(error, message) {
  // The message can't be used as it is: explain, and give the words back to edit.
  const index = state.items.findIndex((entry) => entry.k === "me" && entry.id === message.id);
  if (index >= 0) state.items.splice(index, 1);
  const row = ui.log.querySelector(`li.me[data-id="${message.id}"]`);
  if (row) row.remove();
  if (message.text && !ui.input.value) ui.input.value = message.text;
  addItem({ k: "note", t: error.message || "Sorry, that message couldn't be sent." });
  count();
}

function unreachable(error) {
  // The server's error, if it gave one: its words, and with a rate limit the seconds it
  // asked us to wait; otherwise back off on our own.
  if (!phase.fire("failed")) return; // a kiosk that has finished, or nothing under way
  const { message, retry_after: wait } = error || {};
  typing(false);
  const phone = config.phone ? ` You can also call ${config.name} on ${config.phone}${config.hours ? ` (${config.hours})` : ""}.` : "";
  const kept = !state.outbox.length ? ""
    : wait ? " Your message is kept and will be sent then."
    : " Your message is kept and will be sent when the connection is back.";
  // Asked to wait, trying again early would only be refused again: no button then.
  banner(`${message || "We can't reach the assistant at the moment."}${kept}${message ? "" : phone}`,
    wait > 0 ? null : "Try again now", () => { retries = 0; retry(); });
  clearTimeout(retryTimer);
  retryTimer = setTimeout(retry, wait > 0 ? wait * 1000 : Math.min(15000, 1000 * 2 ** retries++));
}
function retry() {
  clearTimeout(retryTimer);
  if (!state.id) return start();
  net.connect(state.liveSeq);
  if (phase.is("sending")) return net.transmit(); // still on its way: make sure it goes
  if (state.outbox.length && phase.fire("send")) { typing(true); net.transmit(); }
  else if (phase.fire("recovered")) pump();
}
function banner(text, action, handler) {
  ui.banner.hidden = !text;
  const button = action && el("button", { type: "button", onclick: handler }, action);
  ui.banner.replaceChildren(...(text ? [el("p", { style: "margin:0" }, draw.words(text))] : []),
    ...(text && button ? [button] : []));
}

// ---- the conversation ------------------------------------------------------------------
async function start() {
  if (state.id || !phase.fire("start")) return;
  try {
    const response = await net.request("POST", "/api/v1/conversations", {
      channel: KIOSK ? "kiosk" : "web", greet: true,
    });
    const body = await response.json().catch(() => ({}));
    if (!phase.is("starting")) return; // started again or wiped meanwhile
    if (!response.ok) return unreachable(body.error);
    state.id = body.id;
    phase.fire("started");
    banner(null);
    retries = 0;
    answer(body.messages || []);
    save();
    net.connect(state.liveSeq);
    pump();
  } catch (_) {
    if (phase.is("starting")) unreachable();
  }
}

// Without the socket, what an adviser says is fetched every few seconds during a live chat.
function pollLive() {
  if (pollTimer || phase.is("stopped")) return;
  pollTimer = setTimeout(async () => {
    pollTimer = 0;
    if (!state.id || !state.live || net.live) return;
    try {
      const response = await net.request("GET", `/api/v1/conversations/${state.id}/live?after=${state.liveSeq || 0}`, null, 10000);
      if (response.ok) answer(((await response.json()) || {}).messages || []);
      else if (response.status === 404) return gone();
    } catch (_) { /* offline: try again */ }
    pollLive();
  }, 4000);
}

function gone() {
  // The server no longer knows this conversation (it ended or timed out).
  if (!phase.fire("gone")) return;
  net.disconnect();
  clearTimeout(retryTimer);
  const had = state.items.length;
  state = fresh();
  state.open = !ui.panel.hidden;
  typing(false);
  banner(null);
  save();
  renderAll();
  if (had) addItem({ k: "note", t: "This conversation has ended, so I've started a new one." });
  start();
}

async function forget(id) {
  if (!id) return;
  try { await net.request("DELETE", `/api/v1/conversations/${id}`, null, 5000); } catch (_) { /* best effort */ }
}

function ask() {
  ui.confirm.hidden = false;
  ui.confirm.querySelector(".primary").focus();
}
function cancel(focus) {
  if (ui.confirm.hidden) return;
  ui.confirm.hidden = true;
  if (focus) ui.restart.focus();
}
function confirmed() {
  ui.confirm.hidden = true;
  if (KIOSK) wipe(); else startAgain();
}

async function startAgain(note, forgetFirst = true) {
  ui.input.focus(); // before the buttons that had it go
  const id = state.id;
  net.disconnect();
  clearTimeout(retryTimer);
  phase.fire("restart");
  state = fresh();
  state.open = true;
  typing(false);
  banner(null);
  ui.input.value = "";
  renderAll();
  if (note) addItem({ k: "note", t: note });
  save();
  if (forgetFirst) await forget(id);
  start();
}

async function wipe() {
  // Kiosk: end and forget the conversation on the server, then load the page afresh in place
  // of this history entry, so Back shows nothing of the person before.
  if (!phase.fire("wipe")) return;
  if (idle) idle.stop();
  const id = state.id;
  net.disconnect();
  clearTimeout(retryTimer);
  state = fresh();
  ui.log.replaceChildren();
  ui.live.replaceChildren();
  ui.input.value = "";
  ui.idle.hidden = ui.confirm.hidden = true;
  shadow.querySelectorAll("iframe").forEach((f) => f.remove());
  await forget(id);
  location.replace(location.href.split("#")[0]);
}

// ---- opening and closing ---------------------------------------------------------------
function openPanel(focus) {
  ui.panel.hidden = false;
  ui.launcher.hidden = true;
  ui.launcher.setAttribute("aria-expanded", "true");
  state.open = true;
  save();
  ui.log.scrollTop = ui.log.scrollHeight;
  if (focus) ui.input.focus();
  if (!state.id) start();
}
function closePanel(focus) {
  if (KIOSK) return;
  cancel(false);
  ui.panel.hidden = true;
  ui.launcher.hidden = false;
  ui.launcher.setAttribute("aria-expanded", "false");
  state.open = false;
  save();
  if (focus) ui.launcher.focus();
}

// WCAG 2.4.11: something on the page that gets focus must not sit hidden under the panel.
function overlaps(a, b) {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}
document.addEventListener("focusin", (event) => {
  if (KIOSK || event.target === host || !(event.target instanceof Element)) return;
  const cover = ui.panel.hidden ? ui.launcher : ui.panel;
  if (!overlaps(event.target.getBoundingClientRect(), cover.getBoundingClientRect())) return;
  event.target.scrollIntoView({ block: "center" });
  if (overlaps(event.target.getBoundingClientRect(), cover.getBoundingClientRect()) && !ui.panel.hidden) {
    closePanel(false); // it still can't be seen: tuck the chat away (the launcher reopens it)
  }
});

// ---- a kiosk clears up after someone walks away ------------------------------------------
function stillHere() {
  if (idle) idle.active();
  ui.idle.hidden = true;
  ui.input.focus();
}
function warnIdle(secondsLeft) {
  const words = `Are you still there? To keep your information private, this screen will `
    + `clear in ${secondsLeft} seconds.`;
  if (ui.idle.hidden) {
    cancel(false); // the warning's own "I've finished" is the one answer needed now
    ui.idle.replaceChildren(el("p", { id: "wl-idle-text", text: words }),
      el("button", { type: "button", class: "primary", onclick: stillHere }, "I'm still here"),
      " ", el("button", { type: "button", onclick: wipe }, "I've finished"));
    ui.idle.hidden = false;
    ui.idle.querySelector("button").focus();
  } else {
    ui.idle.firstChild.textContent = words;
  }
}

// ---- start -----------------------------------------------------------------------------
async function loadConfig() {
  try {
    const response = await net.request("GET", "/api/v1/widget/config", null, 10000);
    if (!response.ok) return;
    const c = await response.json();
    Object.assign(config, {
      name: c.council_name, service: c.service_name, phone: c.phone || config.phone,
      hours: c.opening_hours, maxChars: c.max_message_chars,
      privacy: draw.safeUrl(c.privacy_url) || config.privacy,
      accessibility: draw.safeUrl(c.accessibility_url) || config.accessibility,
      logo: typeof c.logo_url === "string" && c.logo_url.startsWith("/api/") ? API + c.logo_url : null,
    });
    describe();
    if (!data.colour) paint(c.colour);
  } catch (_) { /* unreachable: the defaults and data-phone still work */ }
}

function init() {
  if (!KIOSK) ui.idle.remove();
  document.body.append(host);
  const saved = store.load();
  if (saved) state = Object.assign(fresh(), saved);
  renderAll();
  loadConfig();
  if (KIOSK) {
    openPanel(true);
    idle = kiosk.watch({
      warnMs: seconds(data.idleWarning, 120), wipeMs: seconds(data.idleWipe, 180),
      someoneHere: () => state.items.some((entry) => entry.k === "me"),
      onWarn: warnIdle, onActive: () => { if (!ui.idle.hidden) ui.idle.hidden = true; }, onWipe: wipe,
    });
  } else if (state.open) {
    openPanel(false);
  }
  if (state.id && phase.fire("resume")) { net.connect(state.liveSeq); pump(); }
}

build();
if (document.body) init();
else document.addEventListener("DOMContentLoaded", init);
