// Planbord's netwerkschema: the family (or one family member) in the centre, three rings and ten sectors around
// it, the people placed by meaning (ring, sector, distance: network_graph/schema_layout.py does the same sums),
// and the lines between people who know each other. Drag someone to another ring or sector or closer in; tap for
// their netwerklijst; in line mode tap two people to draw a line between them. Our own SVG, no libraries.
import { liveSync, newCid } from "live_sync";
import { schemaKeys } from "schema_keys";
import { TIE_LOOK, initials, personColor, photoOf, zigzagPath } from "people_look";

const R = 470; // the outer edge of ring 3, in SVG units; the view box leaves room for the sector labels
const VIEW = 490; // half the view box: the disc and a little margin; the sector names sit inside ring 3
const TAP_SLOP_PX = 6;
const RING_FILLS = { 1: "#FBEFE7", 2: "#EAF5EE", 3: "#EAF1FA" };
const RING_LINES = { 1: "#EBC9B4", 2: "#BFDCCB", 3: "#BED0E8" };
const FONT = "system-ui, Segoe UI, Roboto, Arial, sans-serif";
const HOUSE = "M-16 -2 0 -15 16 -2M-12 -5.5V13H12V-5.5M-4 13V4.5H4V13";

const rad = (deg) => (deg * Math.PI) / 180;
const round2 = (v) => Math.round(v * 100) / 100;
const point = (angle, radius) => [radius * R * Math.sin(rad(angle)), -radius * R * Math.cos(rad(angle))];

// Python's (name.casefold(), name, id) order, close enough for names: the same people share a wedge the same way.
function byName(a, b) {
  const ka = [(a.props.name || "").toLowerCase(), a.props.name || "", a.id];
  const kb = [(b.props.name || "").toLowerCase(), b.props.name || "", b.id];
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

function shorten(text, max) {
  return text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text;
}

// A name in at most two lines of `max` characters: "Mevrouw" over "Visser" rather than "Mevrouw Vi…".
function nameLines(name, max) {
  const words = name.split(/\s+/).filter(Boolean);
  const lines = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + " " + word).length <= max) lines[last] += " " + word;
    else lines.push(word);
  }
  if (lines.length <= 2) return lines.map((line) => shorten(line, max));
  return [shorten(lines[0], max), shorten(lines.slice(1).join(" "), max)];
}

