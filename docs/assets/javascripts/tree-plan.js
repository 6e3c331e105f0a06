// The decision tree in the browser: the questions one at a time on the start page, and the
// network's plan on the plan page. `plan` applies the one rule of data/steps.yml exactly as
// sphub.data.tree.Rule does (tests/build/test_tree_plan_js.py runs both over every distinct plan
// and compares). Pages hold every text, escaped by sphub; this script only shows, hides and
// moves it, and writes text only from the page's own elements.
(function () {
  "use strict";

  function matches(when, answers) {
    return when.some(function (alt) {
      return Object.keys(alt).every(function (question) {
        var chosen = answers[question] || [];
        return chosen.some(function (option) { return alt[question].indexOf(option) >= 0; });
      });
    });
  }

  // rule: {questions: [{id, options: [{id, establishes}]}], steps: [{id, when, needs, provides}]}
  // answers: {question id: [option ids]}. Returns {steps: [{id, stage, after: [ids]}], facts}.
  function plan(rule, answers) {
    var facts = {};
    rule.questions.forEach(function (q) {
      q.options.forEach(function (o) {
        if ((answers[q.id] || []).indexOf(o.id) >= 0) {
          o.establishes.forEach(function (f) { facts[f] = true; });
        }
      });
    });
    var provider = {};
    rule.steps.forEach(function (s, i) { s.provides.forEach(function (f) { provider[f] = i; }); });
    var chosen = {};
    var todo = [];
    rule.steps.forEach(function (s, i) {
      if (matches(s.when, answers)) { chosen[i] = true; todo.push(i); }
    });
    while (todo.length) {
      rule.steps[todo.pop()].needs.forEach(function (f) {
        if (!facts[f] && f in provider && !chosen[provider[f]]) {
          chosen[provider[f]] = true;
          todo.push(provider[f]);
        }
      });
    }
    var ready = Object.assign({}, facts);
    var remaining = rule.steps.filter(function (s, i) { return chosen[i]; });
    var placed = [];
    while (remaining.length) {
      var at = remaining.findIndex(function (s) {
        return s.needs.every(function (f) { return ready[f]; });
      });
      if (at < 0) return null;
      var step = remaining.splice(at, 1)[0];
      placed.push(step);
      step.provides.forEach(function (f) { ready[f] = true; });
    }
    if (!placed.length) return null;
    var stages = {};
    return {
      facts: facts,
      steps: placed.map(function (s) {
        var after = s.needs.filter(function (f) { return !facts[f]; })
          .map(function (f) { return rule.steps[provider[f]].id; });
        stages[s.id] = 1 + Math.max.apply(null, [-1].concat(after.map(function (a) { return stages[a]; })));
        return { id: s.id, stage: stages[s.id], after: after };
      })
    };
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { plan: plan };
    return;
  }

  function answersFrom(search) {
    var answers = {};
    new URLSearchParams(search).forEach(function (value, key) {
      (answers[key] = answers[key] || []).push(value);
    });
    return answers;
  }

  // The start page: one question at a time, the answers so far kept when coming back to change one.
  function stepper(form) {
    var sets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-question]"));
    var submit = form.querySelector(".sphub-tree-submit");
    var given = answersFrom(window.location.search);
    sets.forEach(function (set) {
      (given[set.dataset.question] || []).forEach(function (value) {
        var input = set.querySelector("input[value='" + CSS.escape(value) + "']");
        if (input) input.checked = true;
      });
      set.querySelectorAll("input[data-exclusive]").forEach(function (alone) {
        set.querySelectorAll("input").forEach(function (input) {
          input.addEventListener("change", function () {
            if (!input.checked) return;
            set.querySelectorAll("input").forEach(function (other) {
              if ((input === alone) !== (other === alone)) other.checked = false;
            });
          });
        });
      });
    });
    function answered(set) { return set.querySelector("input:checked") !== null; }
    function show(index, focus) {
      sets.forEach(function (set, i) { set.hidden = i !== index; });
      submit.hidden = index !== sets.length - 1;
      if (focus) sets[index].querySelector("legend").focus();
    }
    sets.forEach(function (set, i) {
      set.querySelector("legend").tabIndex = -1;
      set.querySelector(".sphub-tree-nav").hidden = false;
      var error = set.querySelector(".sphub-tree-error");
      var next = set.querySelector("[data-next]");
      var back = set.querySelector("[data-back]");
      if (next) next.addEventListener("click", function () {
        error.hidden = answered(set);
        if (answered(set)) show(i + 1, true);
      });
      if (back) back.addEventListener("click", function () { show(i - 1, true); });
      set.addEventListener("change", function () { error.hidden = true; });
    });
    form.addEventListener("submit", function (event) {
      var first = sets.findIndex(function (set) { return !answered(set); });
      if (first >= 0) {
        event.preventDefault();
        show(first, true);
        sets[first].querySelector(".sphub-tree-error").hidden = false;
      }
    });
    var wanted = sets.findIndex(function (set) { return "#" + set.id === window.location.hash; });
    if (wanted < 0) wanted = sets.findIndex(function (set) { return !answered(set); });
    show(wanted < 0 ? 0 : wanted, false);
  }

  // The plan page.
  function showPlan(page) {
    var rule = JSON.parse(document.getElementById("sphub-rule").textContent);
    var answers = answersFrom(window.location.search);
    page.querySelectorAll("[data-keep-answers]").forEach(function (a) {
      var url = new URL(a.getAttribute("href"), window.location.href);
      url.search = window.location.search;
      a.setAttribute("href", url.href);
    });
    var missing = rule.questions.filter(function (q) { return !q.many && !(answers[q.id] || []).length; });
    if (missing.length) {
      missing.forEach(function (q) { page.querySelector("[data-missing='" + q.id + "']").hidden = false; });
      page.querySelector("[data-plan-missing]").hidden = false;
      return;
    }
    var result = plan(rule, answers);
    if (!result) return;
    var library = page.querySelector("[data-step-library]");
    var titles = {};
    library.querySelectorAll("[data-step]").forEach(function (card) {
      titles[card.dataset.step] = card.querySelector("h3").textContent;
    });
    result.steps.forEach(function (s, i) {
      var card = library.querySelector("[data-step='" + s.id + "']");
      var place = i === 0 ? "first" : s.stage <= 1 ? "next" : "later";
      card.querySelectorAll("[data-need]").forEach(function (need) {
        var note = document.createElement("span");
        note.className = "sphub-need-note";
        if (result.facts[need.dataset.need]) note.textContent = " (" + page.dataset.have + ")";
        else {
          var from = rule.steps.find(function (r) {
            return r.provides.indexOf(need.dataset.need) >= 0;
          });
          note.textContent = " (" + page.dataset.from + " " + titles[from.id] + ")";
        }
        need.appendChild(note);
      });
      if (s.after.length) {
        card.querySelector("[data-after]").hidden = false;
        card.querySelector("[data-after-names]").textContent =
          s.after.map(function (id) { return titles[id]; }).join("; ");
      }
      page.querySelector("[data-place='" + place + "']").appendChild(card);
    });
    ["next", "later"].forEach(function (place) {
      page.querySelector("[data-place-section='" + place + "']").hidden =
        !page.querySelector("[data-place='" + place + "']").children.length;
    });
    Object.keys(answers).forEach(function (q) {
      answers[q].forEach(function (o) {
        var item = page.querySelector("[data-answer='" + CSS.escape(q + "=" + o) + "']");
        if (item) item.hidden = false;
      });
    });
    page.querySelector("[data-plan-result]").hidden = false;
  }

  var form = document.querySelector("form[data-sphub-tree]");
  if (form) stepper(form);
  var page = document.querySelector("[data-sphub-plan]");
  if (page) showPlan(page);
})();
