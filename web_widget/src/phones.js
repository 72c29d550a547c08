// Phone numbers in the assistant's words (pure: Node's tests load this file alone).
//
// Where UK phone numbers and "text WORD to 85258" are in a line of text, and their links.
const phones = (() => {
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

  return { findNumbers };
})();
if (typeof module === "object" && module) module.exports = phones;
