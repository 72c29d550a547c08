// Drawing the conversation. Every node is made with DOM calls and textContent, so nothing a
// resident or the server sends is ever parsed as HTML.
//
// ``options``: api (links are resolved against it), kiosk, headings (h2/h3 on a kiosk, whose
// title is the page's h1; h3/h4 elsewhere), previous(item index: the item before it, so a
// safety reminder under a reply is tucked under it), and the actions a drawing can start:
// choose(item index, button index, the button), book(result title) and print(plan link).
function createRender(options) {
  const { api, kiosk, headings: H } = options;

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
      const url = new URL(href, api + "/");
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
  function pieces(tokens) {
    return tokens.map((t) => {
      if (t.phone) return el("a", { href: t.phone.href, class: "call" }, t.phone.call ? hidden("Call ") : null, t.text);
      if (t.strong) return el("strong", null, pieces(t.strong));
      if (t.link) return link(t.link, t.text);
      return t.text;
    });
  }
  function words(text) {
    return pieces(markdown.inline(String(text), phones.findNumbers));
  }
  function rich(text) {
    return markdown.blocks(text, phones.findNumbers).map((block) => {
      if (block.kind === "p") {
        const para = el("p");
        block.lines.forEach((line, i) => { if (i) para.append(el("br")); para.append(...pieces(line)); });
        return para;
      }
      return el(block.kind, null, block.items.map((item) => el("li", null, pieces(item))));
    });
  }

  // Lines about a person joining or leaving the chat, shown apart from the assistant's words.
  const LIVE_NOTICES = ["adviser_joined", "adviser_left", "notice", "handoff_waiting"];
  function speaker(custom) {
    // The council's own name for the service ("Vale Works"), once the widget has its config.
    const service = (options.service && options.service()) || "Work Local";
    if (custom.type === "adviser") return `${custom.name || "Adviser"} (${service} team)`;
    return service;
  }
  // What a message says. A safety reminder carries its words in ``custom.text`` too (for other
  // clients): shown and announced once, from ``text`` if there is one.
  function said(m) {
    const custom = (m && m.custom) || {};
    return (m && m.text) || (custom.type === "safety_numbers" && typeof custom.text === "string" ? custom.text : "");
  }

  function item(entry, index) {
    if (entry.k === "me") {
      return el("li", { class: "me", "data-id": entry.id }, el("span", { class: "who" }, "You"),
        el("div", { class: "bubble", text: entry.t }));
    }
    if (entry.k === "note") {
      return el("li", { class: "note" }, el("span", { class: "who" }, "Work Local"),
        el("div", { class: "bubble" }, rich(entry.t)));
    }
    const m = entry.m || {};
    const custom = m.custom || {};
    const results = /_results$/.test(custom.type || "") && Array.isArray(custom.results);
    const hasButtons = Array.isArray(m.buttons) && m.buttons.length > 0;
    const shown = results || custom.type === "plan" || custom.type === "booking";
    const reminder = custom.type === "safety_numbers";
    let text = said(m);
    if (!text && !hasButtons && !shown) return null; // nothing to show
    // The crisis answer, and the reminder of its numbers under later replies (smaller), are
    // set apart. Under a reply the reminder's speaker is the same as the reply's: read, not
    // shown. A check-in opens a reply (above the dialogue's answer), so it shows its speaker.
    const previous = options.previous && options.previous(index);
    const tucked = reminder && Boolean(previous) && previous.k === "bot";
    const li = el("li", { class: "bot" + (custom.type === "crisis" || reminder ? " crisis" : "") +
      (tucked ? " reminder" : "") + (custom.type === "adviser" ? " adviser" : "") +
      (LIVE_NOTICES.includes(custom.type) ? " handover" : "") },
      el("span", { class: tucked ? "who vh" : "who" }, speaker(custom)));
    if (results) {
      // The text lists each result for screen readers and plain clients; the cards show them.
      const titles = custom.results.map((r) => "- " + r.title);
      text = text.split("\n").filter((line) => !titles.some((t) => line.startsWith(t))).join("\n");
    }
    if (custom.type === "plan") li.append(plan(custom));
    else if (text) li.append(el("div", { class: "bubble" }, rich(text)));
    if (custom.type === "booking") li.append(booking(custom));
    if (results) li.append(cards(custom));
    if (hasButtons) li.append(choices(entry, index));
    return li;
  }

  function choices(entry, index) {
    const group = el("div", { class: "choices", role: "group", "aria-label": "Options" });
    entry.m.buttons.forEach((b, i) => {
      const closed = entry.closed || entry.chosen !== undefined;
      const button = el("button", {
        type: "button", "aria-disabled": closed ? "true" : null,
        onclick: () => options.choose(index, i, button),
      }, b.title);
      if (entry.chosen === i) markChosen(button);
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
          type: "button", onclick: () => options.book(r.title),
        }, "Book", hidden(` an appointment about ${r.title}`))))));
    }
    return list;
  }

  function plan(p) {
    const section = (title, items, line) => (items && items.length
      ? [el(H[1], { text: title }), el("ul", null, items.map((x) => el("li", null, line(x))))] : []);
    const who = (x) => [x.title, x.who, x.where, x.detail].filter(Boolean).join(", ");
    return el("div", { class: "plan" },
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
        kiosk || !p.link ? null : link(p.link, "Open my plan"),
        p.link ? el("button", { type: "button", onclick: () => options.print(p.link) }, "Print my plan") : null));
  }

  function booking(b) {
    // The confirmation to keep: what, when, where, who, and the calendar file. A shared kiosk
    // offers no download; the text message or email carries the details home instead.
    const rows = [["When and where", b.label], ["Address", b.address], ["Adviser", b.adviser_first_name],
      ["Reference", b.reference]].filter(([, value]) => value)
      .map(([label, value]) => [el("dt", { text: label }), el("dd", { text: String(value) })]);
    const calendar = kiosk || !b.calendar_url ? null : safeUrl(b.calendar_url);
    return el("div", { class: "booking" },
      el(H[0], { text: b.changed ? "Appointment changed" : "Appointment booked" }),
      el("dl", null, rows),
      calendar ? el("div", { class: "actions" }, el("a", { href: calendar, download: "" },
        "Add to my calendar", hidden(" (downloads a calendar file)"))) : null);
  }

  function typingRow(who) {
    return el("li", { class: "typing", "aria-hidden": "true" }, `${who || "Work Local"} is typing`,
      el("span", { text: "." }), el("span", { text: "." }), el("span", { text: "." }));
  }

  return { el, hidden, safeUrl, link, words, item, said, speaker, markChosen, typingRow };
}
