// The conversation's life in the widget, as an explicit state machine (pure: Node's tests load
// this file alone). Every change of phase goes through ``fire``; a move the table does not
// allow is refused (and returns false), so a late answer, a double click or a retry firing
// after "Start again" cannot put the widget in a state nobody designed.
//
//   idle      no conversation yet            starting  asking the server for one
//   ready     open, nothing on its way        sending   the first message of the outbox is out
//   offline   the server can't be reached; a retry is set (the outbox keeps what was typed)
//   stopped   a kiosk finished: nothing more happens until the page reloads
const machine = (() => {
  const MOVES = {
    // "resume": a conversation kept from the last page (this tab's storage) carries on.
    idle: { start: "starting", resume: "ready" },
    starting: { started: "ready", failed: "offline" },
    ready: { send: "sending", failed: "offline" },
    sending: { answered: "ready", failed: "offline" },
    // A retry starts a conversation, sends the message again, or simply carries on; an answer
    // that arrives late (the socket got it after HTTP failed) still counts.
    offline: { start: "starting", send: "sending", recovered: "ready", answered: "ready", failed: "offline" },
    stopped: {},
  };
  // From any phase but "stopped": the server forgot the conversation, or the resident started
  // again (both go back to no conversation), or a kiosk is wiped.
  const ANYWHERE = { gone: "idle", restart: "idle", wipe: "stopped" };
  const PHASES = Object.keys(MOVES);

  function next(phase, event) {
    if (phase === "stopped") return null;
    return MOVES[phase][event] || ANYWHERE[event] || null;
  }

  // A machine holding its phase; ``onChange(from, to, event)`` hears every move.
  function create(onChange) {
    let phase = "idle";
    return {
      get phase() { return phase; },
      is: (...phases) => phases.includes(phase),
      can: (event) => next(phase, event) !== null,
      fire(event) {
        const to = next(phase, event);
        if (to === null) return false;
        const from = phase;
        phase = to;
        if (onChange) onChange(from, to, event);
        return true;
      },
    };
  }

  return { PHASES, next, create };
})();
if (typeof module === "object" && module) module.exports = machine;
