// The Markdown the assistant uses, read into plain data (pure: Node's tests load this file
// alone; render.js turns it into DOM nodes): paragraphs, "- " and "1. " lists, **bold**,
// [text](url), bare links and phone numbers. Anything else stays plain text.
const markdown = (() => {
  const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>]*[^\s<>.,;:!?'")\]])/g;

  // -> [{text}, {phone: {href, call}, text}] for plain words with their phone numbers.
  function withPhones(text, findNumbers) {
    const out = [];
    let last = 0;
    for (const f of findNumbers(text)) {
      if (f.start > last) out.push({ text: text.slice(last, f.start) });
      out.push({ text: text.slice(f.start, f.end), phone: { href: f.href, call: f.call } });
      last = f.end;
    }
    if (last < text.length) out.push({ text: text.slice(last) });
    return out;
  }

  // One line: [{text}, {phone}, {strong: [...]}, {link: href, text}].
  function inline(text, findNumbers) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      out.push(...withPhones(text.slice(last, m.index), findNumbers));
      if (m[1]) out.push({ strong: withPhones(m[1], findNumbers) });
      else if (m[2]) out.push({ link: m[3], text: m[2] });
      else out.push({ link: m[4], text: m[4] });
      last = m.index + m[0].length;
    }
    out.push(...withPhones(text.slice(last), findNumbers));
    return out;
  }

  // The blocks of a message: [{p: [line, line...]}, {ul: [item...]}, {ol: [item...]}], where
  // each line and item is what ``inline`` gives.
  function blocks(text, findNumbers) {
    const out = [];
    let list = null, para = null;
    for (const raw of String(text).split("\n")) {
      const line = raw.trimEnd();
      const bullet = /^\s*[-*\u2022]\s+(.*)$/.exec(line);
      const number = /^\s*\d+[.)]\s+(.*)$/.exec(line);
      if (bullet || number) {
        const kind = bullet ? "ul" : "ol";
        if (!list || list.kind !== kind) out.push((list = { kind, items: [] }));
        list.items.push(inline((bullet || number)[1], findNumbers));
        para = null;
      } else if (!line.trim()) {
        list = para = null;
      } else {
        if (para) para.lines.push(inline(line, findNumbers));
        else out.push((para = { kind: "p", lines: [inline(line, findNumbers)] }));
        list = null;
      }
    }
    return out;
  }

  // What a screen reader is told the assistant said: the words, without the Markdown.
  const plain = (text) => String(text || "").replace(/\*\*/g, "").replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");

  return { blocks, inline, plain };
})();
if (typeof module === "object" && module) module.exports = markdown;
