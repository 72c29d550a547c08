// Every call the widget makes names its council, so one server can serve several councils.
"use strict";

const assert = require("node:assert/strict");
const test = require("node:test");

const { councilPath } = require("../../web_widget/src/transport.js");

test("a path without a query gets the council as its query", () => {
  assert.equal(councilPath("/api/v1/conversations", "demo-vale"), "/api/v1/conversations?council=demo-vale");
});

test("a path with a query keeps it and adds the council", () => {
  assert.equal(
    councilPath("/api/v1/conversations/abc/ws?after=3", "demo"),
    "/api/v1/conversations/abc/ws?after=3&council=demo",
  );
});

test("a widget without data-council names none (the server's home council answers)", () => {
  assert.equal(councilPath("/api/v1/widget/config", ""), "/api/v1/widget/config");
});

test("a council name is sent encoded, never as more of the query", () => {
  assert.equal(councilPath("/x", "a&b=c"), "/x?council=a%26b%3Dc");
});
