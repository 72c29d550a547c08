// How messages travel: the chat socket when it is open, HTTP otherwise, and HTTP again when
// the socket's answer is late. Each message has an id; the gateway answers a repeat once, so
// a message is sent again after a dropped connection without being said twice.
//
// ``hooks``: current() is the conversation's id (null once it has ended or the kiosk is wiped),
// pending() the message waiting for its answer, and onData, onGone and onUnreachable hear what
// happened.
// Every call names the widget's council (``data-council``): one server serves several
// councils, and the conversation, the search and the numbers given are that council's.
function councilPath(path, council) {
  if (!council) return path;
  return path + (path.includes("?") ? "&" : "?") + "council=" + encodeURIComponent(council);
}

function createTransport(api, hooks, council) {
  const REPLY_WAIT = 25000;
  let socket = null, socketReady = false, socketFailures = 0;
  // Where the message in flight has gone: the open socket it was sent on, and whether an HTTP
  // send is still running. The gateway answers a repeat once, but there is no need to repeat.
  let sentOn = null, httpBusy = false, replyTimer = 0;

  function request(method, path, body, timeout = 30000) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    return fetch(api + councilPath(path, council), {
      method, signal: controller.signal, credentials: "omit", keepalive: method === "DELETE",
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).finally(() => clearTimeout(timer));
  }

  function transmit() {
    const message = hooks.pending();
    if (!message) return;
    if (socketReady) {
      if (sentOn === socket) return; // on its way already; the answer comes on this socket
      clearTimeout(replyTimer);
      sentOn = socket;
      socket.send(JSON.stringify(message));
      replyTimer = setTimeout(() => { sentOn = null; viaHttp(); }, REPLY_WAIT);
    } else {
      viaHttp();
    }
  }

  async function viaHttp() {
    const message = hooks.pending();
    const conversation = hooks.current();
    if (!message || !conversation || httpBusy) return;
    httpBusy = true;
    try {
      const response = await request("POST", `/api/v1/conversations/${conversation}/messages`, message);
      if (hooks.current() !== conversation) return;
      const body = await response.json().catch(() => ({}));
      if (response.ok || response.status === 422) hooks.onData({ reply_to: message.id, ...body });
      else if (response.status === 404) hooks.onGone();
      else hooks.onUnreachable(body.error);
    } catch (_) {
      if (hooks.current() === conversation) hooks.onUnreachable();
    } finally {
      httpBusy = false;
    }
  }

  // The answer came (or the server said it could not answer): nothing is on its way now.
  function settle() {
    clearTimeout(replyTimer);
    sentOn = null;
  }

  function connect(after) {
    const conversation = hooks.current();
    if (!conversation || socket || typeof WebSocket !== "function") return;
    const ws = new WebSocket(api.replace(/^http/, "ws") +
      councilPath(`/api/v1/conversations/${conversation}/ws?after=${after || 0}`, council));
    socket = ws;
    ws.onopen = () => {
      socketReady = true;
      socketFailures = 0;
      transmit(); // the answer may have been lost with the old connection
    };
    ws.onmessage = (event) => {
      let data;
      try { data = JSON.parse(event.data); } catch (_) { return; } // not ours
      hooks.onData(data);
    };
    ws.onclose = (event) => {
      if (socket === ws) { socket = null; socketReady = false; }
      if (hooks.current() !== conversation) return;
      if (event.code === 4404) return hooks.onGone();
      socketFailures += 1;
      if (hooks.pending()) viaHttp(); // don't wait for the socket: HTTP carries it meanwhile
      setTimeout(() => connect(hooks.liveSeq()), Math.min(15000, 500 * 2 ** socketFailures));
    };
  }

  function disconnect() {
    clearTimeout(replyTimer);
    sentOn = null;
    if (socket) { const ws = socket; socket = null; socketReady = false; ws.close(1000); }
  }

  return { request, transmit, settle, connect, disconnect, get live() { return socketReady; } };
}
if (typeof module === "object" && module) module.exports = { councilPath };
