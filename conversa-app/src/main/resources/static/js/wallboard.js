// The wallboard listens to the console's live events and fetches its figures again when a conversation changes.
// Changes that come in a burst are fetched once (at most every 300 ms); a lost connection is retried, and the
// figures are fetched again on reconnecting so nothing that happened meanwhile is missed.
(() => {
  const status = document.getElementById("wallboard-live");
  let pending = null;
  let retry = 1000;
  const refresh = () => {
    if (pending) return;
    pending = setTimeout(async () => {
      pending = null;
      const response = await fetch("/wallboard/figures", {headers: {"Accept": "text/html"}});
      if (!response.ok) return;
      const html = await response.text();
      const next = new DOMParser().parseFromString(html, "text/html").getElementById("figures");
      if (next) document.getElementById("figures").replaceWith(next);
    }, 300);
  };
  const connect = () => {
    const source = new EventSource("/live");
    let wasOffline = status.dataset.state === "offline";
    source.addEventListener("hello", () => {
      status.dataset.state = "online";
      retry = 1000;
      if (wasOffline) refresh();
      wasOffline = false;
    });
    source.addEventListener("conversation", refresh);
    source.onerror = () => {
      status.dataset.state = "offline";
      wasOffline = true;
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 15000);
      }
    };
  };
  if (window.EventSource) connect();
})();
