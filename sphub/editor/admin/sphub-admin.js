// sphub's start of the editor (Decap CMS): on this computer (127.0.0.1 or localhost, as
// `make edit` serves it) the editor saves through sphub's local editing server on the same
// origin, which checks every save; elsewhere it uses the git host named in config.yml.
//
// On this computer it also:
// - states, with every save, the version of the file the form was opened from (the server
//   gives it with each file it reads, as `file.id`), so that a save from an older version is
//   refused instead of undoing a change made in another tab or a text editor;
// - shows a refused save in a box that stays until it is dismissed (Decap's own message
//   vanishes after a few seconds);
// - asks for sphub's messages in the editor's language (the one Decap's own interface shows).
window.CMS_MANUAL_INIT = true;

(function () {
  var LANGUAGES = ["en", "fr", "es"];

  // The editor's language: ?lang=fr once (remembered), else the browser's, else English.
  function editorLanguage() {
    var asked = new URLSearchParams(location.search).get("lang");
    if (LANGUAGES.indexOf(asked) >= 0) {
      localStorage.setItem("sphub-editor-language", asked);
    }
    var kept = localStorage.getItem("sphub-editor-language");
    if (LANGUAGES.indexOf(kept) >= 0) return kept;
    var browser = (navigator.language || "en").slice(0, 2).toLowerCase();
    return LANGUAGES.indexOf(browser) >= 0 ? browser : "en";
  }

  var language = editorLanguage();
  var local = location.hostname === "127.0.0.1" || location.hostname === "localhost";
  var api = location.origin + "/api/v1";
  var versions = {}; // path -> the version of the file as this tab last read or wrote it

  function remember(answer) {
    var entries = Array.isArray(answer) ? answer : [answer];
    entries.forEach(function (entry) {
      if (entry && entry.file && entry.file.path && entry.file.id) {
        versions[entry.file.path] = entry.file.id;
      }
    });
  }

  function showRefusal(text) {
    var box = document.getElementById("sphub-refusal");
    if (!box) {
      box = document.createElement("div");
      box.id = "sphub-refusal";
      box.setAttribute("role", "alert");
      var words = document.createElement("pre");
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "×";
      close.setAttribute("aria-label", "Dismiss");
      close.addEventListener("click", function () {
        box.remove();
      });
      box.appendChild(close);
      box.appendChild(words);
      document.body.appendChild(box);
    }
    box.querySelector("pre").textContent = text;
  }

  if (local) {
    var send = window.fetch.bind(window);
    window.fetch = function (url, options) {
      if (String(url) !== api || !options || typeof options.body !== "string") {
        return send(url, options);
      }
      var request = JSON.parse(options.body);
      request.params = request.params || {};
      request.params.language = language;
      if (request.action === "persistEntry") {
        (request.params.dataFiles || []).forEach(function (file) {
          if (!file.version) file.version = versions[file.path];
        });
        var old = document.getElementById("sphub-refusal");
        if (old) old.remove();
      }
      options = Object.assign({}, options, { body: JSON.stringify(request) });
      return send(url, options).then(function (response) {
        response
          .clone()
          .json()
          .then(function (answer) {
            if (!response.ok) {
              if (request.action === "persistEntry") showRefusal(answer.error);
            } else if (request.action === "persistEntry") {
              versions[answer.path] = answer.version;
            } else if (/^(getEntry|entriesByFiles|entriesByFolder)$/.test(request.action)) {
              remember(answer);
            }
          })
          .catch(function () {});
        return response;
      });
    };
  }

  // The "choice" widget (sphub.editor.config.CHOICE): a text box that suggests its options
  // (a datalist) by name or code as one types, and keeps the code of what is chosen or
  // typed: "GH" stays GH (Decap's select picked Afghanistan, whose name holds "gh"), and a
  // name typed in full ("Ghana") becomes its code. Anything else is kept as typed, and the
  // save's check says if it is wrong.
  function registerChoice() {
    var h = window.h;
    function options(field) {
      var list = field.get("options");
      return list && list.toJS ? list.toJS() : [];
    }
    function code(text, choices) {
      var typed = text.trim().toLowerCase();
      for (var i = 0; i < choices.length; i++) {
        var choice = choices[i];
        if (String(choice.value).toLowerCase() === typed) return choice.value;
        if (String(choice.label).toLowerCase() === typed) return choice.value;
      }
      return text;
    }
    var Choice = window.createClass({
      getInitialState: function () {
        return { text: this.props.value || "" };
      },
      render: function () {
        var self = this;
        var choices = options(this.props.field);
        var listId = this.props.forID + "-choices";
        var chosen = choices.filter(function (c) {
          return c.value === self.props.value;
        })[0];
        return h(
          "div",
          { className: this.props.classNameWrapper },
          h("input", {
            id: this.props.forID,
            type: "text",
            list: listId,
            autoComplete: "off",
            value: this.state.text,
            style: { width: "100%", border: 0, outline: "none", font: "inherit" },
            onFocus: this.props.setActiveStyle,
            onBlur: function () {
              self.props.setInactiveStyle();
              if (chosen) self.setState({ text: chosen.value });
            },
            onChange: function (event) {
              self.setState({ text: event.target.value });
              self.props.onChange(code(event.target.value, choices));
            },
          }),
          h(
            "datalist",
            { id: listId },
            choices.map(function (c) {
              return h("option", { key: c.value, value: c.value, label: c.label });
            })
          ),
          chosen ? h("small", { className: "sphub-chosen" }, chosen.label) : null
        );
      },
    });
    window.CMS.registerWidget("choice", Choice);
  }

  // Going from one collection's form straight to another's by address (the address bar, a
  // bookmark) leaves Decap showing the first one's state ("0 events", a save that does
  // nothing): such a jump loads the editor again, as opening the address afresh would.
  var ENTRY = /^#\/collections\/([^/]+)\/entries\//;
  window.addEventListener("hashchange", function (event) {
    var before = ENTRY.exec(new URL(event.oldURL).hash);
    var after = ENTRY.exec(new URL(event.newURL).hash);
    if (before && after && before[1] !== after[1]) location.reload();
  });

  window.addEventListener("DOMContentLoaded", function () {
    registerChoice();
    var config = { locale: language };
    if (local) {
      config.local_backend = { url: api };
    }
    window.CMS.init({ config: config });
  });
})();
