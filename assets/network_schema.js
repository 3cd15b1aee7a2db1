// Planbord's netwerkschema: the family (or one family member) in the centre, three rings and ten sectors around
// it, the people placed by meaning, and the lines between people who know each other. The server places everyone
// and their names (app/network_schema.py: network_graph/schema_layout.py and schema_labels.py) and sends the places
// along with the changes; this draws them. A person with another role elsewhere gets a second, hollow marker there,
// joined to their dot. Drag someone to another ring or sector or closer in (in the familie wedge: to a side of the
// family, or onto a parent); tap for their netwerklijst; in line mode tap two people to draw a line between them.
// Our own SVG, no libraries.
import { liveSync, newCid } from "live_sync";
import { schemaKeys } from "schema_keys";
import { RING_COLORS, TIE_LOOK, initials, personColor, photoOf, zigzagPath } from "people_look";

const R = 470; // the outer edge of ring 3, in SVG units (app/network_schema.py OUTER)
const VIEW = 490; // half the view box: the disc and a little margin; the sector names sit inside ring 3
const LARGE_BELOW = 0.52; // screen pixels per SVG unit below which the large text size is used (a phone)
const ON_PARENT = 20; // how far past a parent's dot a drop still counts as onto them, in SVG units
const TAP_SLOP_PX = 6;
const RING_FILLS = { 1: "#FBEFE7", 2: "#EAF5EE", 3: "#EAF1FA" };
const RING_LINES = { 1: "#EBC9B4", 2: "#BFDCCB", 3: "#BED0E8" };
const FONT = "system-ui, Segoe UI, Roboto, Arial, sans-serif";
const HOUSE = "M-16 -2 0 -15 16 -2M-12 -5.5V13H12V-5.5M-4 13V4.5H4V13";

const rad = (deg) => (deg * Math.PI) / 180;
const round2 = (v) => Math.round(v * 100) / 100;
const point = (angle, radius) => [radius * R * Math.sin(rad(angle)), -radius * R * Math.cos(rad(angle))];

