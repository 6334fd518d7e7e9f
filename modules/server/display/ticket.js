// One ticket on the visitor's phone: polls its public state (number, state, counter, people ahead)
// and shows it; keeps the last state, marked, while the server cannot be reached.
"use strict";

(function () {
  const POLL_MS = 5000;
  const MAX_BACKOFF_MS = 30000;
  const text = document.body.dataset;
  const stateUrl = "/display/" + encodeURIComponent(text.hall) + "/tickets/" + encodeURIComponent(text.ticket) +
    "/state";
  const states = { issued: "waiting", called: "called", serving: "serving", parked: "parked" };
  let failures = 0;

  function show(ticket) {
    document.getElementById("number").textContent = ticket.number;
    const counter = ticket.counterNumber > 0 ? String(ticket.counterNumber) : ticket.counter;
    const key = states[ticket.state] || "finished";
    document.getElementById("state").textContent = text[key].replace("{counter}", counter);
    document.body.dataset.state = ticket.state;
    const waiting = ticket.state === "issued";
    document.getElementById("aheadBox").hidden = !waiting;
    document.getElementById("ahead").textContent = String(ticket.ahead);
  }

  async function poll() {
    let wait = POLL_MS;
    try {
      const response = await fetch(stateUrl, { cache: "no-store", credentials: "omit" });
      if (response.status === 404) {
        document.getElementById("state").textContent = text.gone;
        document.body.dataset.state = "gone";
        return; // nothing will come of asking again
      }
      if (!response.ok)
        throw new Error("HTTP " + response.status);
      show(await response.json());
      failures = 0;
      document.getElementById("status").textContent = "";
      document.body.dataset.connection = "connected";
    } catch (error) {
      failures += 1;
      wait = Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS);
      document.getElementById("status").textContent = text.lost;
      document.body.dataset.connection = "lost";
    }
    window.setTimeout(poll, wait);
  }

  poll();
})();