export default {
  mixins: [liveSync, schemaKeys],
  template: `
<div class="pb-schema">
  <svg ref="svg" class="pb-schema-svg" :viewBox="viewBox" :data-seq="lastSeq" :data-centre="centreId || 'family'"
       @pointerdown="onPointerDown" @pointermove="onPointerMove" @pointerup="onPointerUp"
       @pointercancel="onPointerCancel" @dblclick="onDoubleClick" @keydown="onSchemaKey" @focusin="onSchemaFocus"
       role="application" :aria-label="labels.schema" :aria-describedby="keysId">
    <g class="pb-rings">
      <circle v-for="ring in [3, 2, 1]" :key="ring" :r="geometry.rings[ring][1] * R" :fill="ringFills[ring]"
              :stroke="ringLines[ring]" stroke-width="2" :data-ring="ring" />
      <line v-for="s in spokes" :key="s.key" :x1="s.x1" :y1="s.y1" :x2="s.x2" :y2="s.y2" stroke="#FFFFFF"
            stroke-width="3" />
      <path v-if="target" class="pb-target" :d="target.path" fill="#2563EB" fill-opacity="0.14" stroke="#2563EB"
            stroke-width="2.5" stroke-dasharray="8 6" />
      <text v-for="r in ringLabels" :key="r.ring" :x="0" :y="r.y" text-anchor="middle" :font-family="font"
            :font-size="19 * zoom" font-weight="700" fill="#7B8794" pointer-events="none">{{ r.text }}</text>
      <text v-for="s in sectorLabels" :key="s.key" :x="s.x" :y="s.y" :text-anchor="s.anchor" :font-family="font"
            :font-size="22 * Math.min(zoom, 1.3)" font-weight="700" fill="#52606D" fill-opacity="0.8"
            dominant-baseline="middle" pointer-events="none"
            :data-sector="s.key">{{ s.text }}</text>
    </g>
    <g class="pb-ties" stroke-linecap="round" fill="none">
      <g v-for="t in ties" :key="t.id" :data-tie="t.id" :data-kind="t.kind" class="pb-tie" tabindex="0" role="button"
         :aria-label="tieLabel(t)">
        <line :x1="t.ax" :y1="t.ay" :x2="t.bx" :y2="t.by" stroke="transparent" stroke-width="22" />
        <path v-if="t.kind === 'conflict'" :d="t.zigzag" :stroke="tieLook.conflict.stroke" stroke-width="3.5"
              stroke-linejoin="round" pointer-events="none" />
        <line v-else :x1="t.ax" :y1="t.ay" :x2="t.bx" :y2="t.by" :stroke="(tieLook[t.kind] || tieLook.normal).stroke"
              stroke-width="3.5" :stroke-dasharray="(tieLook[t.kind] || tieLook.normal).dash" pointer-events="none" />
      </g>
    </g>
    <g class="pb-centre" pointer-events="none">
      <circle :r="geometry.centre * R - 6" fill="#FFFFFF" stroke="#E0A98A" stroke-width="3" />
      <template v-if="centrePerson">
        <clipPath :id="clipId('centre')"><circle r="34" cy="-14" /></clipPath>
        <circle r="36" cy="-14" :fill="color(centrePerson)" />
        <image v-if="photo(centrePerson)" :href="photo(centrePerson)" x="-34" y="-48" width="68" height="68"
               preserveAspectRatio="xMidYMid slice" :clip-path="'url(#' + clipId('centre') + ')'" />
        <text v-else y="-4" text-anchor="middle" fill="#fff" font-size="28" font-weight="800" :font-family="font">
          {{ initialsOf(centrePerson) }}</text>
        <text y="46" text-anchor="middle" fill="#1F2933" font-size="20" font-weight="800" :font-family="font">
          {{ shorten(centrePerson.props.name || '', 14) }}</text>
      </template>
      <template v-else>
        <path :d="house" fill="none" stroke="#E07A4F" stroke-width="3.5" stroke-linejoin="round"
              transform="translate(0,-20) scale(1.5)" />
        <text y="30" text-anchor="middle" fill="#1F2933" font-size="21" font-weight="800" :font-family="font">
          {{ shorten(familyName || '', 13) }}</text>
      </template>
    </g>
    <g v-for="p in dots" :key="p.id" :data-person="p.id" :data-type="p.type" :data-ring="p.ring"
       :data-sector="p.sector" :data-angle="p.angle" :data-radius="p.radius"
       :transform="'translate(' + p.x + ',' + p.y + ')'" role="button" tabindex="0" :aria-label="personLabel(p)"
       :class="['pb-dot', { 'pb-dot-movable': p.movable, 'pb-dot-dragging': dragId === p.id }]">
      <title>{{ p.title }}</title>
      <circle :r="p.r + 4" :fill="tieFirst === p.id ? '#2563EB' : '#FFFFFF'" />
      <template v-if="p.photo">
        <clipPath :id="clipId(p.id)"><circle :r="p.r" /></clipPath>
        <image :href="p.photo" :x="-p.r" :y="-p.r" :width="2 * p.r" :height="2 * p.r"
               preserveAspectRatio="xMidYMid slice" :clip-path="'url(#' + clipId(p.id) + ')'" />
      </template>
      <template v-else>
        <circle :r="p.r" :fill="p.color" />
        <text v-if="p.r >= 13" :y="p.r * 0.36" text-anchor="middle" fill="#fff" :font-size="p.r * 0.9"
              font-weight="800" :font-family="font">{{ p.initials }}</text>
      </template>
      <text v-if="p.lines.length" :y="p.labelY" :text-anchor="p.anchor" fill="#1F2933" :font-size="p.font"
            font-weight="700" :font-family="font" stroke="#FFFFFF" stroke-width="5" paint-order="stroke"
            stroke-linejoin="round">
        <tspan v-for="(line, i) in p.lines" :key="i" :x="p.labelX" :dy="i ? p.font * 1.1 : 0">{{ line }}</tspan>
      </text>
    </g>
  </svg>
  <div :id="keysId" class="pb-sr-only">{{ labels.keys_help }}</div>
  <div v-if="hint" class="pb-schema-hint" :class="{ 'pb-schema-hint-strong': tieMode }">{{ hint }}</div>
</div>`,

  props: {
    labels: { type: Object, default: () => ({}) },
    readonly: { type: Boolean, default: false },
    geometry: { type: Object, required: true },
    familyName: { type: String, default: "" },
    centre: { type: String, default: "" },
    fixed: { type: Array, default: () => [] }, // people this person may not move (the server's rule, asked there)
  },

  data() {
    return {
      R,
      centreId: this.centre || "",
      fixedIds: new Set(this.fixed),
      tieMode: false,
      tieFirst: null,
      dragId: null,
      dragAt: null, // [x, y] of the person being dragged, in SVG units
      pending: {}, // id → [x, y]: where someone was let go, shown until the hub has answered
      ringFills: RING_FILLS,
      ringLines: RING_LINES,
      tieLook: TIE_LOOK,
      font: FONT,
      house: HOUSE,
      viewBox: `${-VIEW} ${-VIEW} ${2 * VIEW} ${2 * VIEW}`,
      zoom: 1, // text grows on a small screen, so a phone can still read the names
      uid: Math.random().toString(36).slice(2, 8),
    };
  },

  created() {
    this.gesture = null; // the one pointer that went down on a person
  },

  mounted() {
    this.measure();
    window.addEventListener("resize", this.measure);
  },

  unmounted() {
    window.removeEventListener("resize", this.measure);
  },

  computed: {
    people() {
      return Object.values(this.els).filter((el) => el.type === "family_member" || el.type === "network_person");
    },
    centrePerson() {
      const el = this.els[this.centreId];
      return el && el.type === "family_member" ? el : null;
    },
    // Where everyone sits, by meaning: a mirror of schema_layout.layout (with `centre` for one member's schema).
    spots() {
      const g = this.geometry, centre = this.centrePerson ? this.centreId : null;
      const people = [...this.people].sort(byName);
      const family = people.filter((p) => p.type === "family_member" && p.id !== centre);
      const spots = {};
      family.forEach((p, i) => {
        spots[p.id] = [(360 * (i + 0.5)) / family.length % 360, this.ringRadius(1, g.family_distance)];
      });
      if (centre) spots[centre] = [0, 0];
      const groups = new Map();
      for (const p of people) {
        if (p.type === "family_member") continue;
        const place = centre ? (p.props.vip || []).find((v) => v.member === centre) : p.props;
        if (!place) continue;
        const ring = [1, 2, 3].includes(place.ring) ? place.ring : 2;
        const sector = g.sectors.includes(place.sector) ? place.sector : "overig";
        const key = `${ring}|${sector}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push([p.id, ring, sector, place.distance ?? 0.5]);
      }
      for (const members of groups.values()) {
        members.forEach(([id, ring, sector, distance], i) => {
          const [start, end] = this.wedge(sector);
          const angle = (start + ((end - start) * (i + 0.5)) / members.length + 360) % 360;
          spots[id] = [angle, this.ringRadius(ring, distance)];
        });
      }
      return spots;
    },
    // How many share a person's wedge in their ring: the room for their dot and name.
    rooms() {
      const counts = {}, groupOf = {};
      for (const [id, [angle, radius]] of Object.entries(this.spots)) {
        const el = this.els[id];
        const group = el.type === "family_member" ? "family" : `${this.ringOf(radius)}|${this.sectorAt(angle)}`;
        groupOf[id] = group;
        counts[group] = (counts[group] || 0) + 1;
      }
      const rooms = {};
      for (const [id, [, radius]] of Object.entries(this.spots)) {
        const arc = groupOf[id] === "family" ? 360 : this.geometry.wedge;
        rooms[id] = (radius * R * rad(arc)) / counts[groupOf[id]];
      }
      return rooms;
    },
    dots() {
      const result = [];
      for (const [id, [angle, radius]] of Object.entries(this.spots)) {
        if (id === this.centreId && this.centrePerson) continue;
        const el = this.els[id];
        const [x, y] = this.xyOf(id);
        const room = this.rooms[id];
        const zoom = this.zoom;
        const r = Math.min(30 * Math.sqrt(zoom), Math.max(12, room * 0.36));
        const font = 21 * zoom;
        // on the left and right the neighbours in a wedge stack up: the name goes beside the dot, towards the centre
        const side = Math.sin(rad(angle));
        const beside = el.type === "network_person" && Math.abs(side) > 0.75 && room < 120 * zoom;
        const max = Math.max(6, Math.floor((beside ? 180 : room) / (0.62 * font)));
        const named = room >= 44 * zoom * zoom || this.dragId === id;
        // at the bottom of the outer ring a name below the dot would leave the disc: it goes above
        const above = !beside && Math.cos(rad(angle)) < -0.6 && radius > this.geometry.rings[3][0];
        const name = el.props.name || "";
        const lines = named ? (beside ? [shorten(name, max)] : nameLines(name, max)) : [];
        const title = [name, el.props.relation, el.props.organisation].filter(Boolean).join(" · ");
        result.push({
          id, x, y, r, angle: round2(angle), radius: round2(radius), type: el.type, name, title,
          ring: el.type === "family_member" ? 1 : this.placeOf(el)?.ring ?? 2, sector: this.placeOf(el)?.sector,
          color: personColor(el), photo: photoOf(el), initials: initials(name),
          lines, font, labelX: beside ? (r + 7) * (side < 0 ? 1 : -1) : 0, labelY: beside ? font / 3 : above ? -r - 6 - (lines.length - 1) * font * 1.1 : r + font + 2,
          anchor: beside ? (side < 0 ? "start" : "end") : "middle",
          movable: !this.readonly && !this.tieMode && el.type === "network_person" && !this.fixedIds.has(id),
        });
      }
      // the one being dragged last, so it is drawn on top
      return result.sort((a, b) => (a.id === this.dragId) - (b.id === this.dragId));
    },
    ties() {
      const result = [];
      for (const el of Object.values(this.els)) {
        if (el.type !== "tie" || !this.spots[el.props.a] || !this.spots[el.props.b]) continue;
        const [ax, ay] = this.xyOf(el.props.a), [bx, by] = this.xyOf(el.props.b);
        const kind = el.props.kind || "normal";
        result.push({ id: el.id, kind, ax, ay, bx, by, zigzag: kind === "conflict" ? zigzagPath(ax, ay, bx, by) : "" });
      }
      return result;
    },
    spokes() {
      const g = this.geometry;
      return g.sectors.map((sector) => {
        const [start] = this.wedge(sector);
        const [x1, y1] = point(start, g.centre), [x2, y2] = point(start, 1);
        return { key: sector, x1, y1, x2, y2 };
      });
    },
    sectorLabels() {
      return this.geometry.sectors.map((sector) => {
        const [start, end] = this.wedge(sector);
        const angle = (start + end) / 2;
        const [x, y] = point(angle, 1 - 14 / R);
        const side = Math.sin(rad(angle)); // left and right the name runs inwards, so it stays on the disc
        const anchor = side < -0.5 ? "start" : side > 0.5 ? "end" : "middle";
        return { key: sector, x, y, anchor, text: this.labels[`sector.${sector}`] || sector };
      });
    },
    ringLabels() {
      // at the top of each ring, just inside its inner edge (the sector names sit at the outer edge of ring 3)
      return [1, 2, 3].map((ring) => ({
        ring, y: -(this.geometry.rings[ring][0] * R) - 12, text: this.labels[`ring.${ring}`] || "",
      }));
    },
    target() {
      if (!this.dragId || !this.dragAt) return null;
      const { ring, sector } = this.placeAt(...this.dragAt);
      const [inner, outer] = this.geometry.rings[ring];
      const [start, end] = this.wedge(sector);
      const a = inner * R, b = outer * R;
      const p = (r, angle) => [r * Math.sin(rad(angle)), -r * Math.cos(rad(angle))].map(round2).join(" ");
      return {
        ring, sector,
        path: `M${p(a, start)} L${p(b, start)} A${b} ${b} 0 0 1 ${p(b, end)} L${p(a, end)} A${a} ${a} 0 0 0 ${p(a, start)}Z`,
      };
    },
    hint() {
      if (this.readonly) return "";
      if (this.tieMode) return this.tieFirst ? this.labels.tie_second : this.labels.tie_hint;
      return this.labels.drag_hint || "";
    },
  },

  methods: {
    // ---- called from Python ----
    setCentre(id) {
      this.centreId = id || "";
      this.tieFirst = null;
    },
    setFixed(ids) {
      this.fixedIds = new Set(ids);
    },
    setTieMode(on) {
      this.tieMode = Boolean(on);
      this.tieFirst = null;
    },

    // ---- geometry (schema_layout.py) ----
    wedge(sector) {
      const g = this.geometry;
      const index = g.sectors.indexOf(g.sectors.includes(sector) ? sector : "overig");
      const start = index * g.wedge - g.wedge / 2;
      return [start, start + g.wedge];
    },
    ringRadius(ring, distance) {
      const [inner, outer] = this.geometry.rings[ring] || this.geometry.rings[2];
      return inner + (outer - inner) * Math.min(Math.max(distance, 0), 1);
    },
    ringOf(radius) {
      return [1, 2, 3].find((ring) => radius <= this.geometry.rings[ring][1] + 1e-9) || 3;
    },
    sectorAt(angle) {
      const g = this.geometry;
      return g.sectors[Math.floor((((angle + g.wedge / 2) % 360) + 360) % 360 / g.wedge) % g.sectors.length];
    },
    // The meaning of a spot: schema_layout.place_at.
    placeAt(x, y) {
      const angle = ((Math.atan2(x, -y) * 180) / Math.PI + 360) % 360;
      const radius = Math.min(Math.max(Math.hypot(x, y) / R, this.geometry.centre), 1);
      const ring = this.ringOf(radius);
      const [inner, outer] = this.geometry.rings[ring];
      return { ring, sector: this.sectorAt(angle), distance: round2((radius - inner) / (outer - inner)) };
    },
    placeOf(el) {
      if (el.type !== "network_person") return null;
      return this.centrePerson ? (el.props.vip || []).find((v) => v.member === this.centreId) : el.props;
    },
    xyOf(id) {
      if (this.dragId === id && this.dragAt) return this.dragAt;
      if (this.pending[id]) return this.pending[id];
      const [angle, radius] = this.spots[id];
      return point(angle, radius).map(round2);
    },
    svgPoint(e) {
      const matrix = this.$refs.svg.getScreenCTM();
      if (!matrix) return [0, 0];
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
      return [p.x, p.y];
    },

    measure() {
      const scale = (this.$refs.svg?.clientWidth || 0) / (2 * VIEW); // screen pixels per SVG unit
      this.zoom = scale ? Math.min(Math.max(0.62 / scale, 1), 1.4) : 1;
    },

    // ---- looks ----
    color(el) {
      return personColor(el);
    },
    photo(el) {
      return photoOf(el);
    },
    initialsOf(el) {
      return initials(el.props.name);
    },
    clipId(id) {
      return `pb-schema-${this.uid}-${id}`;
    },
    shorten,

    // ---- pointer input ----
    onPointerDown(e) {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      const person = e.target.closest("[data-person]");
      const tie = e.target.closest("[data-tie]");
      if (!person && !tie) return;
      this.$refs.svg.setPointerCapture(e.pointerId);
      this.gesture = {
        pointerId: e.pointerId, id: person ? person.dataset.person : null, tie: tie ? tie.dataset.tie : null,
        startX: e.clientX, startY: e.clientY, moved: false,
      };
    },
    onPointerMove(e) {
      const gesture = this.gesture;
      if (!gesture || gesture.pointerId !== e.pointerId || !gesture.id) return;
      if (!gesture.moved && Math.hypot(e.clientX - gesture.startX, e.clientY - gesture.startY) < TAP_SLOP_PX) return;
      gesture.moved = true;
      const el = this.els[gesture.id];
      if (this.readonly || this.tieMode || !el || el.type !== "network_person") return;
      if (this.fixedIds.has(gesture.id)) return; // not theirs to move: the server would refuse it
      this.dragId = gesture.id;
      this.dragAt = this.svgPoint(e);
    },
    onPointerUp(e) {
      const gesture = this.gesture;
      if (!gesture || gesture.pointerId !== e.pointerId) return;
      this.gesture = null;
      if (this.dragId) this.drop(this.dragId, this.svgPoint(e));
      else if (!gesture.moved && gesture.id) this.tapPerson(gesture.id);
      else if (!gesture.moved && gesture.tie && !this.tieMode) this.$emit("open", { id: gesture.tie });
    },
    onPointerCancel() {
      this.gesture = null;
      this.dragId = null;
      this.dragAt = null;
    },
    onDoubleClick(e) {
      if (this.readonly || this.tieMode || e.target.closest("[data-person]")) return;
      this.$emit("add", { ...this.placeAt(...this.svgPoint(e)), centre: this.centrePerson ? this.centreId : "" });
    },

    tapPerson(id) {
      if (!this.tieMode) {
        this.$emit("open", { id });
        return;
      }
      if (!this.tieFirst || this.tieFirst === id) {
        this.tieFirst = this.tieFirst === id ? null : id;
        return;
      }
      const a = this.tieFirst, b = id;
      this.tieFirst = null;
      const exists = Object.values(this.els).some((el) => el.type === "tie"
        && ((el.props.a === a && el.props.b === b) || (el.props.a === b && el.props.b === a)));
      if (exists) this.$emit("tie_exists", { a, b });
      else this.push([{ op: "create", id: `tie-${newCid()}`, type: "tie", props: { a, b } }]);
    },

    // Let go: store what the spot means (ring, sector, closeness), on the family's schema or this member's own.
    drop(id, at) {
      this.dragId = null;
      this.dragAt = null;
      const el = this.els[id];
      if (!el) return;
      const place = this.placeAt(...at);
      const current = this.placeOf(el) || {};
      if (current.ring === place.ring && current.sector === place.sector && current.distance === place.distance) return;
      let props = place;
      if (this.centrePerson) {
        const others = (el.props.vip || []).filter((v) => v.member !== this.centreId);
        props = { vip: [...others, { member: this.centreId, ...place }] };
      }
      this.pending[id] = at;
      this.push([{ op: "update", id, props }]);
    },

    // The hub answered: from now on the person sits where the board says.
    settled(cid, ops) {
      for (const op of ops) delete this.pending[op.id];
    },
  },
};
