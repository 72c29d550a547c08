// The widget's conversation phases (web_widget/src/machine.js): the moves a resident's chat
// can make, and the ones that must never happen.
"use strict";

const assert = require("node:assert/strict");
const test = require("node:test");

const machine = require("../../web_widget/src/machine.js");

function run(...events) {
  const seen = [];
  const m = machine.create((from, to, event) => seen.push(`${from}>${to}:${event}`));
  const refused = events.filter((event) => !m.fire(event));
  return { phase: m.phase, seen, refused };
}

test("a first message starts a conversation, is sent and answered", () => {
  assert.deepEqual(run("start", "started", "send", "answered").phase, "ready");
});

test("a dropped connection keeps the message, and a retry sends it again", () => {
  const found = run("start", "started", "send", "failed", "send", "answered");
  assert.equal(found.phase, "ready");
  assert.deepEqual(found.refused, []);
});

test("an answer that arrives after the connection was given up for lost still counts", () => {
  assert.equal(run("start", "started", "send", "failed", "answered").phase, "ready");
});

test("one message at a time: a second send while one is out is refused", () => {
  const found = run("start", "started", "send", "send");
  assert.deepEqual(found.refused, ["send"]);
  assert.equal(found.phase, "sending");
});

test("a double press on the launcher starts one conversation, not two", () => {
  assert.deepEqual(run("start", "start").refused, ["start"]);
});

test("the server forgetting the chat, or Start again, goes back to no conversation", () => {
  for (const event of ["gone", "restart"]) {
    for (const before of [["start"], ["start", "started"], ["start", "started", "send"], ["start", "failed"]]) {
      assert.equal(run(...before, event).phase, "idle", `${before} then ${event}`);
    }
  }
});

test("a finished kiosk does nothing more: no late answer, retry or restart brings it back", () => {
  const found = run("start", "started", "send", "wipe", "answered", "start", "recovered", "gone", "restart", "failed");
  assert.equal(found.phase, "stopped");
  assert.deepEqual(found.refused, ["answered", "start", "recovered", "gone", "restart", "failed"]);
});

test("a conversation kept from the last page carries on without starting another", () => {
  assert.equal(run("resume", "send", "answered").phase, "ready");
  assert.deepEqual(run("start", "resume").refused, ["resume"]);
});

test("every phase the table names can be reached from a new widget", () => {
  const reached = new Set(["idle"]);
  const events = ["start", "started", "failed", "send", "answered", "recovered", "resume", "gone", "restart", "wipe"];
  for (let round = 0; round < 4; round++) {
    for (const phase of [...reached]) {
      for (const event of events) {
        const to = machine.next(phase, event);
        if (to) reached.add(to);
      }
    }
  }
  assert.deepEqual([...reached].sort(), [...machine.PHASES].sort());
});
