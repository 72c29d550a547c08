// A library kiosk clears up after someone walks away: a warning, then everything is wiped.
const kiosk = (() => {
  // What the idle watch does now (pure): nothing while nobody has typed, or while the warning's
  // time has not come; then "warn" (with the seconds left), then "wipe".
  function step(idleMs, warnMs, wipeMs, someoneHere) {
    if (!someoneHere || idleMs < warnMs) return { action: "none" };
    if (idleMs >= wipeMs) return { action: "wipe" };
    return { action: "warn", secondsLeft: Math.ceil((wipeMs - idleMs) / 1000) };
  }

  // Watches the page for activity; ``someoneHere()`` says whether a resident has typed.
  function watch({ warnMs, wipeMs, someoneHere, onWarn, onActive, onWipe }) {
    let last = Date.now();
    const active = () => { last = Date.now(); };
    ["pointerdown", "keydown", "touchstart", "input", "wheel"].forEach((type) =>
      document.addEventListener(type, active, { capture: true, passive: true }));
    const timer = setInterval(() => {
      if (!someoneHere()) { active(); return; }
      const now = step(Date.now() - last, warnMs, wipeMs, true);
      if (now.action === "wipe") onWipe();
      else if (now.action === "warn") onWarn(now.secondsLeft);
      else onActive();
    }, 1000);
    // Restored from the back-forward cache: someone has come back to an old page. Start clean.
    window.addEventListener("pageshow", (event) => { if (event.persisted) onWipe(); });
    return { active, stop: () => clearInterval(timer) };
  }

  return { step, watch };
})();
if (typeof module === "object" && module) module.exports = kiosk;
