/* Troop-presence map: compact time-aware layers for Leaflet (used by service/render).
 *
 * Every string in the payloads is HTML that the Python side has already escaped
 * (service/render/escape.py); this file only joins those fragments with constant markup.
 * It never turns raw text into HTML.
 *
 * Payload tables (built by service/render/maps.py):
 *   S  strings (escaped HTML fragments)
 *   T  row states: [status, basis, radius, levelS, asOfS, [quoteS...], extraS, actorS, areaClass,
 *      shortLevelS]
 *   steps, stepLabels (S indexes), step (initial index)
 * Sites:  [lat, lon, headerS, nameS, cssClass, precision(0 point, 1 city), rle]
 *         rle = [step, stateT, step, stateT, ...]; stateT -1 = absent from that step on.
 */
(function () {
  "use strict";
  var STATUS = ["present", "reduced", "withdrawn", "advisory"];
  var BASIS = ["reported", "projected"];
  var COLORS = { present: "#b2182b", reduced: "#e08214", withdrawn: "#6b6b6b", advisory: "#2166ac" };
  var AREA = ["#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"];
  var CHANGE = ["left", "arrived", "reduced", "increased", "moved", "status"];
  var CHANGE_SYM = { left: "\u2212", arrived: "+", reduced: "\u2193", increased: "\u2191", moved: "\u2192", status: "\u2022" };

  var TPM = (window.TPM = window.TPM || {});
  TPM.layers = [];
  TPM.sitesByPlace = {};

  function stateAt(rle, step) {
    var cur = -1;
    for (var i = 0; i < rle.length; i += 2) {
      if (rle[i] <= step) cur = rle[i + 1];
      else break;
    }
    return cur;
  }

  function tr(th, td) {
    return "<tr><th>" + th + "</th><td>" + td + "</td></tr>";
  }

  function chip(statusIdx) {
    var s = STATUS[statusIdx];
    return '<span class="tpm-chip tpm-st-' + s + '">' + TPM.I[s] + "</span>";
  }

  function quotes(list) {
    if (!list || !list.length) return '<p class="tpm-noquote">' + TPM.I.no_quote + "</p>";
    var h = '<div class="tpm-quotes"><div class="tpm-qh">' + TPM.I.sources + "</div>";
    for (var i = 0; i < list.length; i++) h += TPM.S[list[i]];
    return h + "</div>";
  }

  function stateBlock(si, withActor) {
    var st = TPM.T[si], S = TPM.S, I = TPM.I;
    var h = "";
    if (withActor && st[7] >= 0) h += '<div class="tpm-actor">' + S[st[7]] + "</div>";
    h += '<table class="tpm-facts">' +
      tr(I.level, '<bdi dir="ltr" class="tpm-level">' + S[st[3]] + "</bdi>") +
      (st[4] >= 0 ? tr(I.as_of, '<bdi dir="ltr">' + S[st[4]] + "</bdi>") : "") +
      tr(I.status, chip(st[0])) +
      tr(I.basis, '<span class="tpm-basis-' + BASIS[st[1]] + '">' + I[BASIS[st[1]]] + "</span>") +
      "</table>";
    if (st[6] >= 0) h += S[st[6]];
    return h + quotes(st[5]);
  }

  TPM.popup = function (headerS, states, withActor) {
    var h = '<div class="tpm-pop" dir="' + (TPM.rtl ? "rtl" : "ltr") + '" lang="' + TPM.lang + '">' +
      TPM.S[headerS];
    for (var i = 0; i < states.length; i++) h += stateBlock(states[i], withActor);
    return h + "</div>";
  };

  function pane(map, name, z) {
    var el = map.getPane(name) || map.createPane(name);
    el.style.zIndex = z;
    return el;
  }

  TPM.init = function (map, data) {
    TPM.map = map;
    TPM.S = data.S;
    TPM.T = data.T;
    TPM.I = data.I;
    TPM.lang = data.lang;
    TPM.rtl = !!data.rtl;
    TPM.steps = data.steps;
    TPM.stepLabels = data.stepLabels;
    TPM.step = data.step;
    TPM.labels = !!data.labels;
    TPM.changeLabels = !!data.changeLabels;
    pane(map, "tpm-base", 250);
    pane(map, "tpm-base-labels", 260).style.pointerEvents = "none";
    pane(map, "tpm-country", 300);
    pane(map, "tpm-region", 320);
    pane(map, "tpm-mentioned", 410);
    pane(map, "tpm-arrows", 430);
    pane(map, "tpm-sites", 450);
    pane(map, "tpm-changes", 470);
    pane(map, "tpm-area-labels", 640).style.pointerEvents = "none";
    var c = map.getContainer();
    c.classList.add("tpm-map");
    if (data.offline) c.classList.add("tpm-offline");
    if (TPM.rtl) c.classList.add("tpm-rtl");
    function zoomClass() {
      var z = map.getZoom();
      c.classList.toggle("tpm-z-lo", z < 6);
      c.classList.toggle("tpm-z-hi", z >= 8);
    }
    map.on("zoomend", zoomClass);
    map.whenReady(zoomClass);
    map.on("zoomend overlayadd overlayremove", function () { TPM.declutter(); });
    map.whenReady(function () { setTimeout(TPM.declutter, 0); });
    if (data.attribution && map.attributionControl) map.attributionControl.addAttribution(data.attribution);
  };

  TPM.setStep = function (i) {
    i = Math.max(0, Math.min(TPM.steps.length - 1, i | 0));
    TPM.step = i;
    for (var k = 0; k < TPM.layers.length; k++) TPM.layers[k].update(i);
    if (TPM.slider) TPM.slider.show(i);
    TPM.declutter();
    if (TPM.map) TPM.map.fire("tpm:step", { step: i, date: TPM.steps[i] });
  };

  // ------------------------------------------------------------------ label placement
  function overlaps(a, b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  /* Place permanent site labels where they do not cover another label or symbol:
   * right (left in Arabic), then the other side, above, below; else hide the label. */
  TPM.declutter = function () {
    var map = TPM.map;
    if (!map || !TPM.labels) return;
    var recs = [], boxes = [];
    TPM.layers.forEach(function (l) {
      (l.sites || []).forEach(function (r) {
        if (r.state >= 0 && map.hasLayer(r.marker)) recs.push(r);
      });
    });
    recs.forEach(function (r, i) {
      var p = map.latLngToContainerPoint(r.marker.getLatLng()), rad = r.marker.getRadius();
      r._p = p;
      r._i = i;
      boxes.push([p.x - rad, p.y - rad, p.x + rad, p.y + rad, i]);
    });
    var cont = map.getContainer().getBoundingClientRect();
    document.querySelectorAll(".tpm-area-label .tpm-al-in").forEach(function (el) {
      var b = el.getBoundingClientRect();
      boxes.push([b.left - cont.left, b.top - cont.top, b.right - cont.left, b.bottom - cont.top, -1]);
    });
    recs.sort(function (a, b) { return b.marker.getRadius() - a.marker.getRadius(); });
    recs.forEach(function (r) {
      var tt = r.marker.getTooltip(), el = tt && tt.getElement();
      if (!el) return;
      var w = el.offsetWidth, h = el.offsetHeight, rad = r.marker.getRadius() + 3, p = r._p;
      var cand = {
        right: [[p.x + rad, p.y - h / 2, p.x + rad + w, p.y + h / 2], [rad, 0]],
        left: [[p.x - rad - w, p.y - h / 2, p.x - rad, p.y + h / 2], [-rad, 0]],
        top: [[p.x - w / 2, p.y - rad - h, p.x + w / 2, p.y - rad], [0, -rad]],
        bottom: [[p.x - w / 2, p.y + rad, p.x + w / 2, p.y + rad + h], [0, rad]]
      };
      var order = TPM.rtl ? ["left", "right", "top", "bottom"] : ["right", "left", "top", "bottom"];
      var choice = null;
      for (var k = 0; k < order.length && !choice; k++) {
        var box = cand[order[k]][0], free = true;
        for (var j = 0; j < boxes.length && free; j++) {
          if (boxes[j][4] !== r._i && overlaps(boxes[j], box)) free = false;
        }
        if (free) choice = order[k];
      }
      el.classList.toggle("tpm-label-hidden", !choice);
      if (!choice) return;
      tt.options.direction = choice;
      tt.options.offset = L.point(cand[choice][1]);
      tt.update();
      var b = cand[choice][0];
      boxes.push([b[0], b[1], b[2], b[3], -1]);
    });
  };

  // ------------------------------------------------------------------ sites
  function siteStyle(st, site) {
    var status = STATUS[st[0]], projected = st[1] === 1, color = COLORS[status];
    var withdrawn = status === "withdrawn";
    return {
      radius: withdrawn ? 6 : st[2],
      color: color,
      weight: withdrawn ? 2 : 1.5,
      opacity: 1,
      fillColor: color,
      fillOpacity: withdrawn ? 0 : projected ? 0.18 : 0.72,
      dashArray: projected ? "4 3" : null,
      className: "tpm-site tpm-st-" + status + " tpm-b-" + BASIS[st[1]] + " tpm-pl-" + site[4]
    };
  }

  function setClass(layer, cls) {
    layer.options.className = cls;
    if (layer._path) layer._path.setAttribute("class", "leaflet-interactive " + cls);
  }

  TPM.sites = function (group, data) {
    var layer = { sites: [] };
    data.sites.forEach(function (site) {
      var m = L.circleMarker([site[0], site[1]], {
        pane: "tpm-sites", radius: 5, className: "tpm-site tpm-pl-" + site[4], bubblingMouseEvents: false
      });
      var rec = { site: site, marker: m, state: -2, halo: null };
      if (site[5] === 1) {
        rec.halo = L.circleMarker([site[0], site[1]], {
          pane: "tpm-sites", radius: 10, interactive: false, fill: false, weight: 1.2,
          dashArray: "1 3", className: "tpm-halo"
        });
      }
      m.bindPopup(function () {
        return rec.state >= 0 ? TPM.popup(site[2], [rec.state], false) : "";
      }, { maxWidth: 380, minWidth: 260, className: "tpm-popup" });
      (TPM.sitesByPlace[site[4]] = TPM.sitesByPlace[site[4]] || []).push(rec);
      layer.sites.push(rec);
    });
    layer.update = function (step) {
      layer.sites.forEach(function (rec) {
        var si = stateAt(rec.site[6], step);
        if (si === rec.state) return;
        rec.state = si;
        var m = rec.marker;
        if (si < 0) {
          group.removeLayer(m);
          if (rec.halo) group.removeLayer(rec.halo);
          return;
        }
        var st = TPM.T[si], style = siteStyle(st, rec.site);
        setClass(m, style.className);
        m.setStyle(style);
        m.setRadius(style.radius);
        var label = '<span dir="' + (TPM.rtl ? "rtl" : "ltr") + '">' + TPM.S[rec.site[3]] +
          ' <bdi dir="ltr" class="tpm-lv">' + TPM.S[st[9]] + "</bdi></span>";
        m.unbindTooltip();
        m.bindTooltip(label, {
          permanent: TPM.labels, direction: TPM.rtl ? "left" : "right",
          offset: [TPM.rtl ? -(style.radius + 2) : style.radius + 2, 0],
          className: "tpm-label tpm-label-" + STATUS[st[0]], opacity: 1
        });
        if (!group.hasLayer(m)) group.addLayer(m);
        if (rec.halo) {
          rec.halo.setStyle({ color: style.color });
          rec.halo.setRadius(style.radius + 6);
          if (!group.hasLayer(rec.halo)) group.addLayer(rec.halo);
        }
        if (m.isPopupOpen()) m.setPopupContent(TPM.popup(rec.site[2], [si], false));
      });
    };
    TPM.layers.push(layer);
    layer.update(TPM.step);
    return layer;
  };

  // ------------------------------------------------------------------ areas (choropleth)
  TPM.areas = function (group, data) {
    var layer = { areas: [] };
    data.areas.forEach(function (a) {
      var country = a[5] === "country";
      var poly = L.geoJSON(a[0], {
        pane: country ? "tpm-country" : "tpm-region",
        style: { weight: 1.5, color: "#54278f", fillOpacity: 0.5 }
      });
      var lab = L.marker([a[1], a[2]], {
        pane: "tpm-area-labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "tpm-area-label", html: "", iconSize: null })
      });
      var rec = { a: a, poly: poly, lab: lab, state: -2, country: country };
      poly.bindPopup(function () {
        return rec.state >= 0 ? TPM.popup(a[3], data.A[rec.state][0], true) : "";
      }, { maxWidth: 380, minWidth: 260, className: "tpm-popup" });
      layer.areas.push(rec);
    });
    layer.update = function (step) {
      layer.areas.forEach(function (rec) {
        var ai = stateAt(rec.a[6], step);
        if (ai === rec.state) return;
        rec.state = ai;
        if (ai < 0) {
          group.removeLayer(rec.poly);
          group.removeLayer(rec.lab);
          return;
        }
        var A = data.A[ai], cls = A[1], status = STATUS[A[2]], projected = A[3] === 1;
        var withdrawn = status === "withdrawn";
        rec.poly.setStyle({
          fillColor: AREA[cls], fillOpacity: withdrawn ? 0 : rec.country ? 0.42 : 0.62,
          color: withdrawn ? COLORS.withdrawn : "#54278f", weight: rec.country ? 1.4 : 1.6,
          dashArray: projected || withdrawn ? "6 4" : null
        });
        rec.poly.eachLayer(function (l) {
          if (l._path) l._path.setAttribute("class", "leaflet-interactive tpm-area tpm-st-" + status);
          l.options.className = "tpm-area tpm-st-" + status;
        });
        rec.lab.setIcon(L.divIcon({
          className: "tpm-area-label tpm-st-" + status + (projected ? " tpm-b-projected" : ""),
          html: '<div class="tpm-al-in" dir="' + (TPM.rtl ? "rtl" : "ltr") + '"><span class="tpm-al-name">' + TPM.S[rec.a[4]] + "</span>" +
            TPM.S[A[4]] + "</div>",
          iconSize: null
        }));
        if (!group.hasLayer(rec.poly)) group.addLayer(rec.poly);
        if (!group.hasLayer(rec.lab)) group.addLayer(rec.lab);
      });
    };
    TPM.layers.push(layer);
    layer.update(TPM.step);
    return layer;
  };

  // ------------------------------------------------------------------ arrows
  function curve(from, to, bend) {
    var map = TPM.map, p0 = map.project(from, 0), p2 = map.project(to, 0);
    var d = p2.subtract(p0), mid = p0.add(p2).divideBy(2);
    var p1 = mid.add(L.point(-d.y, d.x).multiplyBy(bend));
    var pts = [];
    for (var k = 0; k <= 24; k++) {
      var t = k / 24, u = 1 - t;
      pts.push(map.unproject(L.point(u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
        u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y), 0));
    }
    var q = map.project(pts[pts.length - 3], 0);
    var angle = Math.atan2(p2.y - q.y, p2.x - q.x) * 180 / Math.PI;
    return { pts: pts, angle: angle };
  }

  TPM.arrow = function (group, a, color) {
    // a = [lat1, lon1, lat2, lon2, basis, tooltipS, popupS]
    var c = curve(L.latLng(a[0], a[1]), L.latLng(a[2], a[3]), 0.18);
    var projected = a[4] === 1;
    var line = L.polyline(c.pts, {
      pane: "tpm-arrows", color: color || "#1f1f1f", weight: 2.6, opacity: 0.9,
      dashArray: projected ? "7 5" : null, className: "tpm-arrow tpm-b-" + BASIS[a[4]]
    });
    var head = L.marker([a[2], a[3]], {
      pane: "tpm-arrows", interactive: false, keyboard: false,
      icon: L.divIcon({
        className: "tpm-arrowhead", iconSize: [22, 22], iconAnchor: [11, 11],
        html: '<svg width="22" height="22" viewBox="0 0 22 22" style="transform:rotate(' +
          c.angle.toFixed(1) + 'deg)"><path d="M21 11 L5 4 L9 11 L5 18 Z" fill="' +
          (color || "#1f1f1f") + '"/></svg>'
      })
    });
    if (a[5] >= 0) line.bindTooltip(TPM.S[a[5]], { sticky: true, className: "tpm-label" });
    if (a[6] >= 0) line.bindPopup(TPM.S[a[6]], { maxWidth: 380, className: "tpm-popup" });
    group.addLayer(line);
    group.addLayer(head);
    return line;
  };

  TPM.arrows = function (group, items) {
    items.forEach(function (a) { TPM.arrow(group, a); });
  };

  // ------------------------------------------------------------------ points of other layers
  TPM.dots = function (group, items) {
    items.forEach(function (d) {
      var m = L.circleMarker([d[0], d[1]], {
        pane: "tpm-mentioned", radius: 3.5, weight: 1, color: "#6d7a86", fillColor: "#ffffff",
        fillOpacity: 1, className: "tpm-mentioned"
      });
      m.bindTooltip(TPM.S[d[2]], { className: "tpm-label tpm-label-muted" });
      if (d[3] >= 0) m.bindPopup(TPM.S[d[3]], { className: "tpm-popup", maxWidth: 320 });
      group.addLayer(m);
    });
  };

  TPM.phase = function (group, items) {
    // [lat, lon, statusIdx, labelS, popupS]
    items.forEach(function (d) {
      var color = COLORS[STATUS[d[2]]];
      var m = L.circleMarker([d[0], d[1]], {
        pane: "tpm-changes", radius: 15, weight: 2, color: color, fill: true, fillOpacity: 0,
        dashArray: "3 4", className: "tpm-phase tpm-st-" + STATUS[d[2]]
      });
      m.bindTooltip(TPM.S[d[3]], {
        permanent: TPM.labels, direction: "bottom", offset: [0, 14],
        className: "tpm-label tpm-label-phase"
      });
      if (d[4] >= 0) m.bindPopup(TPM.S[d[4]], { className: "tpm-popup", maxWidth: 380 });
      group.addLayer(m);
    });
  };

  TPM.changes = function (group, items) {
    // [lat, lon, kindIdx, labelS, popupS, (lat2, lon2 for moves)]
    var colors = { left: "#6b6b6b", arrived: "#1a9850", reduced: "#e08214", increased: "#b2182b", moved: "#1f1f1f", status: "#2166ac" };
    items.forEach(function (d) {
      var kind = CHANGE[d[2]];
      if (kind === "moved" && d.length > 6) {
        TPM.arrow(group, [d[0], d[1], d[5], d[6], 0, d[3], d[4]], colors.moved);
        return;
      }
      var m = L.marker([d[0], d[1]], {
        pane: "tpm-changes", keyboard: false,
        icon: L.divIcon({
          className: "tpm-change tpm-ch-" + kind, iconSize: [24, 24], iconAnchor: [12, 12],
          html: '<span style="border-color:' + colors[kind] + ";color:" + colors[kind] + '">' +
            CHANGE_SYM[kind] + "</span>"
        })
      });
      m.bindTooltip('<span dir="' + (TPM.rtl ? "rtl" : "ltr") + '">' + TPM.S[d[3]] + "</span>", {
        permanent: TPM.changeLabels, direction: TPM.rtl ? "left" : "right", offset: [TPM.rtl ? -13 : 13, 0],
        className: "tpm-label"
      });
      if (d[4] >= 0) m.bindPopup(TPM.S[d[4]], { className: "tpm-popup", maxWidth: 380 });
      group.addLayer(m);
    });
  };

  // ------------------------------------------------------------------ offline basemap
  TPM.basemap = function (group, data, kind) {
    var country = kind === "country";
    var style = country ?
      { color: "#8d98a3", weight: 0.9, fillColor: "#f6f4ee", fillOpacity: data.tiles ? 0 : 1 } :
      { color: "#aab3bb", weight: 0.6, dashArray: "3 3", fill: false };
    group.addLayer(L.geoJSON(data.fc, { pane: "tpm-base", interactive: false, style: style }));
    (data.labels || []).forEach(function (l) {
      group.addLayer(L.marker([l[0], l[1]], {
        pane: "tpm-base-labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "tpm-base-label tpm-bl-" + kind, html: TPM.S[l[2]], iconSize: null })
      }));
    });
  };

  // ------------------------------------------------------------------ controls
  TPM.html = function (map, html, position, cls) {
    var Ctl = L.Control.extend({
      onAdd: function () {
        var div = L.DomUtil.create("div", cls);
        div.innerHTML = html;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      }
    });
    return new Ctl({ position: position }).addTo(map);
  };

  TPM.title = function (map, html) {
    var div = L.DomUtil.create("div", "tpm-title", map.getContainer());
    div.setAttribute("dir", TPM.rtl ? "rtl" : "ltr");
    div.innerHTML = html;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };

  TPM.addSlider = function (map, position) {
    var n = TPM.steps.length, I = TPM.I;
    var Ctl = L.Control.extend({
      onAdd: function () {
        var div = L.DomUtil.create("div", "tpm-slider leaflet-bar");
        div.setAttribute("dir", TPM.rtl ? "rtl" : "ltr");
        var ticks = "";
        for (var i = 0; i < n; i++) ticks += "<option value=\"" + i + "\"></option>";
        div.innerHTML =
          '<div class="tpm-sl-row">' +
          '<button type="button" class="tpm-prev" title="' + I.prev + '" aria-label="' + I.prev + '">\u2039</button>' +
          '<button type="button" class="tpm-play" title="' + I.play + '" aria-label="' + I.play + '">\u25B6</button>' +
          '<button type="button" class="tpm-next" title="' + I.next + '" aria-label="' + I.next + '">\u203A</button>' +
          '<input type="range" class="tpm-range" min="0" max="' + (n - 1) + '" step="1" value="' + TPM.step +
          '" list="tpm-ticks" aria-label="' + I.date + '">' +
          '<datalist id="tpm-ticks">' + ticks + "</datalist>" +
          '<output class="tpm-date" aria-live="polite"></output></div>' +
          '<div class="tpm-sl-ends"><span>' + TPM.S[TPM.stepLabels[0]] + "</span><span>" +
          TPM.S[TPM.stepLabels[n - 1]] + "</span></div>";
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        var range = div.querySelector(".tpm-range"), out = div.querySelector(".tpm-date");
        var play = div.querySelector(".tpm-play"), timer = null;
        range.addEventListener("input", function () { TPM.setStep(+range.value); });
        range.addEventListener("change", function () { TPM.setStep(+range.value); });
        div.querySelector(".tpm-prev").addEventListener("click", function () { TPM.setStep(TPM.step - 1); });
        div.querySelector(".tpm-next").addEventListener("click", function () { TPM.setStep(TPM.step + 1); });
        function stop() {
          if (timer) clearInterval(timer);
          timer = null;
          play.textContent = "\u25B6";
          play.title = I.play;
        }
        play.addEventListener("click", function () {
          if (timer) return stop();
          if (TPM.step >= n - 1) TPM.setStep(0);
          play.textContent = "\u275A\u275A";
          play.title = I.pause;
          timer = setInterval(function () {
            if (TPM.step >= n - 1) return stop();
            TPM.setStep(TPM.step + 1);
          }, 1200);
        });
        TPM.slider = {
          show: function (i) {
            range.value = String(i);
            out.innerHTML = '<bdi dir="ltr">' + TPM.S[TPM.stepLabels[i]] + "</bdi>";
            div.setAttribute("data-step", String(i));
            div.setAttribute("data-date", TPM.steps[i]);
          }
        };
        TPM.slider.show(TPM.step);
        return div;
      }
    });
    return new Ctl({ position: position }).addTo(map);
  };
})();
