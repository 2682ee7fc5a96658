// Atelier's page: choose a photo and a style, paint, watch the previews, download. Plain JS, no build step.
"use strict";

const $ = (id) => document.getElementById(id);

const state = {
  limits: { maxUploadBytes: 20 * 1024 * 1024, minSize: 64, maxSize: 1024, defaultSize: 512, defaultStrength: 100 },
  photo: null,        // File
  styleFile: null,    // File, or null when a gallery style is chosen
  styleName: null,    // gallery name
  job: null,          // the job being painted: { id, events, poll }
  shownPreview: 0,    // version of the preview on screen
  session: [],        // finished pictures: { id, url, style, width, height }
  instant: null,      // the instant style's picture on screen: { url }; the slider then blends it with its photo
};

const SESSION_KEY = "atelier.session";

// ---- set-up ---------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  loadSession();
  wirePhoto();
  wireStyleUpload();
  wireSliders();
  $("controls").addEventListener("submit", (e) => { e.preventDefault(); paint(); });
  $("cancel").addEventListener("click", cancel);
  fetchJson("/api/limits").then(applyLimits).catch(() => {});
  fetchJson("/api/styles").then(renderGallery).catch(() => renderGallery([]));
});

function applyLimits(limits) {
  state.limits = limits;
  const size = $("size");
  size.min = limits.minSize;
  size.max = limits.maxSize;
  size.value = limits.defaultSize;
  $("strength").value = limits.defaultStrength;
  updateSliderLabels();
}

function wireSliders() {
  $("strength").addEventListener("input", updateSliderLabels);
  $("strength").addEventListener("input", blendInstant);
  $("size").addEventListener("input", updateSliderLabels);
  updateSliderLabels();
}

function updateSliderLabels() {
  $("strength-value").textContent = $("strength").value;
  $("size-value").textContent = $("size").value + " px";
}

// ---- photo ----------------------------------------------------------------------------------------

function wirePhoto() {
  const drop = $("photo-drop");
  $("photo-input").addEventListener("change", (e) => choosePhoto(e.target.files[0]));
  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer.files.length) choosePhoto(e.dataTransfer.files[0]);
  });
  // Dropping a file elsewhere on the page must not navigate away from it.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
}

function choosePhoto(file) {
  if (!file || !checkFile(file, "photo")) return;
  state.photo = file;
  const url = URL.createObjectURL(file);
  showImage($("photo-thumb"), url);
  showImage($("photo-view"), url);
  $("photo-drop").classList.add("has-image");
  $("photo-slot").querySelector(".placeholder").hidden = true;
  // A file the browser cannot show may still be one the server reads; if not, the server says why.
  $("photo-view").onerror = () => {
    $("photo-view").hidden = true;
    $("photo-thumb").hidden = true;
    const placeholder = $("photo-slot").querySelector(".placeholder");
    placeholder.textContent = "This browser cannot show " + file.name;
    placeholder.hidden = false;
  };
  clearPainting("The painting appears here");
  updatePaintButton();
}

function clearPainting(text) {
  showInstantLayer(null);
  $("painting-view").hidden = true;
  $("painting-view").removeAttribute("src");
  $("painting-placeholder").textContent = text;
  $("painting-placeholder").hidden = false;
  $("painting-caption").textContent = "Painting";
  $("download").hidden = true;
  $("progress").hidden = true;
}

// ---- style ----------------------------------------------------------------------------------------

function wireStyleUpload() {
  $("style-input").addEventListener("change", (e) => {
    const file = e.target.files[0];
    if (!file || !checkFile(file, "style")) return;
    state.styleFile = file;
    state.styleName = null;
    showImage($("style-thumb"), URL.createObjectURL(file));
    const tile = $("style-input").closest(".tile");
    tile.classList.add("has-image");
    selectTile(tile);
    updatePaintButton();
  });
}

