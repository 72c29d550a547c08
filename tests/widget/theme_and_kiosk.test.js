// The council's colour on the widget stays readable (web_widget/src/theme.js), and a kiosk
// warns then clears when someone walks away (web_widget/src/kiosk.js).
"use strict";

const assert = require("node:assert/strict");
const test = require("node:test");

const theme = require("../../web_widget/src/theme.js");
const kiosk = require("../../web_widget/src/kiosk.js");

const ratio = (a, b) => theme.contrast(theme.luminance(a), theme.luminance(b));

// Every 17th step of each channel: 4,096 colours, the middling ones (#d53880) included.
const SWEEP = [];
for (let r = 0; r < 256; r += 17) for (let g = 0; g < 256; g += 17) for (let b = 0; b < 256; b += 17) {
  SWEEP.push("#" + [r, g, b].map((v) => v.toString(16).padStart(2, "0")).join(""));
}

test("text on the brand colour and links in the chat pass WCAG AA, whatever the colour", () => {
  for (const colour of SWEEP) {
    const p = theme.palette(colour);
    assert.ok(ratio(p.onBrand, p.brand) >= 4.5, `text on ${colour}`);
    assert.ok(ratio(p.link, "#f3f2f1") >= 4.5, `links for ${colour}`);
  }
});

test("a colour that is not #rrggbb is ignored, never put into the page's styles", () => {
  for (const bad of ["red", "#fff", "#12345g", "url(x)", "", null, undefined, "#1d4f91;x:y"]) {
    assert.equal(theme.palette(bad), null);
  }
});

test("nobody has typed: the kiosk never warns or clears", () => {
  assert.deepEqual(kiosk.step(10 * 60 * 1000, 120000, 180000, false), { action: "none" });
});

test("after the warning time it counts down, then clears at the wipe time", () => {
  assert.deepEqual(kiosk.step(119000, 120000, 180000, true), { action: "none" });
  assert.deepEqual(kiosk.step(120000, 120000, 180000, true), { action: "warn", secondsLeft: 60 });
  assert.deepEqual(kiosk.step(179100, 120000, 180000, true), { action: "warn", secondsLeft: 1 });
  assert.deepEqual(kiosk.step(180000, 120000, 180000, true), { action: "wipe" });
});
