/*
 * LINE chat simulator front-end (plain ES2020, no dependencies).
 *
 * Talks to the simulator backend:
 *   GET  /simulator/api/users
 *   POST /simulator/api/users/{userId}/events
 *   GET  /simulator/api/users/{userId}/transcript?after={seq}
 *
 * All message content is user-controlled: the DOM is built with
 * createElement/textContent only, never innerHTML.
 */
(() => {
  "use strict";

  const API = "/simulator/api";
  const POLL_MS = 400;
  const FETCH_TIMEOUT_MS = 5000;
  const STORAGE_KEY = "lineSimulator.userId";
  const UNSUPPORTED_TITLE = "not supported in simulator";
  const SAFE_URI_SCHEMES = ["http:", "https:", "tel:", "mailto:"];
  // The bot's users live in Thailand: times read as in their LINE app, whatever this
  // browser's zone is.
  const ZONE = "Asia/Bangkok";
  const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const DATE_TIME_FORMAT = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, dateStyle: "medium", timeStyle: "medium" });
  // Wider than this, the developer controls start unfolded.
  const WIDE_SCREEN = "(min-width: 600px)";
  // LINE datetime picker modes: the input that draws each, and the value LINE posts back
  // in postback.params.<mode> (yyyy-MM-dd, HH:mm, yyyy-MM-ddTHH:mm).
  const PICKER_INPUT = { date: "date", time: "time", datetime: "datetime-local" };
  const PICKER_VALUE = { date: /^\d{4}-\d{2}-\d{2}$/, time: /^\d{2}:\d{2}$/, datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/ };

  // LINE Flex keyword -> CSS length tables.
  const SPACING = { none: "0px", xs: "2px", sm: "4px", md: "8px", lg: "12px", xl: "16px", xxl: "20px" };
  const TEXT_SIZE = {
    xxs: "11px", xs: "13px", sm: "14px", md: "16px", lg: "19px", xl: "22px",
    xxl: "29px", "3xl": "35px", "4xl": "48px", "5xl": "74px",
  };
  const IMAGE_SIZE = {
    xxs: "40px", xs: "60px", sm: "80px", md: "100px", lg: "120px", xl: "140px",
    xxl: "160px", "3xl": "180px", "4xl": "200px", "5xl": "240px", full: "100%",
  };
  const BORDER_WIDTH = { none: "0px", light: "0.5px", normal: "1px", medium: "2px", "semi-bold": "3px", bold: "4px" };
  const BUBBLE_SIZES = ["nano", "micro", "deca", "hecto", "kilo", "mega", "giga"];

  // ---------------------------------------------------------------- state
  const state = {
    users: [],
    userId: null,
    generation: 0,            // bumped on user switch; stale responses are dropped
    lastSeq: 0,
    renderedSeqs: new Set(),
    lastMessageEntry: null,   // last user/bot entry (quick replies hang off it)
    dismissedQuickReplySeq: null,
    sendError: "",
    pollError: "",
  };
  let pollTimer = null;
  let pollInFlight = false;

  const $ = (id) => document.getElementById(id);
  let ui = {};

  // ---------------------------------------------------------------- helpers
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const str = (v) => (v === undefined || v === null ? "" : String(v));
  const arr = (v) => (Array.isArray(v) ? v : []);

  /** Maps a LINE keyword through a table; explicit values like "10px"/"5%" pass through. */
  function cssLength(value, table) {
    if (value === undefined || value === null || value === "") return null;
    return Object.prototype.hasOwnProperty.call(table, value) ? table[value] : String(value);
  }

  function placeholder(label) {
    return el("span", "placeholder", label);
  }

  /** fetch + JSON parse with a timeout; never throws (network failures become status 0). */
  async function fetchJson(url, options = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
    try {
      const res = await fetch(url, { cache: "no-store", ...options, signal: controller.signal });
      const body = await res.json().catch(() => null);
      return { ok: res.ok, status: res.status, body };
    } catch (e) {
      const reason = e.name === "AbortError" ? "timeout" : e.message || String(e);
      return { ok: false, status: 0, body: { error: `cannot reach simulator backend (${reason})` } };
    } finally {
      clearTimeout(timer);
    }
  }

  function errorReason(result) {
    return isObject(result.body) && result.body.error ? str(result.body.error) : `HTTP ${result.status}`;
  }

  function showError() {
    // The error line takes space from the transcript: keep it pinned to the bottom.
    keepPinned(() => (ui.errorLine.textContent = state.sendError || state.pollError || ""));
  }

  /** localStorage access that tolerates disabled storage. */
  function storage(op, value) {
    try {
      return op === "get" ? localStorage.getItem(STORAGE_KEY) : localStorage.setItem(STORAGE_KEY, value);
    } catch (_) {
      return null;
    }
  }

  function userPath(userId) {
    return `${API}/users/${encodeURIComponent(userId)}`;
  }

  function formatTime(at) {
    const d = new Date(at);
    if (typeof at !== "number" || Number.isNaN(d.getTime())) return "";
    return TIME_FORMAT.format(d);
  }

  function formatDateTime(at) {
    const d = new Date(at);
    if (typeof at !== "number" || Number.isNaN(d.getTime())) return "";
    return `${DATE_TIME_FORMAT.format(d)} (${ZONE})`;
  }

  function scrollToBottom() {
    ui.transcript.scrollTop = ui.transcript.scrollHeight;
  }

  /** Runs a layout-changing function; re-scrolls to the bottom if the transcript was there. */
  function keepPinned(fn) {
    const t = ui.transcript;
    const pinned = t.scrollHeight - t.scrollTop - t.clientHeight < 40;
    fn();
    if (pinned) scrollToBottom();
  }

  // ---------------------------------------------------------------- users
  async function loadUsers() {
    const result = await fetchJson(`${API}/users`);
    if (!result.ok || !Array.isArray(result.body)) {
      state.pollError = `Cannot load users: ${result.ok ? "unexpected response" : errorReason(result)}`;
      showError();
      setTimeout(loadUsers, 2000);
      return;
    }
    state.pollError = "";
    state.users = result.body.filter((u) => isObject(u) && u.userId);
    ui.userSelect.replaceChildren();
    for (const u of state.users) {
      const option = el("option", null, u.displayName || u.userId);
      option.value = u.userId;
      option.title = u.userId;
      ui.userSelect.append(option);
    }
    if (state.users.length === 0) {
      state.pollError = "No simulated users available";
      showError();
      return;
    }
    const saved = storage("get");
    const initial = state.users.some((u) => u.userId === saved) ? saved : state.users[0].userId;
    ui.userSelect.value = initial;
    switchUser(initial);
  }

  function switchUser(userId) {
    Object.assign(state, {
      generation: state.generation + 1, userId, lastSeq: 0, renderedSeqs: new Set(),
      lastMessageEntry: null, dismissedQuickReplySeq: null, sendError: "", pollError: "",
    });
    ui.transcript.replaceChildren();
    const user = state.users.find((u) => u.userId === userId);
    ui.userLabel.textContent = user ? user.displayName || user.userId : "";
    ui.userLabel.title = userId || "";
    showError();
    storage("set", userId);
    schedulePoll(0);
  }

  // ---------------------------------------------------------------- polling
  function schedulePoll(delay) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(runPoll, delay);
  }

  async function runPoll() {
    pollTimer = null;
    if (pollInFlight) {
      // A request is still running: retry shortly; the running one won't reschedule.
      schedulePoll(50);
      return;
    }
    pollInFlight = true;
    try {
      await pollOnce();
    } finally {
      pollInFlight = false;
      if (pollTimer === null) schedulePoll(POLL_MS);
    }
  }

  async function pollOnce() {
    const userId = state.userId;
    const generation = state.generation;
    if (!userId) return;
    const result = await fetchJson(`${userPath(userId)}/transcript?after=${state.lastSeq}`);
    if (generation !== state.generation) return;
    if (!result.ok) {
      state.pollError = `Transcript error: ${errorReason(result)}`;
      showError();
      return;
    }
    if (state.pollError) {
      state.pollError = "";
      showError();
    }
    appendEntries(arr(result.body?.entries));
  }

  function appendEntries(entries) {
    let added = 0;
    for (const entry of entries) {
      if (!isObject(entry) || typeof entry.seq !== "number") continue;
      if (entry.seq <= state.lastSeq || state.renderedSeqs.has(entry.seq)) continue;
      state.renderedSeqs.add(entry.seq);
      state.lastSeq = entry.seq;
      let node;
      try {
        node = renderEntry(entry);
      } catch (e) {
        // Never let one malformed entry break the transcript.
        node = el("div", "entry from-system");
        node.dataset.seq = String(entry.seq);
        node.append(el("div", "system-note", `[render error: ${e.message || e}]`));
      }
      ui.transcript.append(node);
      if (entry.from === "user" || entry.from === "bot") state.lastMessageEntry = entry;
      added += 1;
    }
    if (added > 0) {
      updateQuickReply();
      scrollToBottom();
    }
  }

  // ---------------------------------------------------------------- sending
  async function sendEvent(event) {
    const userId = state.userId;
    if (!userId) {
      state.sendError = "No user selected";
      showError();
      return;
    }
    dismissQuickReply();
    const result = await fetchJson(`${userPath(userId)}/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(event),
    });
    if (userId !== state.userId) return;
    state.sendError = result.ok ? "" : errorReason(result);
    showError();
    if (!result.ok) {
      // Nothing was sent: bring the quick reply back so it can be retried.
      state.dismissedQuickReplySeq = null;
      updateQuickReply();
    }
    schedulePoll(30);
  }

  function sendTypedMessage() {
    const text = ui.input.value;
    if (text.trim() === "") return;
    ui.input.value = "";
    ui.input.focus();
    sendEvent({ type: "message", text });
  }

  // ---------------------------------------------------------------- actions
  /** Wires a LINE action to an element. Returns false if it is not supported. */
  function bindAction(node, action) {
    const a = isObject(action) ? action : {};
    let handler = null;
    if (a.type === "message" && str(a.text) !== "") {
      handler = () => sendEvent({ type: "message", text: str(a.text) });
    } else if (a.type === "postback" && a.data !== undefined) {
      handler = () => {
        const event = { type: "postback", data: str(a.data) };
        if (a.displayText !== undefined && a.displayText !== null) event.displayText = str(a.displayText);
        sendEvent(event);
      };
    } else if (a.type === "uri") {
      const target = str((isObject(a.altUri) && a.altUri.desktop) || a.uri);
      let url = null;
      try {
        url = new URL(target, window.location.href);
      } catch (_) { /* invalid */ }
      if (url && SAFE_URI_SCHEMES.includes(url.protocol)) {
        node.title = url.href;
        handler = () => window.open(url.href, "_blank", "noopener,noreferrer");
      } else {
        node.title = `${UNSUPPORTED_TITLE}: ${target}`;
        if (node.tagName === "BUTTON") node.disabled = true;
        return false;
      }
    }
    if (!handler) {
      node.title = UNSUPPORTED_TITLE;
      if (node.tagName === "BUTTON") node.disabled = true;
      return false;
    }
    node.addEventListener("click", (ev) => {
      ev.stopPropagation();
      handler();
    });
    node.classList.add("clickable");
    return true;
  }

  /** A picker value in the form the input takes and LINE posts (LINE also accepts "t"). */
  function pickerValue(mode, value) {
    const v = str(value);
    return mode === "datetime" ? v.replace("t", "T").slice(0, 16) : v;
  }

  /**
   * A LINE datetimepicker action: its label and a date/time input. Choosing a value posts
   * the postback LINE would: the action's data, and params.<mode> with the value.
   */
  function datetimePicker(a, className) {
    const mode = Object.prototype.hasOwnProperty.call(PICKER_INPUT, a.mode) ? a.mode : null;
    if (!mode || str(a.data) === "") {
      const button = el("button", className, a.label || "[datetimepicker]");
      button.type = "button";
      button.disabled = true;
      button.title = `${UNSUPPORTED_TITLE}: datetimepicker needs data and mode date, time or datetime`;
      return button;
    }
    const picker = el("label", `${className} picker`);
    picker.dataset.mode = mode;
    const input = el("input", "picker-input");
    input.type = PICKER_INPUT[mode];
    input.setAttribute("aria-label", str(a.label) || mode);
    if (a.initial) input.value = pickerValue(mode, a.initial);
    if (a.min) input.min = pickerValue(mode, a.min);
    if (a.max) input.max = pickerValue(mode, a.max);
    picker.append(el("span", "picker-label", a.label || mode), input);

    let sent = false;
    let typed = false;
    const commit = () => {
      const value = pickerValue(mode, input.value);
      if (sent || !PICKER_VALUE[mode].test(value)) return;
      sent = true;
      picker.classList.add("sent");
      sendEvent({ type: "postback", data: str(a.data), params: { [mode]: value } });
    };
    // A value chosen in the browser's picker is final; one typed field by field is only
    // final on Enter or when the user leaves the input (each keystroke fires change).
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        commit();
      } else if (ev.key !== "Tab") {
        typed = true;
      }
    });
    input.addEventListener("change", () => {
      if (!typed) commit();
    });
    input.addEventListener("blur", () => {
      if (typed) commit();
    });
    picker.addEventListener("click", (ev) => {
      // Inside a Flex bubble with its own action, a tap here is the picker's only.
      ev.stopPropagation();
      if (ev.target === input) return;
      ev.preventDefault();
      input.focus();
      try {
        input.showPicker();
      } catch (_) { /* older browsers: the focused input still takes typing */ }
    });
    return picker;
  }

  function actionButton(action, className) {
    const a = isObject(action) ? action : {};
    if (a.type === "datetimepicker") return datetimePicker(a, className);
    const button = el("button", className, a.label || a.text || `[${a.type || "action"}]`);
    button.type = "button";
    bindAction(button, a);
    return button;
  }

  // ---------------------------------------------------------------- quick reply
  function removeQuickReplyBar() {
    keepPinned(() => {
      ui.quickReplies.replaceChildren();
      ui.quickReplies.hidden = true;
      delete ui.quickReplies.dataset.forSeq;
    });
  }

  function dismissQuickReply() {
    if (state.lastMessageEntry) state.dismissedQuickReplySeq = state.lastMessageEntry.seq;
    removeQuickReplyBar();
  }

  function updateQuickReply() {
    removeQuickReplyBar();
    const entry = state.lastMessageEntry;
    if (!entry || entry.from !== "bot" || entry.seq === state.dismissedQuickReplySeq) return;
    const items = arr(entry.message?.quickReply?.items);
    if (items.length === 0) return;
    const bar = ui.quickReplies;
    keepPinned(() => {
      bar.dataset.forSeq = String(entry.seq);
      for (const item of items.slice(0, 13)) bar.append(actionButton(item?.action, "quick-reply"));
      bar.scrollLeft = 0;
      bar.hidden = false;
    });
  }

  // ---------------------------------------------------------------- entries
  function renderEntry(entry) {
    const from = ["user", "bot", "system"].includes(entry.from) ? entry.from : "system";
    const node = el("div", `entry from-${from}`);
    node.dataset.seq = String(entry.seq);
    const message = isObject(entry.message) ? entry.message : {};
    // Time and avatar letter are drawn by CSS from attributes so that an entry's
    // visible text (e.g. Selenium getText()) is exactly the message text.
    const time = el("span", "time");
    time.dataset.time = formatTime(entry.at);
    time.title = formatDateTime(entry.at);

    if (from === "system") {
      node.append(el("div", "system-note", message.text !== undefined ? message.text : `[${message.type || "system"}]`));
      return node;
    }
    if (from === "user") {
      if (message.type === "follow" || message.type === "unfollow") {
        node.classList.add("note");
        node.append(el("div", "system-note", message.type === "follow" ? "added the bot as friend" : "blocked the bot"));
        return node;
      }
      const bubble = el("div", "bubble user");
      if (message.type === "postback" && !str(message.displayText)) {
        // LINE shows nothing for such a tap; the simulator shows what was posted.
        bubble.classList.add("postback");
        bubble.append(el("em", "postback-data", str(message.data)));
        for (const [key, value] of Object.entries(isObject(message.params) ? message.params : {})) {
          bubble.append(el("span", "postback-params", `${key} ${str(value)}`));
        }
      } else if (message.type === "postback" || message.type === "text") {
        bubble.textContent = str(message.type === "text" ? message.text : message.displayText);
      } else {
        bubble.textContent = `[${message.type || "unknown"}]`;
      }
      node.append(time, bubble);
      return node;
    }

    // from === "bot"
    const bubble = renderBotMessage(message);
    if (bubble.classList.contains("wide")) node.classList.add("wide");
    const column = el("div", "entry-body");
    if (message.sender?.name) column.append(el("div", "sender", message.sender.name));
    column.append(bubble);
    node.append(el("div", "avatar"), column, time);
    return node;
  }

  function renderBotMessage(message) {
    const type = str(message.type) || "unknown";
    const bubble = el("div", `bubble bot bubble-${type.replace(/[^a-z_-]/gi, "")}`);
    switch (type) {
      case "text":
        bubble.textContent = str(message.text);
        break;
      case "flex":
        bubble.title = str(message.altText);
        bubble.append(renderFlexContainer(message.contents));
        if (message.contents?.type === "carousel") bubble.classList.add("wide");
        break;
      case "template":
        bubble.title = str(message.altText);
        bubble.append(renderTemplate(message.template));
        if (/carousel/.test(str(message.template?.type))) bubble.classList.add("wide");
        break;
      case "sticker":
        bubble.textContent = `[sticker ${str(message.packageId)}/${str(message.stickerId)}]`;
        break;
      case "image":
      case "video":
      case "audio":
      case "location":
        bubble.classList.add("media-placeholder");
        bubble.textContent = `[${type}]`;
        break;
      default:
        bubble.textContent = `[unsupported message type: ${type}]`;
    }
    return bubble;
  }

  // ---------------------------------------------------------------- templates
  function templateImage(url) {
    const wrap = el("div", "tpl-thumb");
    wrap.append(makeImage(url, "[image]"));
    return wrap;
  }

  function templateCard(column, actionsClass = "tpl-actions") {
    const c = isObject(column) ? column : {};
    const card = el("div", "tpl-card");
    if (c.thumbnailImageUrl) card.append(templateImage(c.thumbnailImageUrl));
    if (c.title) card.append(el("div", "tpl-title", c.title));
    if (c.text) card.append(el("div", "tpl-text", c.text));
    const actions = el("div", actionsClass);
    for (const a of arr(c.actions)) actions.append(actionButton(a, "tpl-action"));
    card.append(actions);
    if (isObject(c.defaultAction)) bindAction(card, c.defaultAction);
    return card;
  }

  function renderTemplate(template) {
    const t = isObject(template) ? template : {};
    switch (t.type) {
      case "buttons":
        return templateCard(t);
      case "confirm":
        return templateCard({ text: t.text, actions: t.actions }, "tpl-actions horizontal");
      case "carousel":
      case "image_carousel": {
        const row = el("div", "h-scroll");
        for (const col of arr(t.columns)) {
          if (t.type === "carousel") {
            row.append(templateCard(col));
            continue;
          }
          const card = el("div", "tpl-card tpl-image-card");
          card.append(templateImage(col?.imageUrl), actionButton(col?.action, "tpl-action"));
          row.append(card);
        }
        return row;
      }
      default:
        return placeholder(`[template ${t.type || "unknown"}]`);
    }
  }

  // ---------------------------------------------------------------- flex
  function makeImage(url, alt) {
    const img = el("img");
    img.alt = alt;
    img.referrerPolicy = "no-referrer";
    img.loading = "lazy";
    img.addEventListener("error", () => keepPinned(() => img.classList.add("broken")));
    img.addEventListener("load", () => keepPinned(() => {}));
    try {
      const parsed = new URL(str(url), window.location.href);
      if (["http:", "https:", "data:"].includes(parsed.protocol)) img.src = parsed.href;
      else img.classList.add("broken");
    } catch (_) {
      img.classList.add("broken");
    }
    return img;
  }

  function renderFlexContainer(contents) {
    if (!isObject(contents)) return placeholder("[flex: no contents]");
    if (contents.type === "bubble") return renderFlexBubble(contents);
    if (contents.type === "carousel") {
      const row = el("div", "h-scroll flex-carousel");
      for (const b of arr(contents.contents)) row.append(renderFlexBubble(b));
      return row;
    }
    return placeholder(`[${contents.type || "unknown"}]`);
  }

  function renderFlexBubble(bubble) {
    if (bubble?.type !== "bubble") return placeholder(`[${bubble?.type || "?"}]`);
    const node = el("div", "flex-bubble");
    if (BUBBLE_SIZES.includes(bubble.size)) node.classList.add(`size-${bubble.size}`);
    for (const section of ["header", "hero", "body", "footer"]) {
      if (!isObject(bubble[section])) continue;
      const sec = el("div", `flex-section flex-${section}`);
      const style = bubble.styles?.[section] || {};
      if (style.backgroundColor) sec.style.backgroundColor = str(style.backgroundColor);
      if (style.separator) sec.style.borderTop = `1px solid ${str(style.separatorColor) || "#e0e0e0"}`;
      sec.append(renderFlexComponent(bubble[section], "vertical", true));
      node.append(sec);
    }
    if (isObject(bubble.action)) bindAction(node, bubble.action);
    return node;
  }

  function renderFlexComponent(c, parentLayout, isFirst) {
    if (!isObject(c)) return placeholder("[?]");
    let node;
    switch (c.type) {
      case "box": node = renderFlexBox(c); break;
      case "text": node = renderFlexText(c); break;
      case "span": node = renderFlexSpan(c); break;
      case "button": node = renderFlexButton(c); break;
      case "image": node = renderFlexImage(c); break;
      case "icon": node = renderFlexIcon(c); break;
      case "separator": node = renderFlexSeparator(c, parentLayout); break;
      case "filler":
        node = el("div", "flex-filler");
        node.style.flex = `${typeof c.flex === "number" ? c.flex : 1} 1 0%`;
        return node;
      case "spacer":
        node = el("div", "flex-spacer");
        node.style.minHeight = cssLength(c.size || "md", SPACING);
        return node;
      default:
        return placeholder(`[${c.type || "unknown"}]`);
    }
    applyCommonLayout(node, c, parentLayout, isFirst);
    if (isObject(c.action) && c.type !== "button") bindAction(node, c.action);
    return node;
  }

  function applyCommonLayout(node, c, parentLayout, isFirst) {
    const s = node.style;
    const horizontal = parentLayout === "horizontal" || parentLayout === "baseline";
    if (c.type !== "separator") {
      if (horizontal) {
        const f = typeof c.flex === "number" ? c.flex : 1;
        s.flex = f > 0 ? `${f} ${f} 0%` : "0 0 auto";
      } else if (typeof c.flex === "number" && c.flex > 0) {
        s.flex = `${c.flex} ${c.flex} auto`;
      }
    }
    if (c.margin && !isFirst) {
      s[horizontal ? "marginLeft" : "marginTop"] = cssLength(c.margin, SPACING);
    }
    const gravity = { top: "flex-start", bottom: "flex-end", center: "center" }[c.gravity];
    if (gravity && horizontal) s.alignSelf = gravity;
  }

  function renderFlexBox(c) {
    const layout = ["vertical", "horizontal", "baseline"].includes(c.layout) ? c.layout : "vertical";
    const node = el("div", `flex-box layout-${layout}`);
    const s = node.style;
    if (c.backgroundColor) s.backgroundColor = str(c.backgroundColor);
    if (c.borderColor) s.borderColor = str(c.borderColor);
    if (c.borderWidth) {
      s.borderStyle = "solid";
      s.borderWidth = cssLength(c.borderWidth, BORDER_WIDTH);
    }
    if (c.cornerRadius) s.borderRadius = cssLength(c.cornerRadius, SPACING);
    for (const [key, prop] of [["paddingAll", "padding"], ["paddingTop", "paddingTop"], ["paddingBottom", "paddingBottom"],
      ["paddingStart", "paddingLeft"], ["paddingEnd", "paddingRight"]]) {
      if (c[key] !== undefined) s[prop] = cssLength(c[key], SPACING);
    }
    for (const key of ["width", "height", "maxWidth", "maxHeight", "justifyContent", "alignItems"]) {
      if (c[key] !== undefined) s[key] = str(c[key]);
    }
    const spacing = cssLength(c.spacing, SPACING);
    arr(c.contents).forEach((child, i) => {
      const childNode = renderFlexComponent(child, layout, i === 0);
      // Box spacing applies between children unless the child sets its own margin.
      if (i > 0 && spacing && !child?.margin) {
        childNode.style[layout === "vertical" ? "marginTop" : "marginLeft"] = spacing;
      }
      node.append(childNode);
    });
    return node;
  }

  function applyTextStyle(node, c) {
    const s = node.style;
    const size = cssLength(c.size, TEXT_SIZE);
    if (size) s.fontSize = size;
    if (c.weight === "bold") s.fontWeight = "bold";
    if (c.color) s.color = str(c.color);
    if (c.style === "italic") s.fontStyle = "italic";
    if (c.decoration === "underline" || c.decoration === "line-through") s.textDecoration = c.decoration;
  }

  function renderFlexText(c) {
    const node = el("div", "flex-text");
    applyTextStyle(node, c);
    const align = { start: "left", end: "right", center: "center" }[c.align];
    if (align) node.style.textAlign = align;
    if (c.lineSpacing) node.style.lineHeight = `calc(1.4em + ${str(c.lineSpacing)})`;
    if (c.wrap === true) {
      node.classList.add("wrap");
      if (typeof c.maxLines === "number" && c.maxLines > 0) {
        node.classList.add("clamp");
        node.style.webkitLineClamp = String(c.maxLines);
      }
    }
    const spans = arr(c.contents);
    if (spans.length > 0) {
      for (const span of spans) node.append(span?.type === "span" ? renderFlexSpan(span) : placeholder(`[${span?.type || "?"}]`));
    } else {
      node.textContent = str(c.text);
    }
    return node;
  }

  function renderFlexSpan(c) {
    const node = el("span", "flex-span", str(c.text));
    applyTextStyle(node, c);
    return node;
  }

  function renderFlexButton(c) {
    const style = ["primary", "secondary", "link"].includes(c.style) ? c.style : "link";
    const button = actionButton(c.action, `flex-button ${style}${c.height === "sm" ? " small" : ""}`);
    if (c.color) {
      if (style === "link") button.style.color = str(c.color);
      else button.style.backgroundColor = str(c.color);
    }
    return button;
  }

  function renderFlexImage(c) {
    const wrap = el("div", "flex-image");
    wrap.style.width = cssLength(c.size || "md", IMAGE_SIZE);
    const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(str(c.aspectRatio));
    if (ratio) wrap.style.aspectRatio = `${ratio[1]} / ${ratio[2]}`;
    if (c.backgroundColor) wrap.style.backgroundColor = str(c.backgroundColor);
    wrap.style.margin = { start: "0 auto 0 0", end: "0 0 0 auto" }[c.align] || "0 auto";
    const img = makeImage(c.url, "[image]");
    if (c.aspectMode === "cover") img.classList.add("cover");
    wrap.append(img);
    return wrap;
  }

  function renderFlexIcon(c) {
    const img = makeImage(c.url, "[icon]");
    img.classList.add("flex-icon");
    img.style.height = img.style.width = cssLength(c.size || "md", TEXT_SIZE);
    return img;
  }

  function renderFlexSeparator(c, parentLayout) {
    const vertical = parentLayout === "horizontal" || parentLayout === "baseline";
    const node = el("div", vertical ? "flex-separator v" : "flex-separator");
    if (c.color) node.style.borderColor = str(c.color);
    return node;
  }

  // ---------------------------------------------------------------- init
  function init() {
    ui = {
      userSelect: $("user-select"), transcript: $("transcript"), input: $("message-input"),
      errorLine: $("error-line"), userLabel: $("current-user-label"), quickReplies: $("quick-replies"),
    };
    const devPanel = $("dev-panel");
    if (window.matchMedia(WIDE_SCREEN).matches) devPanel.open = true;
    // Folding the controls, quick replies or a turned phone change the transcript's height:
    // a transcript that showed its last message keeps showing it.
    let pinned = true;
    ui.transcript.addEventListener("scroll", () => {
      const t = ui.transcript;
      pinned = t.scrollHeight - t.scrollTop - t.clientHeight < 40;
    });
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => {
        if (pinned) scrollToBottom();
      }).observe(ui.transcript);
    }
    // A mouse wheel scrolls the quick replies sideways, as a finger would.
    ui.quickReplies.addEventListener("wheel", (ev) => {
      if (Math.abs(ev.deltaY) <= Math.abs(ev.deltaX)) return;
      ui.quickReplies.scrollLeft += ev.deltaY;
      ev.preventDefault();
    }, { passive: false });
    ui.userSelect.addEventListener("change", () => switchUser(ui.userSelect.value));
    $("send-button").addEventListener("click", sendTypedMessage);
    ui.input.addEventListener("keydown", (ev) => {
      // keyCode 229 = IME still processing (Thai/other input methods in some browsers).
      if (ev.key !== "Enter" || ev.isComposing || ev.keyCode === 229) return;
      ev.preventDefault();
      sendTypedMessage();
    });
    $("follow-button").addEventListener("click", () => sendEvent({ type: "follow" }));
    $("unfollow-button")?.addEventListener("click", () => sendEvent({ type: "unfollow" }));
    loadUsers();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
