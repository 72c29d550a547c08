/* The Work Local chat widget: one <script> tag adds a launcher and a chat panel to any page.
 *
 *   <script src="https://HOST/widget/worklocal.js" data-council="demo" async></script>
 *
 * data-api (default: where the script came from), data-council, data-mode ("web" or "kiosk"),
 * data-colour (brand colour, #rrggbb), data-phone (shown if the service can't be reached),
 * data-idle-warning / data-idle-wipe (kiosk, seconds: 120 and 180).
 *
 * Why it is built this way:
 * - Shadow DOM keeps the council's styles out and ours in; every node is made with DOM calls and
 *   textContent, so nothing a resident or the server sends is ever parsed as HTML.
 * - Each message has an id. It stays in the outbox until its answer arrives; after a dropped
 *   connection it is sent again with the same id and the gateway answers it once.
 * - On a website the conversation lives in sessionStorage (this tab only, gone when it closes) so
 *   it survives moving between pages; in kiosk mode nothing is stored in the browser at all.
 */
(() => {
  "use strict";
  // ---- phone numbers in the assistant's words (pure: Node's tests load this part alone) ----
  // Where UK phone numbers and "text WORD to 85258" are in a line of text, and their links.
  // Deliberately narrow: a number counts only if a phone can dial it (0 and 10 or 11 digits,
  // +44, the 116 helplines), 999/112/111/101/105 only right after "call", "ring", "phone" or
  // "dial"; never a piece of a price, time, date, postcode or reference.
  const SMS = /\b(text\s+(?:the\s+word\s+)?["'\u2018\u201c]?([a-z][a-z0-9]{0,19})["'\u2019\u201d]?\s+to\s+)(07\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}|\d{5,6})(?![\w\u00a3$%/:@]|[.,-]\d)/gi;
  // A run of digit groups, perhaps after +44 or +44 (0), the first perhaps in brackets.
  const RUN = /(\+44[ \u00a0]?(?:\(0\)[ \u00a0]?)?)?(\(0\d{2,5}\)|\d+)((?:[ \u00a0-]\d+)*)/g;
  const GLUED_BEFORE = /[\w\u00a3$\u20ac#@/:+-]$|\d[.,]$/; // £8, KH3-7, 1,999, E9, 12/, 09:
  const GLUED_AFTER = /^[\w\u00a3$\u20ac%/:+@]|^[.,-]\d/; // 7XP, 8.00, 30%, 03/
  const VERB = /\b(?:call|ring|phone|dial)\s$/i;
  function dialable(digits, international, verb) {
    if (international) return /^[1-35789]\d{8,9}$/.test(digits) ? "+44" + digits : null;
    if (/^0[1-35789]\d{8,9}$|^08001111$|^116\d{3}$/.test(digits)) return digits;
    return verb && /^(999|112|111|101|105)$/.test(digits) ? digits : null;
  }
  function findNumbers(text) {
    // -> [{start, end, href, call}] in order. The link covers "call 116 123" where the words
    // say "call"; else just the number, and ``call`` asks for an unseen "Call" before it.
    text = String(text);
    const found = [];
    for (const m of text.matchAll(SMS)) {
      found.push({ start: m.index, end: m.index + m[0].length, call: false,
        href: `sms:${m[3].replace(/\D/g, "")}?&body=${encodeURIComponent(m[2])}` });
    }
    const free = (a, b) => !found.some((f) => a < f.end && b > f.start);
    for (const m of text.matchAll(RUN)) {
      // The run's digit groups: a number is any stretch of whole groups in it, longest first
      // ("0808 2000 247 24 hours" holds one).
      const first = m.index + (m[1] || "").length;
      const groups = [{ at: first, to: first + m[2].length }];
      for (const g of (m[3] || "").matchAll(/[ \u00a0-](\d+)/g)) {
        const at = first + m[2].length + g.index + 1;
        groups.push({ at, to: at + g[1].length });
      }
      search: for (let s = 0; s < groups.length; s++) {
        for (let e = Math.min(groups.length - 1, s + 4); e >= s; e--) { // 5 groups at most
          const start = s ? groups[s].at : m.index, end = groups[e].to;
          const from = Math.max(0, start - 12), before = text.slice(from, start); // enough for "phone "
          if (GLUED_BEFORE.test(before) || GLUED_AFTER.test(text.slice(end, end + 2))) continue;
          const verb = VERB.exec(before);
          const number = dialable(text.slice(groups[s].at, end).replace(/\D/g, ""), !s && !!m[1], verb);
          if (!number || !free(start, end)) continue;
          found.push({ start: verb ? from + verb.index : start, end, href: "tel:" + number, call: !verb });
          s = e;
          continue search;
        }
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }
  if (typeof window === "undefined") {
    if (typeof module === "object" && module) module.exports = { findNumbers };
    return;
  }
  const script = document.currentScript;
  if (!script || window.__worklocal) return;
  window.__worklocal = true;

  const data = script.dataset;
  const API = (data.api || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  const KIOSK = data.mode === "kiosk";
  const KEY = "worklocal:" + (data.council || "default");
  const seconds = (value, fallback) => (Number(value) > 0 ? Number(value) : fallback) * 1000;
  const IDLE_WARN = seconds(data.idleWarning, 120);
  const IDLE_WIPE = seconds(data.idleWipe, 180);
  const REPLY_WAIT = 25000;
  // Headings under the widget's title: h2 on a kiosk (the title is the page's h1), else h3.
  const H = KIOSK ? ["h2", "h3"] : ["h3", "h4"];
  const CSS = "__WORKLOCAL_CSS__";

  const config = {
    name: "the council", service: "Work Local", phone: data.phone || "", hours: "",
    privacy: API + "/privacy", accessibility: API + "/accessibility", maxChars: 2000,
  };
  let state = fresh();
  let inflight = null, socket = null, socketReady = false, retries = 0;
  // Where the message in flight has gone: the open socket it was sent on, and whether an HTTP
  // send is still running. The gateway answers a repeat once, but there is no need to repeat.
  let sentOn = null, httpBusy = false;
  let starting = false, socketFailures = 0;
  let replyTimer = 0, retryTimer = 0, idleTimer = 0, lastActivity = Date.now();
  let stopped = false;

  function fresh() {
    // liveSeq: the last adviser message shown (live chats); live: talking to, or waiting for, a person
    return { id: null, items: [], outbox: [], open: KIOSK, liveSeq: 0, live: false };
  }

  // ---- storage: this tab only, and never on a kiosk --------------------------------------
  const store = KIOSK ? null : (() => {
    try {
      const s = window.sessionStorage;
      s.setItem(KEY + ":probe", "1");
      s.removeItem(KEY + ":probe");
      return s;
    } catch (_) {
      return null;
    }
  })();
  function save() {
    if (!store) return;
    try {
      if (state.id || state.items.length) store.setItem(KEY, JSON.stringify(state));
      else store.removeItem(KEY);
    } catch (_) { /* full or blocked: the conversation still works in this page */ }
  }
  function restore() {
    if (!store) return;
    try {
      const saved = JSON.parse(store.getItem(KEY) || "null");
      if (saved && Array.isArray(saved.items)) state = Object.assign(fresh(), saved);
    } catch (_) { /* unreadable: start afresh */ }
  }

  // ---- building DOM safely ---------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }
  const hidden = (text) => el("span", { class: "vh", text });

  function safeUrl(href) {
    try {
      const url = new URL(href, API + "/");
      return ["http:", "https:", "mailto:", "tel:", "sms:"].includes(url.protocol) ? url.href : null;
    } catch (_) {
      return null;
    }
  }
  function link(href, text, more) {
    // ``more``: words only screen readers need, e.g. which course "More details" is about.
    const url = safeUrl(href);
    if (!url) return document.createTextNode(text);
    const external = /^https?:/.test(url);
    return el("a", external ? { href: url, target: "_blank", rel: "noopener noreferrer" }
      : { href: url }, text, more ? hidden(more) : null,
    external ? hidden(" (opens in a new tab)") : null);
  }

  // Phone numbers become tap-to-call links (and "text SHOUT to 85258" a tap-to-text one). The
  // number stays the link's text, so it can be read and dialled by hand too (a kiosk has no
  // phone); where the words round it don't say "call", screen readers hear "Call" before it.
  function phones(text) {
    const out = [];
    let last = 0;
    for (const f of findNumbers(text)) {
      out.push(text.slice(last, f.start),
        el("a", { href: f.href, class: "call" }, f.call ? hidden("Call ") : null, text.slice(f.start, f.end)));
      last = f.end;
    }
    out.push(text.slice(last));
    return out;
  }

  // The Markdown the assistant uses: paragraphs, "- " and "1. " lists, **bold**, [text](url),
  // bare links and phone numbers. Anything else stays plain text.
  const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>]*[^\s<>.,;:!?'")\]])/g;
  function inline(text) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      out.push(phones(text.slice(last, m.index)));
      if (m[1]) out.push(el("strong", null, phones(m[1])));
      else if (m[2]) out.push(link(m[3], m[2]));
      else out.push(link(m[4], m[4]));
      last = m.index + m[0].length;
    }
    out.push(phones(text.slice(last)));
    return out;
  }
  function markdown(text) {
    const blocks = [];
    let list = null, para = null;
    for (const raw of String(text).split("\n")) {
      const line = raw.trimEnd();
      const bullet = /^\s*[-*\u2022]\s+(.*)$/.exec(line);
      const number = /^\s*\d+[.)]\s+(.*)$/.exec(line);
      if (bullet || number) {
        const tag = bullet ? "ul" : "ol";
        if (!list || list.tagName.toLowerCase() !== tag) blocks.push((list = el(tag)));
        list.append(el("li", null, inline((bullet || number)[1])));
        para = null;
      } else if (!line.trim()) {
        list = para = null;
      } else {
        if (para) para.append(el("br"), ...inline(line));
        else blocks.push((para = el("p", null, inline(line))));
        list = null;
      }
    }
    return blocks;
  }
  const plain = (text) => String(text || "").replace(/\*\*/g, "").replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");

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
    }, el("header", null, ui.title, ui.restart, ui.close), ui.confirm, ui.notice, ui.banner, ui.log,
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
    const style = el("style", { text: CSS });
    shadow.append(style, ui.root);
    if (KIOSK) ui.launcher.hidden = true;
    describe();
    theme(data.colour);
  }

  function describe() {
    ui.title.textContent = `${config.service} \u2013 ${config.name}`;
    ui.notice.replaceChildren(
      `This chat is run by ${config.name}. It is a computer program, not a person. `
      + "Please don't share more personal details than you need. ",
      link(config.privacy, "How we use your information"),
      KIOSK ? " Nothing is saved on this computer, and \u201cI've finished\u201d clears everything." : "",
    );
    ui.links.replaceChildren(link(config.accessibility, "Accessibility statement"));
    ui.input.maxLength = config.maxChars + 200; // a little over, so the count can explain
  }

  // Brand colours are the council's choice; text on them and links in them must still pass
  // WCAG AA, so the widget picks dark or white text and darkens the colour for links.
  function luminance(hex) {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  function theme(colour) {
    if (!/^#[0-9a-f]{6}$/i.test(colour || "")) return;
    const lum = luminance(colour);
    const onBrand = contrast(lum, 1) >= contrast(lum, luminance("#0b0c0c")) ? "#ffffff" : "#0b0c0c";
    let linkColour = colour;
    // Links sit on white and on the soft grey of the assistant's bubbles: AA on the darker.
    for (let f = 1; contrast(luminance(linkColour), luminance("#f3f2f1")) < 4.5 && f > 0; f -= 0.05) {
      linkColour = "#" + [1, 3, 5].map((i) => Math.round(parseInt(colour.slice(i, i + 2), 16) * f)
        .toString(16).padStart(2, "0")).join("");
    }
    host.style.setProperty("--brand", colour);
    host.style.setProperty("--on-brand", onBrand);
    host.style.setProperty("--link", linkColour);
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
    ui.live.append(el("p", { text }));
    while (ui.live.childNodes.length > 3) ui.live.firstChild.remove();
  }

  function renderItem(item, index) {
    if (item.k === "me") {
      return el("li", { class: "me", "data-id": item.id }, el("span", { class: "who" }, "You"),
        el("div", { class: "bubble", text: item.t }));
    }
    if (item.k === "note") {
      return el("li", { class: "note" }, el("span", { class: "who" }, "Work Local"),
        el("div", { class: "bubble" }, markdown(item.t)));
    }
    const m = item.m || {};
    const custom = m.custom || {};
    const results = /_results$/.test(custom.type || "") && Array.isArray(custom.results);
    const hasButtons = Array.isArray(m.buttons) && m.buttons.length > 0;
    const shown = results || custom.type === "plan" || custom.type === "booking";
    const reminder = custom.type === "safety_numbers";
    let text = said(m);
    if (!text && !hasButtons && !shown) return null; // nothing to show
    // The crisis answer, and the reminder of its numbers under later replies (smaller), are
    // set apart. The reminder's speaker is the same as the reply above it: read, not shown.
    const li = el("li", { class: "bot" + (custom.type === "crisis" || reminder ? " crisis" : "") +
      (reminder ? " reminder" : "") + (custom.type === "adviser" ? " adviser" : "") +
      (LIVE_NOTICES.includes(custom.type) ? " handover" : "") },
      el("span", { class: reminder ? "who vh" : "who" }, speaker(custom)));
    if (results) {
      // The text lists each result for screen readers and plain clients; the cards show them.
      const titles = custom.results.map((r) => "- " + r.title);
      text = text.split("\n").filter((line) => !titles.some((t) => line.startsWith(t))).join("\n");
    }
    if (custom.type === "plan") li.append(plan(custom));
    else if (text) li.append(el("div", { class: "bubble" }, markdown(text)));
    if (custom.type === "booking") li.append(booking(custom));
    if (results) li.append(cards(custom));
    if (hasButtons) li.append(choices(item, index));
    return li;
  }

  // What a message says. A safety reminder carries its words in ``custom.text`` too (for other
  // clients): shown and announced once, from ``text`` if there is one.
  function said(m) {
    const custom = (m && m.custom) || {};
    return (m && m.text) || (custom.type === "safety_numbers" && typeof custom.text === "string" ? custom.text : "");
  }

  // Lines about a person joining or leaving the chat, shown apart from the assistant's words.
  const LIVE_NOTICES = ["adviser_joined", "adviser_left", "notice", "handoff_waiting"];
  function speaker(custom) {
    if (custom.type === "adviser") return `${custom.name || "Adviser"} (Work Local team)`;
    return "Work Local";
  }

  function choices(item, index) {
    const group = el("div", { class: "choices", role: "group", "aria-label": "Options" });
    item.m.buttons.forEach((b, i) => {
      const closed = item.closed || item.chosen !== undefined;
      const button = el("button", {
        type: "button", "aria-disabled": closed ? "true" : null,
        onclick: () => {
          const current = state.items[index];
          if (!current || current.closed || current.chosen !== undefined) return;
          current.chosen = i;
          send({ payload: b.payload }, b.title, button);
        },
      }, b.title);
      if (item.chosen === i) markChosen(button);
      group.append(button);
    });
    return group;
  }
  function markChosen(button) {
    button.classList.add("chosen");
    button.append(hidden(" (your choice)"));
  }

  const CARD_FIELDS = [
    ["provider", "Run by"], ["employer", "Employer"], ["organisation", "Run by"],
    ["where", "Where"], ["venue", "Venue"], ["cost", "Cost"], ["free_for", "Free for"],
    ["wage", "Pay"], ["hours", "Hours a week"], ["level", "Level"], ["start", "Starts"],
    ["closing", "Apply by"], ["when", "When"],
  ];
  function cards(custom) {
    const list = el("ul", { class: "cards", "aria-label": "Results" });
    for (const r of custom.results) {
      const rows = CARD_FIELDS.filter(([key]) => r[key] !== null && r[key] !== undefined && r[key] !== "")
        .map(([key, label]) => [el("dt", { text: label }), el("dd", { text: String(r[key]) })]);
      const more = r.url ? link(r.url, "More details", ` about ${r.title}`) : null;
      list.append(el("li", null, el("article", { class: "card" },
        el(H[0], { text: r.title }),
        r.description ? el("p", { text: r.description }) : null,
        rows.length ? el("dl", null, rows) : null,
        el("div", { class: "actions" }, more, el("button", {
          type: "button",
          onclick: () => send({ text: `I'd like to book an appointment about ${r.title}` },
            `Book: ${r.title}`),
        }, "Book", hidden(` an appointment about ${r.title}`))))));
    }
    return list;
  }

  function plan(p) {
    const section = (title, items, line) => (items && items.length
      ? [el(H[1], { text: title }), el("ul", null, items.map((x) => el("li", null, line(x))))] : []);
    const who = (x) => [x.title, x.who, x.where, x.detail].filter(Boolean).join(", ");
    const box = el("div", { class: "plan" },
      el(H[0], { text: "Your plan" }),
      el("p", null, "Reference: ", el("strong", { text: p.reference || "" }),
        ". Give this to an adviser so you don't have to explain again."),
      p.too_young ? el("p", { text: p.too_young }) : null,
      section("Help that fits you", p.offers, (o) => `${o.name}: ${o.summary}`),
      section("Free for you", p.entitlements, (e) => (e.reasons || [e.name])[0]),
      section("Courses", p.courses, who), section("Jobs", p.jobs, who),
      section("Support", p.services, who),
      p.next_steps && p.next_steps.length
        ? [el(H[1], { text: "Next steps" }), el("ol", null, p.next_steps.map((s) => el("li", { text: s })))]
        : [],
      el("div", { class: "actions" },
        KIOSK || !p.link ? null : link(p.link, "Open my plan"),
        p.link ? el("button", { type: "button", onclick: () => printPlan(p.link) }, "Print my plan") : null));
    return box;
  }

  function booking(b) {
    // The confirmation to keep: what, when, where, who, and the calendar file. A shared kiosk
    // offers no download; the text message or email carries the details home instead.
    const rows = [["When and where", b.label], ["Address", b.address], ["Adviser", b.adviser_first_name],
      ["Reference", b.reference]].filter(([, value]) => value)
      .map(([label, value]) => [el("dt", { text: label }), el("dd", { text: String(value) })]);
    const calendar = KIOSK || !b.calendar_url ? null : safeUrl(b.calendar_url);
    return el("div", { class: "booking" },
      el(H[0], { text: b.changed ? "Appointment changed" : "Appointment booked" }),
      el("dl", null, rows),
      calendar ? el("div", { class: "actions" }, el("a", { href: calendar, download: "" },
        "Add to my calendar", hidden(" (downloads a calendar file)"))) : null);
  }

  function printPlan(href) {
    // The plan page prints itself when asked, so the resident gets the plan on paper without a
    // download or a new tab (on a kiosk, nothing is left behind).
    const url = safeUrl(href);
    if (!url) return;
    const frame = el("iframe", { src: url + (url.includes("?") ? "&" : "?") + "print=1",
      title: "Your plan, for printing", class: "vh", tabindex: "-1" });
    shadow.append(frame);
    setTimeout(() => frame.remove(), 120000);
  }

  function addItem(item, follow) {
    state.items.push(item);
    append(renderItem(item, state.items.length - 1), follow);
    const words = item.k === "bot" ? said(item.m) : item.k === "note" ? item.t : "";
    const who = item.k === "bot" ? speaker((item.m && item.m.custom) || {}) : "Work Local";
    if (words) announce(`${who} said: ${plain(words)}`);
    save();
  }
  function renderAll() {
    ui.log.replaceChildren(...state.items.map(renderItem).filter(Boolean));
    ui.log.scrollTop = ui.log.scrollHeight;
  }
  function closeChoices(chosen) {
    // Changed in place, not redrawn, so the button just pressed keeps the keyboard focus.
    state.items.forEach((item) => { if (item.k === "bot") item.closed = true; });
    ui.log.querySelectorAll(".choices button").forEach((b) => b.setAttribute("aria-disabled", "true"));
    if (chosen) markChosen(chosen);
  }

  let typingRow = null;
  let adviserTyping = 0;
  function typing(on, who) {
    if (typingRow) typingRow.remove();
    typingRow = null;
    if (!on) return;
    typingRow = el("li", { class: "typing", "aria-hidden": "true" }, `${who || "Work Local"} is typing`,
      el("span", { text: "." }), el("span", { text: "." }), el("span", { text: "." }));
    append(typingRow, true);
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
    activity();
    cancel(false); // carrying on chatting is a "no"
    closeChoices(chosen);
    const message = Object.assign({ id: newId() }, body);
    addItem({ k: "me", t: label, id: message.id }, true);
    state.outbox.push(message);
    save();
    if (!state.id) start(); else pump();
  }
  function pump() {
    if (inflight || !state.outbox.length || !state.id || stopped) return;
    inflight = state.outbox[0];
    typing(true);
    transmit();
  }
  function transmit() {
    if (!inflight) return;
    if (socketReady) {
      if (sentOn === socket) return; // on its way already; the answer comes on this socket
      clearTimeout(replyTimer);
      sentOn = socket;
      socket.send(JSON.stringify(inflight));
      replyTimer = setTimeout(() => { sentOn = null; viaHttp(); }, REPLY_WAIT);
    } else {
      viaHttp();
    }
  }
  async function viaHttp() {
    const message = inflight;
    if (!message || !state.id || httpBusy) return;
    const conversation = state.id;
    httpBusy = true;
    try {
      const response = await request("POST", `/api/v1/conversations/${conversation}/messages`, message);
      if (state.id !== conversation) return;
      const body = await response.json().catch(() => ({}));
      if (response.ok || response.status === 422) onData({ reply_to: message.id, ...body });
      else if (response.status === 404) gone();
      else unreachable(body.error);
    } catch (_) {
      if (state.id === conversation) unreachable();
    } finally {
      httpBusy = false;
    }
  }
  function request(method, path, body, timeout = 30000) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    return fetch(API + path, {
      method, signal: controller.signal, credentials: "omit", keepalive: method === "DELETE",
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).finally(() => clearTimeout(timer));
  }

  function onData(d) {
    if (d.reply_to) {
      if (!inflight || d.reply_to !== inflight.id) return; // an answer already shown
      if (d.error && (d.error.code === "assistant_unavailable" || d.error.code === "rate_limited")) {
        clearTimeout(replyTimer);
        sentOn = null; // not answered: send it again when retrying
        return unreachable(d.error);
      }
      clearTimeout(replyTimer);
      clearTimeout(retryTimer);
      const message = state.outbox.shift();
      inflight = sentOn = null;
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
      if (!inflight) typing(false);
      answer(d.messages); // said without being asked (an adviser)
    } else if (d.typing && !inflight) {
      // An adviser is writing: shown for a few seconds after each sign of it.
      typing(true, d.typing.name);
      clearTimeout(adviserTyping);
      adviserTyping = setTimeout(() => { if (!inflight) typing(false); }, 6000);
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
    if (state.live && !socketReady) pollLive();
    const first = ui.log.children[shown];
    if (!first) return;
    const top = first.getBoundingClientRect().top - ui.log.getBoundingClientRect().top;
    if (ui.log.scrollHeight - ui.log.scrollTop - top > ui.log.clientHeight) {
      ui.log.scrollTop += top - 8;
    }
  }

  function refused(error, message) {
    // The message can't be used as it is: explain, and give the words back to edit.
    const index = state.items.findIndex((item) => item.k === "me" && item.id === message.id);
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
    if (!socketReady) connect();
    if (inflight) { typing(true); transmit(); } else pump();
  }
  function banner(text, action, handler) {
    ui.banner.hidden = !text;
    const button = action && el("button", { type: "button", onclick: handler }, action);
    ui.banner.replaceChildren(...(text ? [el("p", { style: "margin:0" }, phones(text))] : []),
      ...(text && button ? [button] : []));
  }

  // ---- the connection --------------------------------------------------------------------
  async function start() {
    if (state.id || stopped || starting) return;
    starting = true;
    try {
      const response = await request("POST", "/api/v1/conversations", {
        channel: KIOSK ? "kiosk" : "web", greet: true,
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) return unreachable(body.error);
      state.id = body.id;
      banner(null);
      retries = 0;
      answer(body.messages || []);
      save();
      connect();
      pump();
    } catch (_) {
      unreachable();
    } finally {
      starting = false;
    }
  }

  function connect() {
    if (!state.id || socket || stopped || typeof WebSocket !== "function") return;
    const conversation = state.id;
    const ws = new WebSocket(API.replace(/^http/, "ws") +
      `/api/v1/conversations/${conversation}/ws?after=${state.liveSeq || 0}`);
    socket = ws;
    ws.onopen = () => {
      socketReady = true;
      socketFailures = 0;
      if (inflight) transmit(); // the answer may have been lost with the old connection
    };
    ws.onmessage = (event) => {
      try { onData(JSON.parse(event.data)); } catch (_) { /* not ours */ }
    };
    ws.onclose = (event) => {
      if (socket === ws) { socket = null; socketReady = false; }
      if (stopped || state.id !== conversation) return;
      if (event.code === 4404) return gone();
      socketFailures += 1;
      if (inflight) viaHttp(); // don't wait for the socket: HTTP carries the message meanwhile
      setTimeout(connect, Math.min(15000, 500 * 2 ** socketFailures));
    };
  }

  // Without the socket, what an adviser says is fetched every few seconds during a live chat.
  let pollTimer = 0;
  function pollLive() {
    if (pollTimer || stopped) return;
    pollTimer = setTimeout(async () => {
      pollTimer = 0;
      if (!state.id || !state.live || socketReady) return;
      try {
        const response = await request("GET", `/api/v1/conversations/${state.id}/live?after=${state.liveSeq || 0}`, null, 10000);
        if (response.ok) answer(((await response.json()) || {}).messages || []);
        else if (response.status === 404) return gone();
      } catch (_) { /* offline: try again */ }
      pollLive();
    }, 4000);
  }

  function gone() {
    // The server no longer knows this conversation (it ended or timed out).
    disconnect();
    const had = state.items.length;
    state = fresh();
    state.open = !ui.panel.hidden;
    inflight = null;
    typing(false);
    banner(null);
    save();
    renderAll();
    if (had) addItem({ k: "note", t: "This conversation has ended, so I've started a new one." });
    start();
  }

  function disconnect() {
    clearTimeout(replyTimer);
    clearTimeout(retryTimer);
    if (socket) { const ws = socket; socket = null; socketReady = false; ws.close(1000); }
  }

  async function forget(id) {
    if (!id) return;
    try { await request("DELETE", `/api/v1/conversations/${id}`, null, 5000); } catch (_) { /* best effort */ }
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
    disconnect();
    inflight = null;
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
    stopped = true;
    clearInterval(idleTimer);
    const id = state.id;
    disconnect();
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

  // ---- kiosk: clear up after someone walks away --------------------------------------------
  function activity() { lastActivity = Date.now(); }
  function stillHere() {
    activity();
    ui.idle.hidden = true;
    ui.input.focus();
  }
  function watchIdle() {
    ["pointerdown", "keydown", "touchstart", "input", "wheel"].forEach((type) =>
      document.addEventListener(type, activity, { capture: true, passive: true }));
    idleTimer = setInterval(() => {
      const someoneHere = state.items.some((item) => item.k === "me");
      if (!someoneHere) return activity();
      const idle = Date.now() - lastActivity;
      if (idle >= IDLE_WIPE) return wipe();
      if (idle < IDLE_WARN) { if (!ui.idle.hidden) ui.idle.hidden = true; return; }
      const left = Math.ceil((IDLE_WIPE - idle) / 1000);
      const words = `Are you still there? To keep your information private, this screen will `
        + `clear in ${left} seconds.`;
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
    }, 1000);
    // Restored from the back-forward cache: someone has come back to an old page. Start clean.
    window.addEventListener("pageshow", (event) => { if (event.persisted) wipe(); });
  }

  // ---- start -----------------------------------------------------------------------------
  async function loadConfig() {
    try {
      const response = await request("GET", "/api/v1/widget/config", null, 10000);
      if (!response.ok) return;
      const c = await response.json();
      Object.assign(config, {
        name: c.council_name, service: c.service_name, phone: c.phone || config.phone,
        hours: c.opening_hours, maxChars: c.max_message_chars,
        privacy: safeUrl(c.privacy_url) || config.privacy,
        accessibility: safeUrl(c.accessibility_url) || config.accessibility,
      });
      describe();
      if (!data.colour) theme(c.colour);
    } catch (_) { /* unreachable: the defaults and data-phone still work */ }
  }

  function init() {
    if (!KIOSK) ui.idle.remove();
    document.body.append(host);
    restore();
    renderAll();
    loadConfig();
    if (KIOSK) {
      openPanel(true);
      watchIdle();
    } else if (state.open) {
      openPanel(false);
    }
    if (state.id) { connect(); pump(); }
  }

  build();
  if (document.body) init();
  else document.addEventListener("DOMContentLoaded", init);
})();
