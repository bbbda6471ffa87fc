/* frontlines map page. Works offline: Leaflet, topojson-client and Natural Earth shapes are vendored.
 * Article text and every other value from the store are untrusted: the DOM is built with createElement and
 * textContent only (never innerHTML with data). */
(function () {
  "use strict";

  // Colours by ACLED event type (ColorBrewer-like, distinguishable on the light map).
  const TYPE_COLOURS = {
    "Battles": "#d7301f",
    "Explosions/Remote violence": "#f16913",
    "Violence against civilians": "#6a51a3",
    "Protests": "#2b8cbe",
    "Riots": "#e7298a",
    "Strategic developments": "#41ab5d",
  };
  const OTHER_COLOUR = "#555555";
  const PAGE = 1000; // the API's largest page
  const MAX_EVENTS = 5000; // stop loading beyond this many events (the status line says so)
  const CELL_PX = 44; // grid clustering cell, in screen pixels
  const CLUSTER_BELOW_ZOOM = 11; // from this zoom on, every event is drawn on its own
  const DAY_MS = 86400000;
  const FILTER_NAMES = ["since", "until", "country", "admin1", "event_type", "sub_event_type", "actor",
    "min_fatalities", "q", "near"];

  const state = { events: [], bins: [], interval: "day", brush: null, shown: 0, scale: null };
  window.__fl = state; // read by the browser tests

  // ---- small DOM helpers (text only) ----
  function el(tag, options, children) {
    const node = document.createElement(tag);
    const opts = options || {};
    if (opts.text !== undefined && opts.text !== null) node.textContent = String(opts.text);
    if (opts.cls) node.className = opts.cls;
    if (opts.title) node.title = String(opts.title);
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }
  function svgEl(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function colour(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }
  function setStatus(text, isError) {
    const status = document.getElementById("status");
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const detail = typeof body.detail === "string" ? body.detail
        : Array.isArray(body.detail) ? body.detail.map(function (d) { return (d.loc || []).slice(-1)[0] + ": " + d.msg; }).join("; ")
          : response.statusText;
      throw new Error(detail);
    }
    return body;
  }

  // ---- filters ----
  function filterParams() {
    const form = document.getElementById("filters");
    const params = new URLSearchParams();
    FILTER_NAMES.forEach(function (name) {
      const value = (form.elements[name].value || "").trim();
      if (value) params.set(name, value);
    });
    if (form.elements.in_view.checked) {
      const b = map.getBounds();
      const clamp = function (v, lo, hi) { return Math.min(hi, Math.max(lo, v)); };
      params.set("bbox", [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
        clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map(function (v) { return v.toFixed(4); }).join(","));
    }
    return params;
  }

  // ---- map ----
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, zoomSnap: 0.5 }).setView([15, 20], 3);
  const markerLayer = L.layerGroup().addTo(map);
  map.attributionControl.addAttribution("Countries: Natural Earth (public domain) via world-atlas");

  async function loadCountries() {
    try {
      const world = await getJSON("/static/vendor/world-atlas/countries-110m.json");
      const countries = topojson.feature(world, world.objects.countries);
      L.geoJSON(countries, {
        style: { color: "#90a4ae", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
        interactive: false,
      }).addTo(map).bringToBack();
    } catch (err) {
      setStatus("Could not load the country shapes: " + err.message, true);
    }
  }

  function inBrush(event) {
    if (!state.brush) return true;
    const day = event.event_date;
    return Boolean(day) && day >= state.brush.start && day <= state.brush.end;
  }

  function visibleEvents() {
    return state.events.filter(function (e) {
      return e.latitude !== null && e.longitude !== null && inBrush(e);
    });
  }

  function radius(fatalities) { return 5 + 2.2 * Math.sqrt(fatalities || 0); }

  function eventMarker(event) {
    const marker = L.circleMarker([event.latitude, event.longitude], {
      radius: radius(event.fatalities), color: "#ffffff", weight: 1, fillColor: colour(event.event_type),
      fillOpacity: 0.85, className: "fl-event",
    });
    const tip = el("div", {}, [
      el("strong", { text: event.event_date || "undated" }), document.createTextNode(" "),
      document.createTextNode(event.sub_event_type || event.event_type || ""), el("br"),
      document.createTextNode((event.location || "") + (event.fatalities != null ? " · " + event.fatalities + " killed" : "")),
    ]);
    marker.bindTooltip(tip);
    marker.on("click", function () { openEvent(event.event_id); });
    return marker;
  }

  function dominantType(members) {
    const counts = new Map();
    members.forEach(function (e) { counts.set(e.event_type, (counts.get(e.event_type) || 0) + 1); });
    let best = null, most = 0;
    counts.forEach(function (n, type) { if (n > most) { best = type; most = n; } });
    return best;
  }

  function clusterMarker(members) {
    let lat = 0, lon = 0;
    members.forEach(function (e) { lat += e.latitude; lon += e.longitude; });
    const size = Math.min(CELL_PX - 6, Math.round(20 + 3 * Math.log2(members.length)));
    const label = el("div", { cls: "fl-cluster-icon", text: members.length });
    label.style.width = label.style.height = size + "px";
    label.style.borderColor = colour(dominantType(members)); // the ring shows the most frequent event type
    const marker = L.marker([lat / members.length, lon / members.length], {
      icon: L.divIcon({ html: label, className: "fl-cluster", iconSize: [size, size] }),
      title: members.length + " events: click to zoom in",
    });
    marker.on("click", function () {
      const bounds = L.latLngBounds(members.map(function (e) { return [e.latitude, e.longitude]; }));
      map.fitBounds(bounds.pad(0.3), { maxZoom: Math.max(map.getZoom() + 2, Math.min(CLUSTER_BELOW_ZOOM, 14)) });
    });
    return marker;
  }

  // Grid clustering: events whose screen points fall into one CELL_PX cell become one marker (below a zoom).
  function cells(events) {
    const zoom = map.getZoom();
    const groups = new Map();
    events.forEach(function (e) {
      const p = map.project([e.latitude, e.longitude], zoom);
      const key = zoom >= CLUSTER_BELOW_ZOOM ? e.event_id : Math.floor(p.x / CELL_PX) + ":" + Math.floor(p.y / CELL_PX);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    });
    return Array.from(groups.values());
  }

  function renderMarkers() {
    markerLayer.clearLayers();
    const events = visibleEvents();
    cells(events).forEach(function (group) {
      markerLayer.addLayer(group.length === 1 ? eventMarker(group[0]) : clusterMarker(group));
    });
    state.shown = events.length;
    const brushText = state.brush ? " between " + state.brush.start + " and " + state.brush.end : "";
    const matchText = state.capped ? "more than " + state.events.length + " match the filters (only the first "
      + state.events.length + " loaded: narrow the filters)" : state.events.length + " match the filters";
    const partial = state.timelineTruncated ? " · timeline from the first 20,000 events" : "";
    const unplaced = state.events.length > events.length && !state.brush ? " (some without coordinates)" : "";
    setStatus(events.length + " events on the map" + brushText + " · " + matchText + unplaced + partial);
    document.body.dataset.shown = String(events.length);
  }
  map.on("zoomend", renderMarkers);

  function fitToEvents() {
    const points = state.events.filter(function (e) { return e.latitude !== null && e.longitude !== null; })
      .map(function (e) { return [e.latitude, e.longitude]; });
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 8 });
  }

  function renderLegend() {
    const legend = document.getElementById("legend");
    clear(legend);
    Object.keys(TYPE_COLOURS).forEach(function (type) {
      const item = el("span", { text: type });
      item.style.setProperty("--c", TYPE_COLOURS[type]);
      legend.append(item);
    });
    legend.append(el("span", { text: "circle size: fatalities · dark discs: clusters, ringed by their commonest type (click to zoom)" }));
  }

  // ---- timeline (SVG bar chart with a brush) ----
  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function isoDay(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

  function renderTimeline() {
    const svg = document.getElementById("timeline");
    clear(svg);
    const width = svg.clientWidth || 800, height = svg.clientHeight || 90;
    const step = state.interval === "week" ? 7 : 1;
    if (!state.bins.length) {
      svg.append(Object.assign(svgEl("text", { x: 8, y: 20 }), { textContent: "No dated events." }));
      state.scale = null;
      return;
    }
    const first = dayNumber(state.bins[0].period), last = dayNumber(state.bins[state.bins.length - 1].period) + step;
    const pad = 4, top = 4, bottom = 16;
    const perDay = (width - 2 * pad) / Math.max(1, last - first);
    const maxCount = Math.max.apply(null, state.bins.map(function (b) { return b.events; }));
    state.scale = { first: first, last: last, pad: pad, perDay: perDay, step: step };
    state.bins.forEach(function (bin) {
      const start = dayNumber(bin.period);
      const h = Math.max(2, (height - top - bottom) * bin.events / maxCount);
      const bar = svgEl("rect", {
        x: pad + (start - first) * perDay, y: height - bottom - h,
        width: Math.max(1, step * perDay - 1), height: h, class: "bar",
      });
      bar.dataset.period = bin.period;
      const tip = svgEl("title");
      tip.textContent = bin.period + ": " + bin.events + " events, " + bin.fatalities + " killed";
      bar.append(tip);
      svg.append(bar);
    });
    [[pad, "start", state.bins[0].period], [width - pad, "end", isoDay(last - 1)]].forEach(function (t) {
      const label = svgEl("text", { x: t[0], y: height - 3, "text-anchor": t[1] });
      label.textContent = t[2];
      svg.append(label);
    });
    markSelectedBars();
  }

  function markSelectedBars() {
    document.querySelectorAll("#timeline .bar").forEach(function (bar) {
      const p = bar.dataset.period;
      bar.classList.toggle("selected", Boolean(state.brush) && p >= state.brush.firstBin && p <= state.brush.end);
    });
    document.getElementById("clear-brush").classList.toggle("hidden", !state.brush);
  }

  // The bins under the pixel range [x0, x1] (snapped to whole bins), or null when none is there.
  function brushFor(x0, x1) {
    const s = state.scale;
    if (!s) return null;
    const lo = Math.min(x0, x1), hi = Math.max(x0, x1);
    const picked = state.bins.filter(function (bin) {
      const left = s.pad + (dayNumber(bin.period) - s.first) * s.perDay;
      return left + s.step * s.perDay >= lo && left <= hi;
    });
    if (!picked.length) return null;
    const lastBin = picked[picked.length - 1].period;
    return { firstBin: picked[0].period, start: picked[0].period, end: isoDay(dayNumber(lastBin) + s.step - 1) };
  }

  function setupBrush() {
    const svg = document.getElementById("timeline");
    let startX = null, rect = null;
    function localX(evt) { return evt.clientX - svg.getBoundingClientRect().left; }
    svg.addEventListener("pointerdown", function (evt) {
      startX = localX(evt);
      svg.setPointerCapture(evt.pointerId);
      rect = svgEl("rect", { x: startX, y: 0, width: 0, height: svg.clientHeight, class: "brush" });
      svg.append(rect);
    });
    svg.addEventListener("pointermove", function (evt) {
      if (startX === null || !rect) return;
      const x = localX(evt);
      rect.setAttribute("x", String(Math.min(x, startX)));
      rect.setAttribute("width", String(Math.abs(x - startX)));
    });
    svg.addEventListener("pointerup", function (evt) {
      if (startX === null) return;
      const x = localX(evt);
      state.brush = Math.abs(x - startX) < 3 ? null : brushFor(startX, x);
      startX = null;
      if (rect) rect.remove();
      rect = null;
      markSelectedBars();
      renderMarkers();
    });
    document.getElementById("clear-brush").addEventListener("click", function () {
      state.brush = null;
      markSelectedBars();
      renderMarkers();
    });
  }

  // ---- loading ----
  async function loadEvents(params) {
    const events = [];
    let offset = 0;
    state.capped = false;
    while (offset !== null && events.length < MAX_EVENTS) {
      const query = new URLSearchParams(params);
      query.set("limit", String(PAGE));
      query.set("offset", String(offset));
      const page = await getJSON("/api/events?" + query.toString());
      events.push.apply(events, page.items);
      offset = page.next_offset;
    }
    state.capped = offset !== null;
    return events;
  }

  async function refresh(fit) {
    const params = filterParams();
    state.interval = document.getElementById("filters").elements.interval.value;
    setStatus("Loading…");
    try {
      const timelineQuery = new URLSearchParams(params);
      timelineQuery.set("interval", state.interval);
      const results = await Promise.all([loadEvents(params), getJSON("/api/stats/timeline?" + timelineQuery)]);
      state.events = results[0];
      state.bins = results[1].bins;
      state.timelineTruncated = results[1].truncated;
      state.brush = null;
      renderTimeline();
      if (fit) fitToEvents();
      renderMarkers();
      loadTerritory(params);
    } catch (err) {
      setStatus("Filter error: " + err.message, true);
    }
    document.body.dataset.ready = "1";
  }

  // ---- event panel ----
  // Pieces of the text split at every evidence boundary, each with the evidence fields covering it.
  function pieces(text, evidence) {
    const spans = [];
    Object.keys(evidence || {}).forEach(function (field) {
      (evidence[field] || []).forEach(function (s) {
        if (Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= text.length) {
          spans.push({ start: s.start, end: s.end, field: field });
        }
      });
    });
    const cuts = new Set([0, text.length]);
    spans.forEach(function (s) { cuts.add(s.start); cuts.add(s.end); });
    const sorted = Array.from(cuts).sort(function (a, b) { return a - b; });
    const out = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i], b = sorted[i + 1];
      const fields = spans.filter(function (s) { return s.start <= a && s.end >= b; }).map(function (s) { return s.field; });
      out.push({ text: text.slice(a, b), fields: Array.from(new Set(fields)) });
    }
    return out;
  }

  function highlightedText(text, evidence) {
    const box = el("div", { cls: "source-text" });
    // The event's sentence ("notes") is shaded; the evidence of each field inside it is marked.
    pieces(text, evidence).forEach(function (piece) {
      const fields = piece.fields.filter(function (f) { return f !== "notes"; });
      if (fields.length) {
        box.append(el("mark", { cls: "evidence", text: piece.text, title: "evidence for: " + fields.join(", ") }));
      } else if (piece.fields.length) {
        box.append(el("span", { cls: "sentence", text: piece.text, title: "the event's sentence" }));
      } else {
        box.append(document.createTextNode(piece.text));
      }
    });
    return box;
  }

  function fieldList(event) {
    const rows = [
      ["Date", event.event_date + (event.event_date_end && event.event_date_end !== event.event_date ? " – " + event.event_date_end : "")],
      ["Type", event.event_type + " / " + event.sub_event_type],
      ["Actor 1", event.actor1 + (event.assoc_actor_1 ? " (with " + event.assoc_actor_1 + ")" : "")],
      ["Actor 2", event.actor2 + (event.assoc_actor_2 ? " (with " + event.assoc_actor_2 + ")" : "")],
      ["Place", [event.location, event.admin2, event.admin1, event.country].filter(Boolean).join(", ")],
      ["Fatalities", event.fatalities],
      ["Deaths (side A / B / civilians / unknown)",
        [event.deaths_a, event.deaths_b, event.deaths_civilians, event.deaths_unknown].map(function (v) { return v == null ? "–" : v; }).join(" / ")],
      ["Wounded", event.wounded],
      ["Confidence", event.confidence],
    ];
    if (event.territory) {
      const t = event.territory;
      rows.push(["Territory", (t.place || "") + ": " + ((t.from || {}).name || "?") + " → " + ((t.to || {}).name || "?")]);
    }
    const dl = el("dl", { cls: "fields" });
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      dl.append(el("dt", { text: row[0] }), el("dd", { text: row[1] }));
    });
    return dl;
  }

  function sourceLink(document_) {
    const url = document_.url || "";
    if (/^https?:\/\//i.test(url)) {
      const a = el("a", { text: url });
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return el("p", {}, [document.createTextNode("Source: "), a]);
    }
    return el("p", { text: "Source: " + (document_.source_path || document_.external_id || document_.doc_id) });
  }

  function reportsList(event) {
    const incident = event.incident || { events: [] };
    const others = incident.events.filter(function (e) { return e.event_id !== event.event_id; });
    const section = el("section", { cls: "reports" }, [el("h3", { text: "Other reports of this incident" })]);
    if (!others.length) {
      section.append(el("p", { cls: "hint", text: "No other report of this incident is stored." }));
      return section;
    }
    const list = el("ul");
    others.forEach(function (e) {
      const button = el("button", { text: (e.external_id || e.doc_id) + (e.fatalities != null ? " · " + e.fatalities + " killed" : "") });
      button.type = "button";
      button.addEventListener("click", function () { openEvent(e.event_id); });
      list.append(el("li", {}, [button, el("div", { cls: "hint", text: e.notes || "" })]));
    });
    section.append(list);
    return section;
  }

  async function openEvent(eventId) {
    showTab("event");
    const panel = document.getElementById("panel-event");
    clear(panel);
    panel.append(el("p", { cls: "hint", text: "Loading…" }));
    try {
      const event = await getJSON("/api/events/" + encodeURIComponent(eventId));
      const doc = event.document || {};
      clear(panel);
      panel.append(
        el("h2", { text: event.sub_event_type || event.event_type }),
        fieldList(event),
        sourceLink(doc),
        el("h3", { text: doc.title || "Source text" }),
        highlightedText(doc.text || "", event.evidence),
        reportsList(event),
      );
      panel.dataset.eventId = event.event_id;
      const firstMark = panel.querySelector("mark.evidence");
      if (firstMark) firstMark.scrollIntoView({ block: "center" }); // show the evidence, not only the fields
    } catch (err) {
      clear(panel);
      panel.append(el("p", { cls: "error", text: "Could not load the event: " + err.message }));
    }
  }

  // ---- territorial control ----
  async function loadTerritory(params) {
    const panel = document.getElementById("panel-territory");
    clear(panel);
    try {
      const data = await getJSON("/api/territory?" + params.toString());
      panel.append(el("h2", { text: "Who took which place, when" }));
      if (!data.items.length) {
        panel.append(el("p", { cls: "hint", text: "No territorial control change among the matching events." }));
        return;
      }
      const table = el("table", { cls: "territory" });
      table.append(el("tr", {}, ["Date", "Place", "Taken by", "From"].map(function (h) { return el("th", { text: h }); })));
      data.items.forEach(function (row) {
        const tr = el("tr", { cls: "row", title: row.sub_event_type }, [
          el("td", { text: row.event_date || "undated" }), el("td", { text: row.place || "" }),
          el("td", { text: row.to_actor || "?" }), el("td", { text: row.from_actor || "?" }),
        ]);
        tr.addEventListener("click", function () {
          if (row.latitude !== null && row.longitude !== null) map.setView([row.latitude, row.longitude], Math.max(map.getZoom(), 8));
          openEvent(row.event_id);
        });
        table.append(tr);
      });
      panel.append(table);
    } catch (err) {
      panel.append(el("p", { cls: "error", text: "Could not load territorial changes: " + err.message }));
    }
  }

  function showTab(name) {
    document.querySelectorAll("#tabs button").forEach(function (b) { b.classList.toggle("active", b.dataset.tab === name); });
    document.querySelectorAll(".tab").forEach(function (t) { t.classList.toggle("hidden", t.id !== "panel-" + name); });
  }

  // ---- start ----
  document.querySelectorAll("#tabs button").forEach(function (b) {
    b.addEventListener("click", function () { showTab(b.dataset.tab); });
  });
  document.getElementById("filters").addEventListener("submit", function (evt) { evt.preventDefault(); refresh(true); });
  document.getElementById("filters").addEventListener("reset", function () { setTimeout(function () { refresh(true); }, 0); });
  window.addEventListener("resize", renderTimeline);
  state.openEvent = openEvent;
  renderLegend();
  setupBrush();
  loadCountries();
  refresh(true);
})();
