// The netwerkschema by keyboard and screen reader, and pinched on a phone: mixed into network_schema.js, kept apart
// from its drawing. A person is spoken with ring and sector ("Ilse, Netwerk, Buren"); Enter opens their
// netwerklijst (or, in line mode, picks them); the arrows move them a ring in or out (up, down) or a sector round
// (left, right) by dropping them there, the very path a drag takes. A line is focusable and Enter opens it to mark
// how things are between the two. Two fingers zoom (+ / − / 0 on the keyboard), one finger pans a zoomed schema.

const MAX_ZOOM = 4;
const ZOOM_STEP = 1.25;
const RING_KEYS = { ArrowUp: -1, ArrowDown: 1 }; // up: a ring closer to the centre
const SECTOR_KEYS = { ArrowLeft: -1, ArrowRight: 1 }; // right: the next sector clockwise
const IN_VIEW_MARGIN = 80; // SVG units kept round a person brought into view (their name below them too)
const KEY_TARGET_MS = 2000; // a key press builds on the last one for so long, answered by the hub or not

const rad = (deg) => (deg * Math.PI) / 180;
const clampTo = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

export const schemaKeys = {
  created() {
    this.keyMove = null; // {id, at}: who was just moved by keyboard, to keep the focus on them while they redraw
    this.keyTargets = {}; // id → {ring, sector, distance, at}: where the last key press sent someone
    this.pinchPointers = new Map(); // pointerId → {x, y, onPerson}
    this.pinchStart = null; // {zoom, distance, at: svg point under the fingers' midpoint}
    this.panAnchor = null; // svg point under the one finger that pans
    this.pinchZoom = 1;
  },

  mounted() {
    this.fullBox = this.viewBox.split(" ").map(Number); // [x, y, width, height] of the whole disc
    const svg = this.$refs.svg;
    svg.addEventListener("pointerdown", this.pinchDown);
    svg.addEventListener("pointermove", this.pinchMove);
    svg.addEventListener("pointerup", this.pinchUp);
    svg.addEventListener("pointercancel", this.pinchUp);
  },

  // A person moved by keyboard may be redrawn elsewhere in the list, which takes the focus away: give it back.
  updated() {
    const move = this.keyMove;
    if (!move || performance.now() - move.at > 3000 || document.activeElement !== document.body) return;
    this.$refs.svg.querySelector(`[data-person="${CSS.escape(move.id)}"]`)?.focus({ preventScroll: true });
  },

  computed: {
    keysId() {
      return `pb-schema-keys-${this.uid}`;
    },
  },

  methods: {
    // ---- what a screen reader says ----
    personLabel(p) {
      const sector = p.type === "family_member" ? "" : this.labels[`sector.${p.sector}`] || p.sector;
      return [p.name, this.labels[`ring.${p.ring}`], sector].filter(Boolean).join(", ");
    },
    tieLabel(t) {
      const el = this.els[t.id], name = (id) => this.els[id]?.props.name || "?";
      const title = (this.labels.tie_title || "{a} – {b}").replace("{a}", name(el.props.a)).replace("{b}", name(el.props.b));
      return `${title}: ${this.labels[`tie.${t.kind}`] || t.kind}`;
    },

    // ---- keys ----
    onSchemaKey(e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const person = e.target.closest?.("[data-person]")?.dataset.person;
      const tie = e.target.closest?.("[data-tie]")?.dataset.tie;
      let done = this.zoomKey(e);
      if (done && person) this.showPerson(person);
      if (!done && (e.key === "Enter" || e.key === " ")) {
        if (person) this.tapPerson(person);
        else if (tie && !this.tieMode) this.$emit("open", { id: tie });
        done = Boolean(person || tie);
      } else if (!done && person && (e.key in RING_KEYS || e.key in SECTOR_KEYS)) {
        this.moveByKey(person, RING_KEYS[e.key] || 0, SECTOR_KEYS[e.key] || 0);
        done = true;
      }
      if (done) e.preventDefault();
    },

    // A ring in or out, or a sector round, at the same closeness: dropped there as a drag would be.
    moveByKey(id, ringStep, sectorStep) {
      const el = this.els[id];
      const dot = this.dots.find((d) => d.id === id);
      if (this.tieMode || !el || !dot) return;
      if (!dot.movable) {
        this.$emit("not_movable", { id });
        return;
      }
      const recent = this.keyTargets[id];
      const place = recent && performance.now() - recent.at < KEY_TARGET_MS ? recent : this.placeOf(el) || {};
      const g = this.geometry;
      const ring = clampTo((place.ring || 2) + ringStep, 1, 3);
      const index = g.sectors.indexOf(g.sectors.includes(place.sector) ? place.sector : "overig");
      const sector = g.sectors[(index + sectorStep + g.sectors.length) % g.sectors.length];
      if (ring === place.ring && sector === place.sector) return;
      const [start, end] = this.wedge(sector);
      const angle = (start + end) / 2, radius = this.ringRadius(ring, place.distance ?? 0.5) * this.R;
      this.keyMove = { id, at: performance.now() };
      this.keyTargets[id] = { ring, sector, distance: place.distance ?? 0.5, at: this.keyMove.at };
      this.drop(id, [radius * Math.sin(rad(angle)), -radius * Math.cos(rad(angle))]);
      this.$nextTick(() => this.showPerson(id));
    },

    zoomKey(e) {
      const factor = { "+": ZOOM_STEP, "=": ZOOM_STEP, "-": 1 / ZOOM_STEP, _: 1 / ZOOM_STEP }[e.key];
      if (factor) {
        const rect = this.$refs.svg.getBoundingClientRect();
        const middle = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
        this.zoomTo(this.pinchZoom * factor, this.svgPoint(middle), middle);
      } else if (e.key === "0") {
        this.zoomTo(1, [0, 0], null);
      }
      return Boolean(factor) || e.key === "0";
    },

    // A zoomed schema pans so that a person who gets the focus is in sight.
    showPerson(id) {
      if (this.pinchZoom === 1 || !this.spots[id]) return;
      const [px, py] = this.xyOf(id);
      const [x, y, w, h] = this.viewBox.split(" ").map(Number);
      const m = IN_VIEW_MARGIN;
      const nx = clampTo(x, px + m - w, px - m), ny = clampTo(y, py + m - h, py - m);
      if (nx !== x || ny !== y) this.setBox(nx, ny, w, h);
    },
    onSchemaFocus(e) {
      const person = e.target.closest?.("[data-person]")?.dataset.person;
      if (person) this.showPerson(person);
    },

    // ---- zoom and pan ----
    // Zoom to `zoom`, keeping the svg point `at` under the screen point `screen` (client coordinates).
    zoomTo(zoom, at, screen) {
      const [fx, fy, fw, fh] = this.fullBox;
      this.pinchZoom = clampTo(zoom, 1, MAX_ZOOM);
      const w = fw / this.pinchZoom, h = fh / this.pinchZoom;
      if (!screen) {
        this.setBox(fx, fy, w, h);
        return;
      }
      const rect = this.$refs.svg.getBoundingClientRect();
      this.setBox(at[0] - ((screen.clientX - rect.left) / rect.width) * w,
        at[1] - ((screen.clientY - rect.top) / rect.height) * h, w, h);
    },
    setBox(x, y, w, h) {
      const [fx, fy, fw, fh] = this.fullBox;
      const box = [clampTo(x, fx, fx + fw - w), clampTo(y, fy, fy + fh - h), w, h];
      this.viewBox = box.map((v) => Math.round(v * 100) / 100).join(" ");
    },

    pinchDown(e) {
      const onPerson = Boolean(e.target.closest("[data-person], [data-tie]"));
      this.pinchPointers.set(e.pointerId, { clientX: e.clientX, clientY: e.clientY, onPerson });
      if (this.pinchPointers.size === 2) {
        this.onPointerCancel(); // two fingers zoom: whoever the first one held stays where they were
        const frame = this.pinchFrame();
        this.pinchStart = { zoom: this.pinchZoom, distance: frame.distance, at: this.svgPoint(frame) };
      } else if (this.pinchPointers.size === 1 && !onPerson) {
        this.$refs.svg.setPointerCapture(e.pointerId);
        this.panAnchor = this.svgPoint(e);
      }
    },
    pinchMove(e) {
      const pointer = this.pinchPointers.get(e.pointerId);
      if (!pointer) return;
      Object.assign(pointer, { clientX: e.clientX, clientY: e.clientY });
      if (this.pinchStart && this.pinchPointers.size >= 2) {
        const frame = this.pinchFrame();
        const factor = this.pinchStart.distance > 0 ? frame.distance / this.pinchStart.distance : 1;
        this.zoomTo(this.pinchStart.zoom * factor, this.pinchStart.at, frame);
      } else if (this.panAnchor && !pointer.onPerson && this.pinchZoom > 1) {
        this.zoomTo(this.pinchZoom, this.panAnchor, e);
      }
    },
    pinchUp(e) {
      this.pinchPointers.delete(e.pointerId);
      if (this.pinchPointers.size < 2) this.pinchStart = null;
      const [rest] = this.pinchPointers.values();
      this.panAnchor = rest && !rest.onPerson ? this.svgPoint(rest) : null;
    },
    pinchFrame() {
      const [p, q] = [...this.pinchPointers.values()];
      return {
        clientX: (p.clientX + q.clientX) / 2, clientY: (p.clientY + q.clientY) / 2,
        distance: Math.hypot(p.clientX - q.clientX, p.clientY - q.clientY),
      };
    },
  },
};