function renderGallery(styles) {
  const gallery = $("gallery");
  $("gallery-empty").hidden = styles.length > 0;
  for (const s of styles) {
    const tile = document.createElement("button");
    tile.type = "button";
    tile.className = "tile";
    tile.setAttribute("role", "radio");
    tile.setAttribute("aria-checked", "false");
    tile.title = s.name;
    tile.dataset.style = s.name;
    if (s.kind === "instant") {
      tile.classList.add("instant");
      tile.title = prettyName(s.name) + " (instant style: painted in about a second)";
      const badge = document.createElement("span");
      badge.className = "tile-badge";
      badge.textContent = "Instant";
      tile.append(badge);
    }
    const img = document.createElement("img");
    img.src = s.thumbnailUrl;
    img.alt = "";
    img.loading = "lazy";
    const name = document.createElement("span");
    name.className = "tile-name";
    name.textContent = prettyName(s.name);
    tile.append(img, name);
    tile.addEventListener("click", () => {
      state.styleName = s.name;
      state.styleFile = null;
      selectTile(tile);
      updatePaintButton();
    });
    gallery.append(tile);
  }
}

function selectTile(tile) {
  for (const t of $("gallery").querySelectorAll(".tile")) t.setAttribute("aria-checked", String(t === tile));
}

function prettyName(file) {
  const base = file.replace(/^instant:/, "").replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").replace(/\s\d+x\d+$/, "");
  return base.charAt(0).toUpperCase() + base.slice(1);
}

// ---- painting ---------------------------------------------------------------------------------------

function updatePaintButton() {
  $("paint").disabled = !state.photo || !(state.styleFile || state.styleName) || state.job !== null;
}

async function paint() {
  hideError();
  const form = new FormData();
  form.append("content", state.photo);
  if (state.styleFile) form.append("style", state.styleFile);
  else form.append("styleName", state.styleName);
  form.append("strength", $("strength").value);
  form.append("size", $("size").value);

  state.paintStarted = performance.now();
  setBusy(true);
  clearPainting("Uploading…");
  $("progress").hidden = false;
  setStatus("Uploading…", 0);
  if (window.innerWidth <= 820) $("canvas").scrollIntoView({ behavior: "smooth", block: "start" });
  let response;
  try {
    response = await fetch("/api/jobs", { method: "POST", body: form });
  } catch (e) {
    setBusy(false);
    clearPainting("The painting appears here");
    return showError("The server cannot be reached. Is atelier serve still running?");
  }
  const body = await response.json().catch(() => ({}));
  if (response.status !== 202) {
    setBusy(false);
    clearPainting("The painting appears here");
    let message = body.error || "The server refused the job (HTTP " + response.status + ").";
    if (response.status === 429 && !body.error) {
      message = "The server is busy: try again in " + (response.headers.get("Retry-After") || "a few") + " seconds.";
    }
    return showError(message);
  }
  startWatching(body);
}

function startWatching(view) {
  state.job = { id: view.id, events: null, poll: null };
  state.shownPreview = 0;
  $("painting-slot").dataset.previewsShown = "0";
  $("painting-placeholder").textContent = "Starting…";
  render(view);
  if (!window.EventSource) return startPolling();
  const events = new EventSource("/api/jobs/" + view.id + "/events");
  state.job.events = events;
  for (const type of ["status", "progress", "preview"]) {
    events.addEventListener(type, (e) => render(JSON.parse(e.data)));
  }
  events.addEventListener("error", () => {
    // The browser reconnects by itself; when it gives up, poll instead.
    if (events.readyState === EventSource.CLOSED && state.job && state.job.id === view.id) startPolling();
  });
}

function startPolling() {
  const job = state.job;
  if (!job || job.poll) return;
  job.poll = setInterval(async () => {
    try {
      render(await fetchJson("/api/jobs/" + job.id));
    } catch (e) {
      // try again on the next tick
    }
  }, 1000);
}

function stopWatching() {
  const job = state.job;
  if (!job) return;
  if (job.events) job.events.close();
  if (job.poll) clearInterval(job.poll);
  state.job = null;
}