function shorten(text, max) {
  return text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text;
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
      <circle v-for="ring in ringsOutsideIn" :key="ring" :r="geometry.rings[ring][1] * R" :fill="ringFills[ring]"
              :stroke="ringLines[ring]" stroke-width="2" :data-ring="ring" />
      <line v-for="s in spokes" :key="s.key" :x1="s.x1" :y1="s.y1" :x2="s.x2" :y2="s.y2" stroke="#FFFFFF"
            stroke-width="3" />
      <path v-if="target" class="pb-target" :d="target.path" fill="#2563EB" fill-opacity="0.14" stroke="#2563EB"
            stroke-width="2.5" stroke-dasharray="8 6" />
      <line v-for="d in sideLines" :key="d.key" :x1="d.x1" :y1="d.y1" :x2="d.x2" :y2="d.y2" stroke="#CDBBA9"
            stroke-width="2.5" class="pb-side-line" />
      <text v-for="r in ringLabels" :key="r.ring" :x="0" :y="r.y" text-anchor="middle" :font-family="font"
            :font-size="19 * zoom" font-weight="700" fill="#7B8794" pointer-events="none">{{ r.text }}</text>
      <text v-for="s in sideLabels" :key="s.key" :x="s.x" :y="s.y" text-anchor="middle" :font-family="font"
            :font-size="16 * zoom" font-style="italic" font-weight="700" fill="#8A5A3C" dominant-baseline="middle"
            pointer-events="none" class="pb-side-name" :data-side="s.key">{{ s.text }}</text>
      <path v-for="s in sectorLabels" :key="'arc-' + s.key" :id="clipId('arc-' + s.key)" :d="s.path" fill="none" />
      <text v-for="s in sectorLabels" :key="s.key" :font-family="font" :font-size="22 * Math.min(zoom, 1.3)"
            font-weight="700" fill="#52606D" pointer-events="none" :data-sector="s.key">
        <textPath :href="'#' + clipId('arc-' + s.key)" startOffset="50%" text-anchor="middle">{{ s.text }}</textPath>
      </text>
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
    <g class="pb-bridges" fill="none" pointer-events="none">
      <line v-for="m in markers" :key="m.id" :x1="m.px" :y1="m.py" :x2="m.x" :y2="m.y" :stroke="m.color"
            stroke-width="3" stroke-dasharray="2 7" stroke-linecap="round" :data-bridge="m.person" />
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
        <text y="46" text-anchor="middle" fill="#1F2933" :font-size="fitting(centrePerson.props.name, 20)"
              font-weight="800" :font-family="font">{{ shorten(centrePerson.props.name || '', 28) }}</text>
      </template>
      <template v-else>
        <path :d="house" fill="none" stroke="#E07A4F" stroke-width="3.5" stroke-linejoin="round"
              transform="translate(0,-20) scale(1.5)" />
        <text y="30" text-anchor="middle" fill="#1F2933" :font-size="fitting(familyName, 21)" font-weight="800"
              :font-family="font">{{ shorten(familyName || '', 28) }}</text>
      </template>
    </g>
    <g v-for="m in markers" :key="m.id" :data-marker="m.id" :data-of="m.person" :data-ring="m.ring"
       :data-sector="m.sector" :transform="'translate(' + m.x + ',' + m.y + ')'" role="button" tabindex="-1"
       :aria-label="m.title" class="pb-marker">
      <title>{{ m.title }}</title>
      <circle :r="m.r + 3" fill="#FFFFFF" />
      <circle :r="m.r" fill="#FFFFFF" :stroke="m.color" :stroke-width="Math.max(3, m.r / 5)" />
      <text v-if="m.r >= 10" :y="m.r * 0.36" text-anchor="middle" :fill="m.color" :font-size="m.r * 0.9"
            font-weight="800" :font-family="font">{{ m.initials }}</text>
      <text v-if="m.label" :y="m.label.y" text-anchor="middle" fill="#1F2933" :font-size="m.label.font"
            font-style="italic" font-weight="700" :font-family="font" stroke="#FFFFFF" stroke-width="5"
            paint-order="stroke" stroke-linejoin="round" :text-anchor="m.label.anchor">
        <tspan v-for="(line, i) in m.label.lines" :key="i" :x="m.label.x"
               :dy="i ? m.label.font * 1.15 : 0">{{ line }}</tspan>
      </text>
    </g>
    <g v-for="p in dots" :key="p.id" :data-person="p.id" :data-type="p.type" :data-ring="p.ring"
       :data-sector="p.sector" :data-angle="p.angle" :data-radius="p.radius"
       :transform="'translate(' + p.x + ',' + p.y + ')'" role="button" tabindex="0" :aria-label="personLabel(p)"
       :class="['pb-dot', { 'pb-dot-movable': p.movable, 'pb-dot-dragging': dragId === p.id }]">
      <title>{{ p.title }}</title>
      <circle :r="p.r * 1.13" :fill="tieFirst === p.id || onParent === p.id ? '#2563EB' : '#FFFFFF'" />
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
        <tspan v-for="(line, i) in p.lines" :key="i" :x="p.labelX" :dy="i ? p.font * 1.15 : 0">{{ line }}</tspan>
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
    layout: { type: Object, default: () => ({ spots: {}, sides: [], side_labels: [], sizes: {} }) },
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
      placed: this.layout, // where the server put everyone: spots, the familie wedge's sides, dots and names per size
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
    // Where everyone sits (angle, radius), as the server placed them; a second marker's id is "<person>#<n>".
    spots() {
      return Object.fromEntries(Object.entries(this.placed.spots || {}).filter(([id]) => !id.includes("#")));
    },
    size() {
      return (this.placed.sizes || {})[this.zoom > 1 ? "large" : "normal"] || {};
    },
    dots() {
      const result = [];
      for (const [id, [angle, radius]] of Object.entries(this.spots)) {
        if (id === this.centreId && this.centrePerson) continue;
        const el = this.els[id];
        if (!el) continue;
        const [x, y] = this.xyOf(id);
        const [dot, label] = this.size[id] || [12 / R, null];
        const name = el.props.name || "";
        const title = [name, el.props.relation, el.props.organisation].filter(Boolean).join(" · ");
        result.push({
          id, x, y, r: dot * R, angle: round2(angle), radius: round2(radius), type: el.type, name, title,
          ring: el.type === "family_member" ? this.ring.family : this.placeOf(el)?.ring ?? this.ring.informal,
          sector: this.placeOf(el)?.sector,
          color: personColor(el), photo: photoOf(el), initials: initials(name), ...this.labelOf(label),
          movable: !this.readonly && !this.tieMode && el.type === "network_person" && !this.fixedIds.has(id),
        });
      }
      // the one being dragged last, so it is drawn on top
      return result.sort((a, b) => (a.id === this.dragId) - (b.id === this.dragId));
    },
    // A person's other roles, each a hollow marker where that role sits, joined to their dot by a dotted line.
    markers() {
      const result = [];
      for (const [id, [angle, radius]] of Object.entries(this.placed.spots || {})) {
        if (!id.includes("#")) continue;
        const [person, index] = id.split("#");
        const el = this.els[person], role = el?.props.extra_roles?.[Number(index)];
        if (!role || !this.spots[person]) continue;
        const [x, y] = point(angle, radius).map(round2), [px, py] = this.xyOf(person);
        const [dot, label] = this.size[id] || [9 / R, null];
        const shown = this.labelOf(label);
        result.push({
          id, person, x, y, px, py, r: dot * R, ring: role.ring, sector: role.sector,
          color: RING_COLORS[role.ring] || RING_COLORS[this.ring.informal], initials: initials(el.props.name),
          title: `${el.props.name || ""} · ${role.role}`,
          label: shown.lines.length ? { lines: shown.lines, x: shown.labelX, y: shown.labelY, anchor: shown.anchor,
                                        font: shown.font } : null,
        });
      }
      return result;
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
      // along the rim, outside where people sit (the paths come from app/network_schema.py)
      return this.geometry.sectors.map((sector) => ({
        key: sector, path: this.geometry.sector_arcs[sector], text: this.labels[`sector.${sector}`] || sector,
      }));
    },
    // The rings by name and their numbers from the centre out, as the server counts them (board/elements.py Ring).
    ring() {
      return this.geometry.ring;
    },
    rings() {
      return Object.keys(this.geometry.rings).map(Number).sort((a, b) => a - b);
    },
    ringsOutsideIn() {
      return [...this.rings].reverse();
    },
    ringLabels() {
      // at the top of each ring, just inside its inner edge (the sector names sit at the outer edge of ring 3)
      return this.rings.map((ring) => ({
        ring, y: this.geometry.ring_labels[ring] * R, text: this.labels[`ring.${ring}`] || "",
      }));
    },
    // The familie wedge split into the sides of the family: a dashed line between the parts, each part's name.
    sideLines() {
      const parts = this.placed.sides || [];
      return parts.slice(1).map(([member, start]) => {
        const [x1, y1] = point(start, this.geometry.rings[this.ring.informal][0]), [x2, y2] = point(start, 1);
        return { key: `${member}`, x1, y1, x2, y2 };
      });
    },
    sideLabels() {
      return (this.placed.side_labels || []).map(([x, y, text], i) => ({ key: i, x: x * R, y: y * R, text }));
    },
    target() {
      if (!this.dragId || !this.dragAt) return null;
      if (this.onParent) return null; // the parent's dot lights up instead
      const { ring, sector, side } = this.placeAt(...this.dragAt);
      const [inner, outer] = this.geometry.rings[ring];
      const part = sector === "familie" && !this.centrePerson ? this.sidePart(side) : null;
      const [start, end] = part ? [part[1], part[2]] : this.wedge(sector);
      const a = inner * R, b = outer * R;
      const p = (r, angle) => [r * Math.sin(rad(angle)), -r * Math.cos(rad(angle))].map(round2).join(" ");
      return {
        ring, sector,
        path: `M${p(a, start)} L${p(b, start)} A${b} ${b} 0 0 1 ${p(b, end)} L${p(a, end)} A${a} ${a} 0 0 0 ${p(a, start)}Z`,
      };
    },
    // The parent someone is being dragged onto, in the familie wedge: let go to put them on that parent's side.
    onParent() {
      if (!this.dragId || !this.dragAt || this.centrePerson) return null;
      const el = this.els[this.dragId];
      if (!el || el.props.sector !== "familie") return null;
      const hit = this.dots.find((p) => p.type === "family_member" && this.els[p.id]?.props.role === "parent"
        && Math.hypot(p.x - this.dragAt[0], p.y - this.dragAt[1]) <= p.r + ON_PARENT);
      return hit ? hit.id : null;
    },
    hint() {
      if (this.readonly) return "";
      if (this.tieMode) return this.tieFirst ? this.labels.tie_second : this.labels.tie_hint;
      return this.labels.drag_hint || "";
    },
  },

  methods: {
    // ---- called from Python ----
    setCentre(id, layout) {
      this.centreId = id || "";
      this.tieFirst = null;
      if (layout) this.placed = layout;
    },
    // A hub message, with where everyone sits now when someone moved (see liveSync).
    applyMessage(msg) {
      liveSync.methods.applyMessage.call(this, msg);
      if (msg.layout) this.placed = msg.layout;
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
      const [inner, outer] = this.geometry.rings[ring] || this.geometry.rings[this.ring.informal];
      return inner + (outer - inner) * Math.min(Math.max(distance, 0), 1);
    },
    ringOf(radius) {
      return this.rings.find((ring) => radius <= this.geometry.rings[ring][1] + 1e-9) || this.ring.professional;
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
      const sector = this.sectorAt(angle);
      const part = (this.placed.sides || []).find(([, start, end]) => start <= angle && angle < end);
      return { ring, sector, distance: round2((radius - inner) / (outer - inner)), side: part ? part[0] : undefined };
    },
    sidePart(side) {
      return (this.placed.sides || []).find(([member]) => member === side) || null;
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
      this.zoom = scale && scale < LARGE_BELOW ? this.geometry.sizes.large : this.geometry.sizes.normal;
    },
    // A name as the server placed it: lines from a point beside the dot, in SVG units.
    labelOf(label) {
      if (!label) return { lines: [], labelX: 0, labelY: 0, anchor: "middle", font: 0 };
      const [lines, x, y, anchor, size] = label;
      return { lines, labelX: x * R, labelY: y * R, anchor, font: size * R };
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
    // A font size at which `text` fits across the centre circle (whole, up to a long family name).
    fitting(text, largest) {
      const room = 2 * (this.geometry.centre * R - 6) - 16;
      return Math.max(11, Math.min(largest, room / (0.6 * Math.min((text || "").length, 28) || 1)));
    },

    // ---- pointer input ----
    onPointerDown(e) {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      const person = e.target.closest("[data-person]");
      const marker = e.target.closest("[data-marker]"); // someone's other role: a tap opens them, it does not drag
      const tie = e.target.closest("[data-tie]");
      if (!person && !marker && !tie) return;
      this.$refs.svg.setPointerCapture(e.pointerId);
      this.gesture = {
        pointerId: e.pointerId, id: person ? person.dataset.person : marker ? marker.dataset.of : null,
        tie: tie ? tie.dataset.tie : null, marker: Boolean(marker), startX: e.clientX, startY: e.clientY, moved: false,
      };
    },
    onPointerMove(e) {
      const gesture = this.gesture;
      if (!gesture || gesture.pointerId !== e.pointerId || !gesture.id) return;
      if (!gesture.moved && Math.hypot(e.clientX - gesture.startX, e.clientY - gesture.startY) < TAP_SLOP_PX) return;
      gesture.moved = true;
      if (gesture.marker) return;
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

    // Let go: store what the spot means (ring, sector, closeness; in the familie wedge also whose side), on the
    // family's schema or this member's own.
    drop(id, at) {
      const parent = this.onParent;
      this.dragId = null;
      this.dragAt = null;
      const el = this.els[id];
      if (!el) return;
      if (parent) { // onto a parent: on their side of the family, where she was
        if (el.props.side !== parent) this.push([{ op: "update", id, props: { side: parent } }]);
        return;
      }
      const { side, ...place } = this.placeAt(...at);
      const current = this.placeOf(el) || {};
      const sided = !this.centrePerson && place.sector === "familie" && side !== undefined && side !== el.props.side;
      if (current.ring === place.ring && current.sector === place.sector && current.distance === place.distance
          && !sided) return;
      let props = sided ? { ...place, side } : place;
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
