// careerset: small progressive enhancements. Every page works without this file.
"use strict";

(function () {
  // Job form: suggest occupation codes while the title is typed; picking one fills the code.
  function setUpTitleCoding() {
    const form = document.querySelector("form.entry-form");
    const title = document.getElementById("field-title");
    const code = document.getElementById("field-occupation_code");
    const source = document.getElementById("field-occupation_source");
    const box = document.getElementById("title-suggestions");
    if (!form || !title || !code || !box) return;
    const list = box.querySelector("ul");
    let timer = null;
    let latest = 0;

    const show = (matches) => {
      list.replaceChildren();
      const useful = matches.filter((m) => m.score >= 0.01);
      for (const match of useful) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "suggestion";
        button.dataset.code = match.code;
        button.textContent = `${match.title} (${match.code}) · ${Math.round(match.score * 100)}%`;
        button.addEventListener("click", () => {
          code.value = match.code;
          if (source) source.value = "confirmed";
          for (const other of list.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
          button.setAttribute("aria-pressed", "true");
          code.dispatchEvent(new Event("change"));
        });
        item.appendChild(button);
        list.appendChild(item);
      }
      box.hidden = useful.length === 0;
    };

    const lookUp = async () => {
      const text = title.value.trim();
      const ticket = ++latest;
      if (text.length < 3) {
        show([]);
        return;
      }
      try {
        const response = await fetch(`/api/code?top=5&title=${encodeURIComponent(text)}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (!response.ok || ticket !== latest) return;
        const data = await response.json();
        if (ticket === latest) show(data.matches || []);
      } catch (error) {
        box.hidden = true;
      }
    };

    title.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(lookUp, 250);
    });
    if (title.value.trim()) lookUp();
  }

  // Profiler: digits 0-4 answer the question on screen; Backspace goes back one question.
  function setUpProfiler() {
    const form = document.getElementById("profiler-form");
    if (!form) return;
    const back = document.getElementById("profiler-back");
    document.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const button = form.querySelector(`button[data-key="${event.key}"]`);
      if (button) {
        event.preventDefault();
        button.click();
      } else if (event.key === "Backspace" && back) {
        const previous = back.querySelector("button");
        if (previous && !previous.disabled) {
          event.preventDefault();
          previous.click();
        }
      }
    });
  }

  // Assessment timeline: put each year label under its tick (the page allows no inline
  // styles, so the server sends the position as data-x, a percentage of the track).
  function placeYearTicks() {
    for (const label of document.querySelectorAll(".timeline-years .year[data-x]")) {
      label.style.left = `${Number(label.dataset.x)}%`;
    }
    for (const axis of document.querySelectorAll(".timeline-years")) axis.classList.add("placed");
  }

  // Assessment on a phone: every job's reasons start folded, so the page is a list of
  // verdicts to open one by one; the job a timeline link points at opens.
  function foldReasonsOnPhones() {
    const reasons = document.querySelectorAll("details.job-reasons");
    if (!reasons.length || !window.matchMedia("(max-width: 40rem)").matches) return;
    for (const details of reasons) details.open = false;
    const openTarget = () => {
      const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
      const details = target ? target.querySelector("details.job-reasons") : null;
      if (details) details.open = true;
    };
    openTarget();
    window.addEventListener("hashchange", openTarget);
  }

  document.addEventListener("DOMContentLoaded", () => {
    setUpTitleCoding();
    setUpProfiler();
    placeYearTicks();
    foldReasonsOnPhones();
    // Lets tests (and styles) tell when the enhancements are live.
    document.documentElement.dataset.enhanced = "true";
  });
})();
