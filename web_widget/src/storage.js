// Where the conversation is kept between pages: this tab only (sessionStorage, gone when the
// tab closes) on a website; nowhere at all on a kiosk, where the next person must find nothing.
function createStore(key, kiosk) {
  const store = kiosk ? null : (() => {
    try {
      const s = window.sessionStorage;
      s.setItem(key + ":probe", "1");
      s.removeItem(key + ":probe");
      return s;
    } catch (_) {
      return null;
    }
  })();
  return {
    save(state) {
      if (!store) return;
      try {
        if (state.id || state.items.length) store.setItem(key, JSON.stringify(state));
        else store.removeItem(key);
      } catch (_) { /* full or blocked: the conversation still works in this page */ }
    },
    load() {
      if (!store) return null;
      try {
        const saved = JSON.parse(store.getItem(key) || "null");
        return saved && Array.isArray(saved.items) ? saved : null;
      } catch (_) {
        return null; // unreadable: start afresh
      }
    },
  };
}
