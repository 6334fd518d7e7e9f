// The hall display: polls the hall's public feed of calls (ticket numbers and counters only),
// shows the newest call large and the ones before it in time order, and speaks each call that
// arrives while the page is open. When the server cannot be reached it keeps the last state on
// screen, marks it as such and tries again with a growing back-off.
"use strict";

(function () {
  const POLL_MS = 2000;
  const MAX_BACKOFF_MS = 16000;
  const body = document.body;
  const text = body.dataset;
  const feedUrl = "/display/" + encodeURIComponent(text.hall) + "/calls";
  const params = new URLSearchParams(window.location.search);
  const silentByUrl = params.get("silent") === "1" || params.get("silent") === "true";

  const status = document.getElementById("status");
  const latest = document.getElementById("latest");
  const empty = document.getElementById("empty");
  const table = document.getElementById("calls");
  const rows = table.querySelector("tbody");

  let lastHeard = null; // the newest call id seen; calls after it are spoken
  let failures = 0;
  let silentByServer = false;

  function fill(template, call) {
    const counter = call.counterNumber > 0 ? String(call.counterNumber) : call.counter;
    return template.replace("{number}", call.number).replace("{counter}", counter);
  }

  function clockText(date) {
    return String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0");
  }

  function cell(className, content) {
    const td = document.createElement("td");
    td.className = className;
    td.textContent = content;
    return td;
  }

  function render(calls) {
    // The feed is newest first; the same ticket called again is shown once, at its latest call.
    const seen = new Set();
    const current = calls.filter((call) => !seen.has(call.ticket) && seen.add(call.ticket));
    empty.hidden = current.length > 0;
    latest.hidden = current.length === 0;
    table.hidden = current.length < 2;
    if (current.length > 0) {
      latest.querySelector(".number").textContent = current[0].number;
      latest.querySelector(".counter").textContent = fill(text.counter, current[0]);
    }
    rows.replaceChildren(...current.slice(1).map((call) => {
      const tr = document.createElement("tr");
      tr.className = "call";
      tr.dataset.number = call.number;
      const number = cell("number", call.number);
      if (call.callCount > 1) {
        const mark = document.createElement("span");
        mark.className = "recall";
        mark.textContent = text.recall;
        number.append(mark);
      }
      tr.append(number, cell("counter", fill(text.counter, call)), cell("time", clockText(new Date(call.time))));
      return tr;
    }));
  }

  function speak(call) {
    if (silentByUrl || silentByServer || !("speechSynthesis" in window))
      return;
    const utterance = new SpeechSynthesisUtterance(fill(text.call, call));
    utterance.lang = document.documentElement.lang;
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }

  function setStatus(state, label) {
    status.className = state;
    status.textContent = label;
    body.dataset.state = state;
  }

  function received(data) {
    const calls = Array.isArray(data.calls) ? data.calls : [];
    silentByServer = data.silent === true;
    render(calls);
    const newest = calls.reduce((max, call) => Math.max(max, call.id), 0);
    if (lastHeard !== null) {
      // Oldest first, as they were called.
      calls.filter((call) => call.id > lastHeard).reverse().forEach((call) => {
        latest.classList.remove("fresh");
        void latest.offsetWidth; // restarts the blink
        latest.classList.add("fresh");
        speak(call);
      });
    }
    lastHeard = Math.max(lastHeard === null ? 0 : lastHeard, newest);
  }

  async function poll() {
    let wait = POLL_MS;
    try {
      const response = await fetch(feedUrl, { cache: "no-store", credentials: "omit" });
      if (!response.ok)
        throw new Error("HTTP " + response.status);
      received(await response.json());
      failures = 0;
      setStatus("connected", "");
    } catch (error) {
      failures += 1;
      wait = Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS);
      setStatus("lost", text.lost);
    }
    window.setTimeout(poll, wait);
  }

  function tick() {
    document.getElementById("clock").textContent = clockText(new Date());
  }

  tick();
  window.setInterval(tick, 1000);
  poll();
})();
