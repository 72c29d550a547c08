// The widget's phone-number finder, run on its own with Node's test runner:
//
//   node --test tests/widget/
//
// The widget's pure modules (web_widget/src/) hand themselves to `module.exports` where there
// is one (Node); in the browser the server joins them into one script where there is none.
"use strict";

const assert = require("node:assert/strict");
const test = require("node:test");

const { findNumbers } = require("../../web_widget/src/phones.js");

// What becomes a link: [the words, [[the link's text, its href, "Call" added for screen readers]]].
const LINKED = [
  ["If you are in danger now, call 999.", [["call 999", "tel:999", false]]],
  ["Call 999 now.", [["Call 999", "tel:999", false]]],
  ["Samaritans: call 116 123, free, any time, day or night.", [["call 116 123", "tel:116123", false]]],
  ["Shout: text SHOUT to 85258, free, any time.", [["text SHOUT to 85258", "sms:85258?&body=SHOUT", false]]],
  [
    "If you have nowhere safe to sleep tonight, call Demo Borough Council's emergency housing line on 0113 496 0999.",
    [["0113 496 0999", "tel:01134960999", true]],
  ],
  [
    "Domestic abuse: call the free National Domestic Abuse Helpline on 0808 2000 247.",
    [["0808 2000 247", "tel:08082000247", true]],
  ],
  ["The National Careers Service can help too: call 0800 100 900.", [["call 0800 100 900", "tel:0800100900", false]]],
  ["You can call 0113 496 0000 when the team is open.", [["call 0113 496 0000", "tel:01134960000", false]]],
  ["Phone us on 020 7946 0000 (Monday 9am to 5pm).", [["020 7946 0000", "tel:02079460000", true]]],
  ["Ring 01632 960000 today", [["Ring 01632 960000", "tel:01632960000", false]]],
  ["Our number: 01134960000", [["01134960000", "tel:01134960000", true]]],
  ["From abroad: +44 113 496 0000", [["+44 113 496 0000", "tel:+441134960000", true]]],
  ["Or +44 (0)113 496 0000.", [["+44 (0)113 496 0000", "tel:+441134960000", true]]],
  ["Call (0113) 496 0000 today", [["Call (0113) 496 0000", "tel:01134960000", false]]],
  ["Childline: call 0800 1111", [["call 0800 1111", "tel:08001111", false]]],
  ["NHS: call 111 if it's not an emergency", [["call 111", "tel:111", false]]],
  ["Text HELP to 07700 900123 for a reply", [["Text HELP to 07700 900123", "sms:07700900123?&body=HELP", false]]],
  ["Helpline 0808 2000 247 24 hours a day", [["0808 2000 247", "tel:08082000247", true]]],
  [
    "call 999 or Samaritans on 116 123",
    [["call 999", "tel:999", false], ["116 123", "tel:116123", true]],
  ],
  ["Call\u00a00113\u00a0496\u00a00000.", [["Call\u00a00113\u00a0496\u00a00000", "tel:01134960000", false]]],
  ["Dial 101 to report it to the police.", [["Dial 101", "tel:101", false]]],
  ["Mind's line (0300 123 3393) is open today.", [["0300 123 3393", "tel:03001233393", true]]],
];

// What stays plain text.
const PLAIN = [
  "Your appointment is on Monday 3 March at 09:30.",
  "Opening hours: Monday 9am to 5pm, Friday 9:30am to 4:30pm.",
  "It starts on 03/03/2025 and ends 2025-07-18.",
  "The course costs \u00a38.00 a week, or \u00a3999 in full.",
  "Free if you earn under \u00a325,750 a year.",
  "Venue: Central Library, DB1 1AA.",
  "Your reference is KH3-7XP.",
  "Your appointment WL7Q2B9X is booked.",
  "I found 12 courses near you.",
  "I found 116 courses.",
  "For 16 to 24 year olds; support to 25.",
  "Aged 19+ without a GCSE grade 4.",
  "We'll send a text to \u2022\u2022\u2022\u2022\u2022\u2022\u20220123.",
  "Local authority code E99999999.",
  "It is 999 metres away.",
  "Pay: \u00a311.44 an hour, 37.5 hours a week.",
  "Level 2 and Level 3 courses",
  "Course code 1234567",
  "Call back between 10 and 12.",
  "Numbers 0113-496-0000-12 run on",
  "https://example.org/0113496000",
  "Room 0113, floor 2",
  "Text me later",
  "Context SHOUT to 85258x",
  "Please call 0113 496 today",
  "Call 123 for nothing",
  "Room 999 is on the left",
];

for (const [text, links] of LINKED) {
  test(`links: ${text}`, () => {
    // Array.from: the finder's arrays come from another realm (vm), unlike the table's.
    const found = Array.from(findNumbers(text), (f) => [text.slice(f.start, f.end), f.href, f.call]);
    assert.deepEqual(found, links);
  });
}

for (const text of PLAIN) {
  test(`plain: ${text}`, () => {
    assert.deepEqual(Array.from(findNumbers(text), (f) => text.slice(f.start, f.end)), []);
  });
}

test("a long run of small numbers is quick and links nothing", () => {
  const text = Array.from({ length: 5000 }, (_, i) => i % 100).join(" ");
  const began = Date.now();
  assert.deepEqual(Array.from(findNumbers(text)), []);
  assert.ok(Date.now() - began < 2000);
});

test("the table is large enough to mean something", () => {
  assert.ok(LINKED.length >= 20 && PLAIN.length >= 20);
});

test("the crisis answer gets all five of its numbers", () => {
  const crisis =
    "I'm sorry you're going through this.\n" +
    "- If you are in danger now, call 999.\n" +
    "- Samaritans: call 116 123, free, any time, day or night.\n" +
    "- Shout: text SHOUT to 85258, free, any time.\n" +
    "- If you have nowhere safe to sleep tonight, call Demo Borough Council's emergency " +
    "housing line on 0113 496 0999.\n" +
    "- Domestic abuse: call the free National Domestic Abuse Helpline on 0808 2000 247.\n";
  assert.deepEqual(
    Array.from(findNumbers(crisis), (f) => f.href),
    ["tel:999", "tel:116123", "sms:85258?&body=SHOUT", "tel:01134960999", "tel:08082000247"],
  );
});
