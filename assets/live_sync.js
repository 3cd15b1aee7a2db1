// What every live view of a board shares (the board canvas, the netwerkschema): a private copy of the elements
// kept current from the hub's messages, pushes with a batch id kept in an outbox until the hub answers, and a
// catch-up plus re-send after the socket reconnects. Mixed into each view's Vue component.

// 128 bits from the browser's cryptographic generator, as 32 hex digits: a batch id, or a new element's id that
// nobody can guess. getRandomValues works on plain http too (a tablet on a home network); randomUUID does not.
export function newCid() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

// Mirror of `apply_message` in board/protocol.py (held to it under Node by tests/unit/test_convergence.py); mutates
// the reactive element map in place.
export function applyChange(elements, change) {
  if (change.kind === "put") {
    elements[change.element.id] = change.element;
  } else if (change.kind === "remove") {
    delete elements[change.id];
  } else if (change.kind === "patch" && elements[change.id]) {
    const el = elements[change.id];
    Object.assign(el.props, change.props);
    el.version = change.version;
    el.updated_by = change.updated_by;
    el.updated_at = change.updated_at;
    if ("visibility" in change) el.visibility = change.visibility;
  }
}

const copy = (elements) => JSON.parse(JSON.stringify(elements || {}));

export const liveSync = {
  props: {
    elements: { type: Object, default: () => ({}) },
    seq: { type: Number, default: 0 },
  },

  data() {
    return {
      els: copy(this.elements), // our own copy: patches must not touch NiceGUI's props
      lastSeq: this.seq || 0,
    };
  },

  created() {
    // Not reactive on purpose: nothing on screen depends on these directly.
    this.outbox = {}; // cid → {ops}, until the hub acks or rejects it; re-sent after a reconnect
    this.socketTimer = null;
    this.wasConnected = false;
  },

  mounted() {
    this.$emit("ready", this.holding());
    this.watchSocket();
  },

  unmounted() {
    clearTimeout(this.socketTimer);
    window.socket?.off("connect", this.onConnect);
  },

  watch: {
    // A full props update (someone called update() on the element) carries a newer snapshot than ours.
    seq(value) {
      if (value > this.lastSeq) {
        this.els = copy(this.elements);
        this.lastSeq = value;
      }
    },
  },

  methods: {
    // ---- messages from the hub (see board/protocol.py) ----
    applyMessage(msg) {
      if (msg.type === "welcome") {
        this.els = Object.fromEntries(msg.elements.map((el) => [el.id, el]));
        this.lastSeq = msg.seq;
      } else if (msg.type === "commit") {
        if (msg.seq <= this.lastSeq) return; // NiceGUI may replay messages after a reconnect
        msg.changes.forEach((change) => applyChange(this.els, change));
        this.lastSeq = msg.seq;
      } else if (msg.type === "catchup") {
        if (msg.seq < this.lastSeq) return; // a replayed, older catchup
        msg.changes.forEach((change) => applyChange(this.els, change));
        this.lastSeq = msg.seq;
      } else if (msg.type === "ack" || msg.type === "reject") {
        const entry = this.outbox[msg.cid];
        if (!entry) return;
        delete this.outbox[msg.cid];
        this.settled(msg.cid, entry.ops, msg.type === "reject");
      }
    },

    // The hub answered one of our pushes; a view that shows its own changes early undoes them on a refusal.
    settled(cid, ops, rejected) {}, // eslint-disable-line no-unused-vars

    // What we hold, for a catch-up: the hub sends what changed after `since` and removes what we may no longer see.
    holding() {
      return { since: this.lastSeq, known: Object.keys(this.els) };
    },

    push(ops) {
      const cid = newCid();
      this.outbox[cid] = { ops };
      this.$emit("push", { cid, ops });
      return cid;
    },

    // ---- reconnecting ----
    watchSocket() {
      // On a first page load NiceGUI creates its socket after the components are mounted.
      if (!window.socket) {
        this.socketTimer = setTimeout(() => this.watchSocket(), 50);
        return;
      }
      this.wasConnected = window.socket.connected || window.did_handshake === true; // then any connect is a reconnect
      window.socket.on("connect", this.onConnect);
    },

    onConnect() {
      if (!this.wasConnected) {
        this.wasConnected = true; // the page's own first connection; 'ready' already asked for the state
        return;
      }
      this.$emit("resync", this.holding());
      for (const [cid, entry] of Object.entries(this.outbox)) this.$emit("push", { cid, ops: entry.ops });
    },
  },
};
