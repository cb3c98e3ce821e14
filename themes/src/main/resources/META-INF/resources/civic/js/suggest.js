// Autocomplete for search boxes: an <input list="..." data-suggest="url?q="> is offered the words the server
// suggests (only words from what the reader may see). The native <datalist> keeps it keyboard- and
// screen-reader-friendly; without script the box is a plain search box.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    if (!list || !window.fetch) {
      return;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value;
        if (text.trim().length < 2 || text === asked) {
          return;
        }
        asked = text;
        fetch(input.getAttribute("data-suggest") + encodeURIComponent(text), {
          headers: { Accept: "application/json" },
          credentials: "same-origin"
        })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (words) {
            if (input.value !== text) {
              return;
            }
            list.textContent = "";
            words.forEach(function (word) {
              var option = document.createElement("option");
              option.value = word;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience; the search works without them */ });
      }, 150);
    });
  });
})();