function render(view) {
  if (!state.job || view.id !== state.job.id) return;
  const p = view.progress;
  switch (view.status) {
    case "queued":
      setStatus(view.queuePosition > 1
        ? "Waiting in line: " + (view.queuePosition - 1) + " job" + (view.queuePosition > 2 ? "s" : "") + " ahead of yours."
        : "Waiting for the painter: yours is next.", 0);
      break;
    case "running":
      setStatus(p ? describeProgress(p) : "Preparing the painting…", p ? p.fraction : 0);
      break;
    case "done":
      return finished(view);
    case "cancelled":
      stopWatching();
      setBusy(false);
      setStatus("Cancelled" + (p ? " after " + p.evaluations + " of " + p.budget + " steps." : "."), p ? p.fraction : 0);
      $("painting-slot").classList.remove("painting");
      if (!view.previewUrl) $("painting-placeholder").textContent = "Cancelled";
      return;
    case "failed":
      stopWatching();
      setBusy(false);
      clearPainting("No painting");
      return showError(view.error || "The picture could not be painted.");
  }
  if (view.previewUrl && view.previewVersion && view.previewVersion > state.shownPreview) {
    showPreview(view.previewUrl, view.previewVersion);
  }
}

function describeProgress(p) {
  const parts = ["Painting: iteration " + p.iteration + " of " + p.iterations];
  if (p.loss != null) parts.push("loss " + formatLoss(p.loss));
  if (p.etaSeconds != null && p.evaluations > 0) parts.push(formatEta(p.etaSeconds));
  return parts.join(" · ");
}

function showPreview(url, version) {
  state.shownPreview = version;
  // Swap only once the new picture has loaded, so the canvas never flashes empty.
  const next = new Image();
  next.onload = () => {
    if (state.job === null) return; // finished meanwhile: the result is showing
    const view = $("painting-view");
    view.src = next.src;
    view.hidden = false;
    $("painting-placeholder").hidden = true;
    const slot = $("painting-slot");
    slot.dataset.previewsShown = String(Number(slot.dataset.previewsShown) + 1);
  };
  next.src = url;
}

function finished(view) {
  stopWatching();
  setBusy(false);
  const seconds = view.progress ? view.progress.seconds : (performance.now() - state.paintStarted) / 1000;
  setStatus("Done in " + (seconds < 10 ? seconds.toFixed(1) + " s" : formatSeconds(seconds)) + ".", 1);
  $("painting-slot").classList.remove("painting");
  const url = view.resultUrl;
  const picture = $("painting-view");
  picture.src = url;
  picture.hidden = false;
  $("painting-placeholder").hidden = true;
  $("painting-caption").textContent = "Painting · " + view.width + " × " + view.height;
  showDownload(view.id, url);
  if (view.photoUrl) {
    showInstantLayer({ id: view.id, url: url, photoUrl: view.photoUrl, width: view.width, height: view.height });
  }
  addToSession({ id: view.id, url: url, style: view.style, width: view.width, height: view.height });
}

// An instant style's picture is kept at full strength, over its photo: the strength is the picture's opacity
// (the same linear blend the server makes for the download), so moving the slider needs no new job.
function showInstantLayer(instant) {
  state.instant = instant;
  const photo = $("painting-photo");
  if (!instant) {
    photo.hidden = true;
    photo.removeAttribute("src");
    $("painting-view").style.opacity = "";
    return;
  }
  photo.src = instant.photoUrl;
  photo.hidden = false;
  blendInstant();
}

function blendInstant() {
  const instant = state.instant;
  if (!instant) return;
  const strength = Number($("strength").value);
  $("painting-view").style.opacity = String(strength / 100);
  $("painting-caption").textContent = "Instant style · strength " + strength + " · " + instant.width + " × " + instant.height;
  const a = $("download");
  a.href = instant.url + "?strength=" + strength + "&download=1";
}

function showDownload(id, url) {
  const a = $("download");
  a.href = url + "?download=1";
  a.download = "atelier-" + id.slice(0, 8) + ".png";
  a.hidden = false;
}

