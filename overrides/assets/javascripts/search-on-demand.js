// Search fetches its index (search/search_index.json, about a fifth of a first visit's download) and
// starts its worker (the script that searches, about an eighth) only when the reader goes to the
// search box: most visits never search, and on a slow phone line they would compete with the page.
// Material asks for the index as soon as a page opens, over XMLHttpRequest; this holds that one
// request back until the search box gets focus (a tap, a click, or the / key). Material also starts
// its worker at once; here it gets a stand-in that starts the real worker on Material's first
// message to it, which is the index, so after the reader has gone to search. It lets both through at
// once when the address needs the index: a shared search link (?q=) or a page opened from a search
// result, whose words Material marks (?h=). Every other request and worker passes untouched. It
// must load before Material's bundle (overrides/main.html). Until the index arrives, Material shows
// "Initializing search".
(function () {
  if (/[?&][qh]=/.test(location.search)) return;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var released = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.isSearchIndex && !released) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (event) {
    if (released || !event.target.closest || !event.target.closest("form[name=search]")) return;
    released = true;
    held.forEach(function (call) { send.apply(call[0], call[1]); });
  });

  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(new URL(url, location.href).pathname)) {
      return new RealWorker(url, options);
    }
    // Material listens to a worker with addEventListener, Zensical with onmessage and onerror: the
    // stand-in passes each event of the real worker on both ways.
    var standIn = new EventTarget();
    var worker = null;
    function passOn(type, copy) {
      return function (event) {
        var passed = copy(event);
        if (typeof standIn["on" + type] === "function") standIn["on" + type](passed);
        standIn.dispatchEvent(passed);
      };
    }
    standIn.postMessage = function (message, transfer) {
      if (!worker) {
        worker = new RealWorker(url, options);
        var copyMessage = function (event) { return new MessageEvent(event.type, { data: event.data }); };
        worker.onmessage = passOn("message", copyMessage);
        worker.onmessageerror = passOn("messageerror", copyMessage);
        worker.onerror = passOn("error", function (event) { return new ErrorEvent("error", { message: event.message }); });
      }
      worker.postMessage(message, transfer);
    };
    standIn.terminate = function () {
      if (worker) worker.terminate();
    };
    return standIn;
  };
})();
