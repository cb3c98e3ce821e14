// The offline field app. It registers this browser as a device (POST /api/v1/devices), keeps the
// device's token, cursor and records in IndexedDB, pulls the change feed and pushes what was done
// offline (notes, status changes) when the network is back. A service worker keeps the page itself,
// so it opens without a network. Everything shown is text set with textContent: no record's content
// is ever parsed as HTML.
(function () {
  "use strict";
  var app = document.getElementById("field-app");
  if (!app || !window.indexedDB || !window.fetch) {
    return;
  }
  var api = app.getAttribute("data-api");
  var user = app.getAttribute("data-user");
  var levels = (app.getAttribute("data-levels") || "").split("|");
  function msg(name) {
    return app.getAttribute("data-msg-" + name) || name;
  }
  function fill(text, values) {
    return text.replace(/\{(\d)\}/g, function (m, i) { return values[Number(i)]; });
  }
  function $(id) {
    return document.getElementById(id);
  }

  // ---- storage ----
  var dbPromise = new Promise(function (resolve, reject) {
    var open = indexedDB.open("civic-field", 1);
    open.onupgradeneeded = function () {
      var db = open.result;
      db.createObjectStore("meta");
      db.createObjectStore("items");
      db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      db.createObjectStore("conflicts", { keyPath: "opId" });
    };
    open.onsuccess = function () { resolve(open.result); };
    open.onerror = function () { reject(open.error); };
  });
  function tx(stores, mode, work) {
    return dbPromise.then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(stores, mode);
        var result;
        t.oncomplete = function () { resolve(result); };
        t.onerror = function () { reject(t.error); };
        t.onabort = function () { reject(t.error); };
        result = work(t);
      });
    });
  }
  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function getMeta(key) {
    return dbPromise.then(function (db) {
      return request(db.transaction("meta").objectStore("meta").get(key));
    });
  }
  function setMeta(key, value) {
    return tx(["meta"], "readwrite", function (t) { t.objectStore("meta").put(value, key); });
  }
  function all(store) {
    return dbPromise.then(function (db) {
      return request(db.transaction(store).objectStore(store).getAll());
    });
  }
  function wipe() {
    return tx(["meta", "items", "outbox", "conflicts"], "readwrite", function (t) {
      ["meta", "items", "outbox", "conflicts"].forEach(function (s) { t.objectStore(s).clear(); });
    });
  }

  // ---- status ----
  var syncing = false;
  function say(text) {
    $("field-message").textContent = text || "";
  }
  function showConnection(online) {
    $("connection").textContent = online ? msg("online") : msg("offline");
    app.setAttribute("data-connection", online ? "online" : "offline");
  }

  // ---- network ----
  function call(path, options) {
    options = options || {};
    options.credentials = "same-origin";
    options.headers = Object.assign({ Accept: "application/json" }, options.headers || {});
    return fetch(api + path, options);
  }
  function authed(device, path, options) {
    options = options || {};
    options.headers = Object.assign({ Authorization: "Bearer " + device.token }, options.headers || {});
    return call(path, options);
  }
  function refused(response) {
    if (response.status === 410) {
      return wipe().then(function () {
        say(msg("wiped"));
        render();
        throw new Error("wiped");
      });
    }
    return response.json().catch(function () { return {}; }).then(function (problem) {
      say(msg("refused") + " " + (problem.detail || response.status));
      throw new Error("refused");
    });
  }

  function register() {
    var name = "Browser " + (navigator.platform || "") + " " + new Date().toISOString().slice(0, 10);
    return call("devices", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: name.trim(), platform: "web" })
    }).then(function (response) {
      if (!response.ok) {
        return refused(response);
      }
      return response.json();
    }).then(function (device) {
      device.user = user;
      return setMeta("device", device).then(function () {
        say(msg("registered"));
        return sync();
      });
    });
  }

  function push(device) {
    return all("outbox").then(function (ops) {
      if (ops.length === 0) {
        return;
      }
      var body = { ops: ops.map(function (o) { return o.op; }) };
      return authed(device, "sync/push", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (!response.ok) {
          return refused(response);
        }
        return response.json().then(function (answer) {
          return tx(["outbox", "conflicts", "items"], "readwrite", function (t) {
            answer.results.forEach(function (result, i) {
              t.objectStore("outbox").delete(ops[i].seq);
              if (result.status !== "applied") {
                result.label = ops[i].label;
                t.objectStore("conflicts").put(result);
              }
            });
          });
        });
      });
    });
  }

  function pull(device) {
    return getMeta("cursor").then(function (cursor) {
      var path = "sync/changes?limit=500" + (cursor ? "&since=" + encodeURIComponent(cursor) : "");
      return authed(device, path).then(function (response) {
        if (!response.ok) {
          return refused(response);
        }
        return response.json();
      }).then(function (page) {
        return tx(["items", "meta"], "readwrite", function (t) {
          var items = t.objectStore("items");
          page.changes.forEach(function (c) {
            var key = c.type + ":" + c.id;
            if (c.op === "upsert") {
              items.put({ type: c.type, id: c.id, version: c.version, classification: c.classification, data: c.data }, key);
            } else {
              items.delete(key);
            }
          });
          t.objectStore("meta").put(page.cursor, "cursor");
        }).then(function () {
          return page.hasMore ? pull(device) : undefined;
        });
      });
    });
  }

  function sync() {
    if (syncing) {
      return Promise.resolve();
    }
    if (navigator.onLine === false) {
      showConnection(false);
      return render();
    }
    syncing = true;
    return getMeta("device").then(function (device) {
      if (!device) {
        return;
      }
      return push(device).then(function () {
        return pull(device);
      }).then(function () {
        showConnection(true);
        return setMeta("lastSync", new Date().toISOString());
      });
    }).catch(function (e) {
      if (e instanceof TypeError) {
        showConnection(false);
      }
    }).then(function () {
      syncing = false;
      return render();
    });
  }

  function queue(op, label) {
    op.opId = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : Date.now().toString(36) + Math.random().toString(36).slice(2);
    return tx(["outbox"], "readwrite", function (t) {
      t.objectStore("outbox").add({ op: op, label: label });
    }).then(function () {
      return render();
    }).then(sync);
  }

  // ---- the banner: the join of what the device holds ----
  function parse(marking) {
    var parts = marking.split("//");
    var label = { level: Math.max(0, levels.indexOf(parts[0])), compartments: [], noforn: false, rel: null };
    parts.slice(1).forEach(function (p) {
      if (p === "NOFORN") {
        label.noforn = true;
      } else if (p.indexOf("REL TO ") === 0) {
        label.rel = p.slice(7).split(", ");
      } else {
        label.compartments = label.compartments.concat(p.split("/"));
      }
    });
    return label;
  }
  function joinAll(markings) {
    var top = { level: 0, compartments: [], noforn: false, rel: null };
    markings.forEach(function (m) {
      var l = parse(m);
      top.level = Math.max(top.level, l.level);
      l.compartments.forEach(function (c) {
        if (top.compartments.indexOf(c) < 0) {
          top.compartments.push(c);
        }
      });
      top.noforn = top.noforn || l.noforn;
      if (l.rel) {
        top.rel = top.rel ? top.rel.filter(function (n) { return l.rel.indexOf(n) >= 0; }) : l.rel.slice();
      }
    });
    var text = levels[top.level] || "";
    if (top.compartments.length) {
      text += "//" + top.compartments.sort().join("/");
    }
    if (top.noforn || (top.rel && top.rel.length <= 1)) {
      text += "//NOFORN";
    } else if (top.rel) {
      text += "//REL TO " + top.rel.join(", ");
    }
    return { text: text, level: top.level };
  }
  function banner(markings) {
    var joined = joinAll(markings);
    ["banner-top", "banner-bottom"].forEach(function (id) {
      var b = $(id);
      if (!b) {
        return;
      }
      var hidden = b.querySelector(".visually-hidden");
      b.textContent = "";
      if (hidden) {
        b.appendChild(hidden);
      }
      b.appendChild(document.createTextNode(joined.text));
      b.className = "classification-banner banner-level-" + Math.min(joined.level, 4);
    });
  }

  // ---- rendering ----
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function renderRequest(item, pending) {
    var d = item.data;
    var box = el("article", null, "field-item");
    box.id = "request-" + item.id;
    var h = el("h3");
    h.appendChild(el("span", "(" + item.classification + ") ", "portion-mark"));
    h.appendChild(document.createTextNode(d.reference + " – " + d.state.replace(/-/g, " ")));
    box.appendChild(h);
    if (d.description) {
      box.appendChild(el("p", d.description));
    }
    if (d.address) {
      box.appendChild(el("p", d.address));
    }
    if (d.dueAt) {
      box.appendChild(el("p", msg("due") + " " + d.dueAt.slice(0, 10)));
    }
    var thread = el("ul", null, "field-thread");
    (d.thread || []).forEach(function (m) {
      var li = el("li");
      li.appendChild(el("span", "(" + m.classification + ") ", "portion-mark"));
      li.appendChild(document.createTextNode(m.author + ": " + m.text));
      thread.appendChild(li);
    });
    box.appendChild(thread);
    pending.forEach(function (p) {
      box.appendChild(el("p", msg("queued") + " " + (p.op.type === "note" ? p.op.data.text : p.op.data.state), "field-queued"));
    });

    var noteId = "note-" + item.id;
    var noteForm = el("form", null, "field-form");
    var noteLabel = el("label", msg("note"));
    noteLabel.setAttribute("for", noteId);
    var note = el("textarea");
    note.id = noteId;
    note.rows = 2;
    note.required = true;
    var add = el("button", msg("add-note"));
    add.type = "submit";
    add.id = "add-note-" + item.id;
    noteForm.appendChild(noteLabel);
    noteForm.appendChild(note);
    noteForm.appendChild(add);
    noteForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = note.value.trim();
      if (!text) {
        return;
      }
      note.value = "";
      queue({ type: "note", data: { request: String(item.id), text: text } }, d.reference);
    });
    box.appendChild(noteForm);

    if (d.nextStates && d.nextStates.length) {
      var stateId = "state-" + item.id;
      var moveForm = el("form", null, "field-form");
      var stateLabel = el("label", msg("status"));
      stateLabel.setAttribute("for", stateId);
      var select = el("select");
      select.id = stateId;
      d.nextStates.forEach(function (s) {
        var o = el("option", s.replace(/-/g, " "));
        o.value = s;
        select.appendChild(o);
      });
      var move = el("button", msg("move"));
      move.type = "submit";
      move.id = "move-" + item.id;
      moveForm.appendChild(stateLabel);
      moveForm.appendChild(select);
      moveForm.appendChild(move);
      moveForm.addEventListener("submit", function (event) {
        event.preventDefault();
        queue({ type: "request", id: item.id, baseVersion: item.version, data: { state: select.value } }, d.reference);
      });
      box.appendChild(moveForm);
    }
    return box;
  }

  function renderDocument(item) {
    var box = el("article", null, "field-item");
    box.id = "document-" + item.id;
    var h = el("h3");
    h.appendChild(el("span", "(" + item.classification + ") ", "portion-mark"));
    h.appendChild(document.createTextNode(item.data.title));
    box.appendChild(h);
    box.appendChild(el("p", item.data.body));
    return box;
  }

  function render() {
    return Promise.all([getMeta("device"), all("items"), all("outbox"), all("conflicts"), getMeta("lastSync")])
      .then(function (state) {
        var device = state[0];
        var items = state[1];
        var outbox = state[2];
        var conflicts = state[3];
        if (device && device.user !== user) {
          // another person signed in on this browser: nothing of the previous one is shown or kept
          say(msg("other-user"));
          return wipe().then(render);
        }
        $("register-panel").hidden = !!device;
        $("sync-panel").hidden = !device;
        $("last-sync").textContent = state[4] ? msg("synced") + " " + new Date(state[4]).toLocaleString() : "";
        $("waiting").textContent = fill(msg("waiting"), [outbox.length]);
        app.setAttribute("data-waiting", String(outbox.length));
        var requests = $("requests");
        var documents = $("documents");
        // a sync redraws the lists every few seconds: what the user is typing, and where, stays
        var typed = {};
        var focused = document.activeElement && document.activeElement.id;
        Array.prototype.forEach.call(app.querySelectorAll("textarea, select"), function (e) {
          if (e.id) {
            typed[e.id] = e.value;
          }
        });
        requests.textContent = "";
        documents.textContent = "";
        var reqs = items.filter(function (i) { return i.type === "request"; });
        var docs = items.filter(function (i) { return i.type === "document"; });
        reqs.forEach(function (i) {
          var pending = outbox.filter(function (o) {
            return (o.op.type === "note" && o.op.data.request === String(i.id)) || (o.op.type === "request" && o.op.id === i.id);
          });
          requests.appendChild(renderRequest(i, pending));
        });
        docs.forEach(function (i) { documents.appendChild(renderDocument(i)); });
        Object.keys(typed).forEach(function (id) {
          var e = document.getElementById(id);
          if (e && typed[id] && e.tagName === "TEXTAREA") {
            e.value = typed[id];
          }
        });
        if (focused && document.getElementById(focused)) {
          document.getElementById(focused).focus();
        }
        if (!reqs.length) {
          requests.appendChild(el("p", msg("no-requests")));
        }
        if (!docs.length) {
          documents.appendChild(el("p", msg("no-documents")));
        }
        var list = $("conflicts");
        list.textContent = "";
        conflicts.forEach(function (c) {
          var text = (c.status === "conflict" ? msg("conflict") : msg("rejected")) + " " + (c.label || "") +
            (c.reason ? ": " + c.reason : "");
          var li = el("li", text, "field-conflict");
          li.setAttribute("data-status", c.status);
          list.appendChild(li);
        });
        $("conflicts-section").hidden = conflicts.length === 0;
        banner(items.map(function (i) { return i.classification; }).concat(levels.length ? [levels[0]] : []));
      });
  }

  // ---- start ----
  $("register").addEventListener("click", function () {
    register().catch(function () { showConnection(navigator.onLine); });
  });
  $("sync-now").addEventListener("click", sync);
  window.addEventListener("online", function () { showConnection(true); sync(); });
  window.addEventListener("offline", function () { showConnection(false); });
  showConnection(navigator.onLine);
  setInterval(sync, 5000);

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(app.getAttribute("data-worker"), { scope: app.getAttribute("data-scope") })
      .then(function (registration) {
        var urls = [location.pathname + location.search];
        document.querySelectorAll("link[rel=stylesheet][href], script[src], img[src]").forEach(function (e) {
          urls.push(e.getAttribute("href") || e.getAttribute("src"));
        });
        var worker = registration.active || registration.waiting || registration.installing;
        if (worker) {
          worker.postMessage({ keep: urls });
        }
        navigator.serviceWorker.ready.then(function (r) { r.active.postMessage({ keep: urls }); });
      })
      .catch(function () { /* no offline page, the app still works while the tab stays open */ });
  }
  render().then(sync);
})();