async function cancel() {
  const job = state.job;
  if (!job) return;
  $("cancel").disabled = true;
  setStatus("Stopping…", null);
  try {
    const response = await fetch("/api/jobs/" + job.id, { method: "DELETE" });
    const view = await response.json();
    if (!job.events || job.events.readyState === EventSource.CLOSED) render(view);
  } catch (e) {
    showError("The server cannot be reached to cancel the job.");
  }
}

// ---- session strip ------------------------------------------------------------------------------------

function loadSession() {
  try {
    state.session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "[]");
  } catch (e) {
    state.session = [];
  }
  renderSession();
}

function addToSession(item) {
  state.session = [item].concat(state.session.filter((s) => s.id !== item.id)).slice(0, 24);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
  renderSession(item.id);
}

function renderSession(currentId) {
  const strip = $("strip");
  strip.replaceChildren();
  $("session").hidden = state.session.length === 0;
  for (const item of state.session) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.title = "Show this painting";
    if (item.id === currentId) button.className = "current";
    const img = document.createElement("img");
    img.src = item.url;
    img.alt = "Painting in the style of " + item.style;
    img.addEventListener("error", () => forget(item.id)); // expired on the server
    button.append(img);
    button.addEventListener("click", () => showFromSession(item));
    const caption = document.createElement("span");
    caption.className = "caption";
    caption.textContent = (item.style === "upload" ? "Your style" : prettyName(item.style)) + " · " + item.width + "×" + item.height;
    li.append(button, caption);
    strip.append(li);
  }
}

function forget(id) {
  state.session = state.session.filter((s) => s.id !== id);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
  renderSession();
}

function showFromSession(item) {
  if (state.job) return;
  showInstantLayer(null);
  const view = $("painting-view");
  view.src = item.url;
  view.hidden = false;
  $("painting-placeholder").hidden = true;
  $("painting-caption").textContent = "Painting · " + item.width + " × " + item.height;
  showDownload(item.id, item.url);
  renderSession(item.id);
}

// ---- small helpers ------------------------------------------------------------------------------------

function checkFile(file, role) {
  hideError();
  if (file.type && !/^image\//.test(file.type)) {
    showError("The " + role + " must be a picture (JPEG, PNG, BMP or GIF).");
    return false;
  }
  if (file.size > state.limits.maxUploadBytes) {
    showError("The " + role + " is " + formatBytes(file.size) + "; the limit is " + formatBytes(state.limits.maxUploadBytes) + ".");
    return false;
  }
  return true;
}

function setBusy(busy) {
  $("paint").hidden = busy;
  $("cancel").hidden = !busy;
  $("cancel").disabled = false;
  $("painting-slot").classList.toggle("painting", busy);
  for (const el of $("controls").querySelectorAll("input, .tile")) el.disabled = busy;
  if (!busy) state.job = null;
  updatePaintButton();
}

function setStatus(text, fraction) {
  $("status").textContent = text;
  if (fraction === null || fraction === undefined) return;
  const pct = Math.round(fraction * 100);
  $("bar-fill").style.width = pct + "%";
  document.querySelector(".bar").setAttribute("aria-valuenow", String(pct));
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
}

function hideError() {
  $("error").hidden = true;
}

function showImage(img, url) {
  img.src = url;
  img.hidden = false;
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error("HTTP " + response.status);
  return response.json();
}

function formatLoss(x) {
  return x >= 1e5 || x < 1e-2 ? x.toExponential(2) : x.toFixed(2);
}

function formatEta(s) {
  return s < 1 ? "almost done" : "about " + formatSeconds(s) + " left";
}

function formatSeconds(s) {
  s = Math.round(s);
  if (s < 60) return s + " s";
  const m = Math.floor(s / 60);
  return m + " min " + String(s % 60).padStart(2, "0") + " s";
}

function formatBytes(n) {
  return n >= 1048576 ? (n / 1048576).toFixed(n >= 10485760 ? 0 : 1) + " MB" : Math.ceil(n / 1024) + " KB";
}
