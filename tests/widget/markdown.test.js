// How the widget reads the assistant's Markdown (web_widget/src/markdown.js), with Node's own
// test runner: `node --test tests/widget/`.
"use strict";

const assert = require("node:assert/strict");
const test = require("node:test");

const { blocks, inline, plain } = require("../../web_widget/src/markdown.js");
const { findNumbers } = require("../../web_widget/src/phones.js");

const read = (text) => blocks(text, findNumbers);

test("lines together are one paragraph; a blank line starts another", () => {
  const found = read("Hello Sam.\nHere is what I found.\n\nAnything else?");
  assert.deepEqual(found.map((b) => b.kind), ["p", "p"]);
  assert.equal(found[0].lines.length, 2);
});

test("dashes and numbers make lists, and a list ends where its kind changes", () => {
  const found = read("Courses:\n- English for work\n- Maths\n1. Call us\n2. Come in");
  assert.deepEqual(found.map((b) => b.kind), ["p", "ul", "ol"]);
  assert.deepEqual(found[1].items.map((item) => item[0].text), ["English for work", "Maths"]);
  assert.equal(found[2].items.length, 2);
});

test("bold, links and phone numbers are marked; everything else stays words", () => {
  const line = inline("**Free** course, see [details](https://example.org/c) or call 0113 496 0000.", findNumbers);
  assert.deepEqual(line[0], { strong: [{ text: "Free" }] });
  assert.deepEqual(line.find((t) => t.link), { link: "https://example.org/c", text: "details" });
  const phone = line.find((t) => t.phone);
  assert.equal(phone.text, "call 0113 496 0000");
  assert.equal(phone.phone.href, "tel:01134960000");
});

test("what looks like HTML is only words: nothing is read as markup", () => {
  const found = read("<img src=x onerror=alert(1)> <b>hi</b>");
  assert.deepEqual(found[0].lines[0], [{ text: "<img src=x onerror=alert(1)> <b>hi</b>" }]);
});

test("a bare link is a link, without the full stop after it", () => {
  const line = inline("Apply at https://example.org/jobs/42.", findNumbers);
  assert.equal(line.find((t) => t.link).link, "https://example.org/jobs/42");
});

test("screen readers hear the words without the Markdown", () => {
  assert.equal(plain("**Free** help: [our page](https://x.example)"), "Free help: our page");
});
