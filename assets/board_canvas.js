// Planbord's board canvas: draws one board as SVG and turns pointer input (mouse, touch, pen) into operations.
// State comes down as props (the snapshot a page render carries) and as `applyMessage` calls (the hub's deltas);
// what the person does goes up as `push` events, and a card on its way as volatile `drag` events (only the drop
// is an operation). Our own code: no libraries beyond the Vue that NiceGUI ships.
import { boardKeys } from "board_keys";
import { liveSync } from "live_sync";
import { TIE_LOOK, initials, personColor, photoOf, zigzagPath } from "people_look";

const PEOPLE = ["family_member", "network_person"];
const TEXT_CARDS = ["goal", "agreement", "note"];
const MAX_OWNER_DOTS = 4;
const TAP_SLOP_PX = 6; // less movement than this is a tap, not a drag
const TAP_MS = 500;
const SEND_EVERY_MS = 40; // about 25 places a second while dragging (design.md: 20–30)
const MOVING_FORGET_MS = 3000; // someone else's card on its way goes back to its stored place after this silence
const VIEW_SETTLE_MS = 250;
const MIN_SCALE = 0.2;
const MAX_SCALE = 3;
// A phone opens readable rather than whole: its smallest card text (13px: the line under a name, the tags) at 12
// CSS pixels or more. A phone is a screen whose short side is below PHONE_PX, held either way.
const READABLE_SCALE = 12 / 13;
const PHONE_PX = 600;
const SVG_FONT = "system-ui, Segoe UI, Roboto, Arial, sans-serif";

// Simple line icons on a 24×24 grid, drawn with a round 2px stroke.
const ICONS = {
  home: "M3 11.5 12 4l9 7.5M5.5 9.8V20h13V9.8M10 20v-5.5h4V20",
  school: "M12 6.5C9.5 4.8 6 4.5 2.5 5.5v13.5c3.5-1 7-.7 9.5 1 2.5-1.7 6-2 9.5-1V5.5C18 4.5 14.5 4.8 12 6.5zM12 6.5V20",
  money: "M2.5 6.5h19v11h-19zM15 12a3 3 0 1 1-6 0 3 3 0 1 1 6 0M5.5 9.5v5M18.5 9.5v5",
  heart: "M12 20.5C6 16 2.5 12.8 2.5 8.8a4.8 4.8 0 0 1 9.5-1 4.8 4.8 0 0 1 9.5 1c0 4-3.5 7.2-9.5 11.7z",
  bed: "M2.5 19V6M2.5 15h19v4M21.5 15v-3a3 3 0 0 0-3-3H11v6M8.5 11.5a2 2 0 1 1-4 0 2 2 0 1 1 4 0",
  ball: "M21 12a9 9 0 1 1-18 0 9 9 0 1 1 18 0M3.5 9.5c5 2 12 2 17 0M12 3c-2.5 5-2.5 13 0 18",
  phone: "M8 2.5h8a1.5 1.5 0 0 1 1.5 1.5v16a1.5 1.5 0 0 1-1.5 1.5H8A1.5 1.5 0 0 1 6.5 20V4A1.5 1.5 0 0 1 8 2.5zM11 18h2",
  star: "M12 3l2.7 5.6 6.1.8-4.5 4.3 1.1 6.1L12 16.9l-5.4 2.9 1.1-6.1-4.5-4.3 6.1-.8z",
  sun: "M16 12a4 4 0 1 1-8 0 4 4 0 1 1 8 0M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3 7 7M17 17l1.7 1.7M5.3 18.7 7 17M17 7l1.7-1.7",
  people: "M12.5 8a3.5 3.5 0 1 1-7 0 3.5 3.5 0 1 1 7 0M2.5 20.5c0-4 2.9-6 6.5-6s6.5 2 6.5 6M15.5 4.8a3.2 3.2 0 0 1 0 6.4M17.5 14.6c2.4.5 4 2.4 4 5.9",
  target: "M21 12a9 9 0 1 1-18 0 9 9 0 1 1 18 0M16.5 12a4.5 4.5 0 1 1-9 0 4.5 4.5 0 1 1 9 0M12.8 12a.8.8 0 1 1-1.6 0 .8.8 0 1 1 1.6 0",
  calendar: "M4 5.5h16v15H4zM4 10h16M8.5 3.5v4M15.5 3.5v4M8.5 15.2l2.3 2.3 4.7-4.7",
  cloud: "M7 18.5h10.5a4 4 0 0 0 .5-8 6 6 0 0 0-11.6 1A3.6 3.6 0 0 0 7 18.5z",
  bulb: "M9.5 17.5h5M10.5 21h3M12 3a6 6 0 0 0-3.6 10.8c.7.6 1.1 1.4 1.1 2.2h5c0-.8.4-1.6 1.1-2.2A6 6 0 0 0 12 3z",
  question: "M21 12a9 9 0 1 1-18 0 9 9 0 1 1 18 0M9.3 9.5a2.8 2.8 0 1 1 4 2.5c-.8.4-1.3 1-1.3 1.9v.6M12 17.5v.1",
  note: "M5 3.5h14v17H5zM8.5 8.5h7M8.5 12h7M8.5 15.5h4",
  check: "M5 12.5l4.5 4.5L19 7.5",
  shield: "M12 2.8 19.5 5.6v5.7c0 4.6-3.1 8.3-7.5 9.9-4.4-1.6-7.5-5.3-7.5-9.9V5.6zM9.5 12.2l1.8 1.8 3.4-3.6",
  clock: "M21 12a9 9 0 1 1-18 0 9 9 0 1 1 18 0M12 7v5.2l3.4 2",
  lock: "M5.5 10.5h13v10h-13zM8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3M12 14.5v2.5",
  homeCoach: "M2.5 11.5 10 5l7.5 6.5M4.5 10v9.5h11V10M22 8.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 1 1 5 0M17 19.5c0-3 1.3-5 2.8-5",
};
// Who can see a card, as a small round badge on its top right corner: icon and ring colour per scope.
const SEEN_BY = {
  everyone: { icon: "people", ink: "#6B7280" },
  family_coordinator: { icon: "homeCoach", ink: "#2C66AD" },
  family: { icon: "home", ink: "#B85B17" },
  named: { icon: "lock", ink: "#B3261E" },
};

// The mouth of each face at the end of a goal's progress bar, for children; which progress shows which face is
// the server's `faces` prop (board/elements.py PROGRESS_FACES), so the board and the plan agree.
const MOUTHS = {
  worried: { mouth: "M-4.2,5 Q0,1.2 4.2,5", fill: "none" },
  content: { mouth: "M-4.5,2.4 Q0,6.8 4.5,2.4", fill: "none" },
  glad: { mouth: "M-5,1.8 Q0,9.5 5,1.8Z", fill: "#5B3A10" },
};

// Friendly, calm colours: fill, border, accent (icons and headings).
const CARD_STYLE = {
  goal: { fill: "#EAF7EE", line: "#A6D9B5", ink: "#23824B", icon: "target" },
  agreement: { fill: "#E9F1FC", line: "#A9C6EE", ink: "#2C66AD", icon: "calendar" },
  note: { fill: "#FFF5BF", line: "#EBD570", ink: "#8A6D00", icon: "note" },
  strength: { fill: "#E8F7E4", line: "#A5D898", ink: "#3A8A2A", icon: "sun" },
  worry: { fill: "#FFEBDD", line: "#F4B88C", ink: "#B85B17", icon: "cloud" },
  question: { fill: "#E6F2FD", line: "#9CC7EE", ink: "#2672BA", icon: "question" },
  idea: { fill: "#FFFBE3", line: "#F0DE85", ink: "#A88400", icon: "bulb" },
  verslag: { fill: "#F3F0FA", line: "#C9BDE8", ink: "#5B3FA0", icon: "note" },
};
// How a goal or agreement differs from its plain look. A kader (a limit set for safety) must never pass for the
// family's own goal: red border, striped band, shield. A proposal is not yet agreed: dashed and lighter.
const KADER_STYLE = { fill: "#FCF1EF", line: "#C8473F", ink: "#B3261E", icon: "shield", width: 2.5 };
const PROPOSAL_STYLE = { fill: "#F8FCF9", line: "#8CC7A0", dash: "7 5" };
// A concept (a professional's draft the family reads first) is dashed and grey until a parent approves it.
const CONCEPT_STYLE = { fill: "#F7F7F5", line: "#8A939E", dash: "7 5" };
const OVERDUE_STYLE = { line: "#D64545", width: 2.5 };
const DONE_TAG = { fill: "#2E9E5B", ink: "#FFFFFF", icon: "check" };
const TAG_STYLE = {
  reached: DONE_TAG,
  done: DONE_TAG,
  proposal: { fill: "#FFFFFF", ink: "#4B5563", line: "#9AA5B1", dash: "4 3" },
  concept: { fill: "#FFFFFF", ink: "#4B5563", line: "#9AA5B1", dash: "4 3" },
  overdue: { fill: "#D64545", ink: "#FFFFFF", icon: "clock" },
};
const ZONE_STYLE = {
  krachten: { fill: "#EFF9F0", line: "#BFE3C6", ink: "#2E7D46" },
  zorgen: { fill: "#FFF3E9", line: "#F6CFAE", ink: "#B4601B" },
  hulpvraag: { fill: "#EDF4FD", line: "#BCD3F1", ink: "#2F65A8" },
  toekomst: { fill: "#F5EFFC", line: "#D6C4EF", ink: "#6B46A8" },
  free: { fill: "#F4F4F2", line: "#DAD9D4", ink: "#55585E" },
};
const ICON_COLORS = {
  home: "#E07A4F", school: "#3F7CC0", money: "#2F9464", heart: "#E0565B", bed: "#8A63C9",
  ball: "#E39A2D", phone: "#4B5563", star: "#E2AA12", sun: "#EA9A00", people: "#3F9970",
};

// In NiceGUI's "components" layer, so the page's own classes (size, position) win over these defaults.
const CSS = `@layer components {
.pb-board { position: relative; width: 100%; height: 100%; min-height: 320px; overflow: hidden; background: #FBFAF6; }
.pb-svg { position: absolute; inset: 0; display: block; width: 100%; height: 100%; touch-action: none;
  user-select: none; -webkit-user-select: none; -webkit-touch-callout: none; cursor: default; }
.pb-card { cursor: pointer; outline: none; }
.pb-movable { cursor: grab; }
.pb-dragging { cursor: grabbing; }
.pb-card:focus-visible .pb-bg { stroke: #2563EB; stroke-width: 3; }
.pb-html { box-sizing: border-box; width: 100%; height: 100%; overflow: hidden; color: #1F2933;
  font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.pb-head { font-size: 15px; font-weight: 700; line-height: 24px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pb-text { height: auto; font-size: 17px; line-height: 22px; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical;
  overflow: hidden; -webkit-line-clamp: 3; line-clamp: 3; }
.pb-one { -webkit-line-clamp: 1; line-clamp: 1; }
.pb-two { -webkit-line-clamp: 2; line-clamp: 2; }
.pb-due { font-size: 14px; font-weight: 700; line-height: 22px; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.pb-person { display: flex; flex-direction: column; justify-content: center; }
.pb-name { font-size: 16px; font-weight: 700; line-height: 19px; overflow-wrap: normal; }
.pb-sub { font-size: 13px; line-height: 17px; color: #5B6470; }
.pb-picto { font-size: 15px; font-weight: 700; line-height: 17px; text-align: center; }
.pb-zone-title { font-size: 22px; font-weight: 800; line-height: 30px; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.pb-hint { position: absolute; left: 0; right: 0; bottom: 16px; width: fit-content; max-width: calc(100% - 32px);
  margin: 0 auto;
  padding: 8px 16px; border-radius: 999px; background: rgba(31, 41, 51, .78); color: #fff; pointer-events: none;
  font: 600 15px/1.3 system-ui, "Segoe UI", Roboto, Arial, sans-serif; text-align: center; transition: opacity .4s; }
}`;

let instances = 0;

function injectStyle() {
  if (document.getElementById("pb-board-canvas-style")) return;
  const style = document.createElement("style");
  style.id = "pb-board-canvas-style";
  style.textContent = CSS;
  document.head.appendChild(style);
}

const round1 = (v) => Math.round(v * 10) / 10;
// The key of a card's sharing in the server's words; `seen_key` in app/pages/sharing.py makes the same.
const seenKey = (visibility) => JSON.stringify([visibility?.scope || "everyone", visibility?.names || []]);
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

// Today as YYYY-MM-DD in the browser's own time zone, comparable with the ISO dates in props.
function todayIso() {
  const now = new Date(), two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

// Width of a short bold 13px label (a tag or a number), measured once per word; a rough guess without a canvas.
const labelWidths = new Map();
let measureContext = null;
function labelWidth(text) {
  const key = String(text);
  if (!labelWidths.has(key)) {
    measureContext ??= document.createElement("canvas").getContext("2d");
    if (measureContext) measureContext.font = `700 13px ${SVG_FONT}`;
    labelWidths.set(key, Math.ceil(measureContext ? measureContext.measureText(key).width : key.length * 8));
  }
  return labelWidths.get(key);
}

export default {
  mixins: [liveSync, boardKeys],
  template: `
<div class="pb-board">
  <svg class="pb-svg" ref="svg" :data-seq="lastSeq" @pointerdown="onPointerDown" @pointermove="onPointerMove"
       @pointerup="onPointerUp" @pointercancel="onPointerCancel" @wheel.prevent="onWheel" @keydown="onKey"
       @focusin="onFocusIn" tabindex="0" role="application" :aria-label="label('board')"
       :aria-describedby="ids.keys">
    <defs>
      <pattern :id="ids.grid" width="32" height="32" patternUnits="userSpaceOnUse" :patternTransform="worldTransform">
        <circle cx="16" cy="16" r="1.7" fill="#D9D4C7" />
      </pattern>
      <filter :id="ids.shadow" x="-20%" y="-20%" width="140%" height="160%">
        <feDropShadow dx="0" dy="3" stdDeviation="4" flood-color="#1F2933" flood-opacity="0.13" />
      </filter>
      <filter :id="ids.lift" x="-30%" y="-30%" width="160%" height="180%">
        <feDropShadow dx="0" dy="10" stdDeviation="10" flood-color="#1F2933" flood-opacity="0.25" />
      </filter>
      <pattern :id="ids.stripes" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="12" height="12" fill="#A9B0B8" />
        <rect width="6" height="12" fill="#D0463E" />
      </pattern>
      <clipPath :id="ids.goalClip">
        <rect :width="sizes.goal[0]" :height="sizes.goal[1]" rx="14" />
      </clipPath>
    </defs>
    <rect width="100%" height="100%" :fill="'url(#' + ids.grid + ')'" :opacity="view.scale < 0.45 ? 0.5 : 1" />
    <g :transform="worldTransform">
      <g v-for="z in zones" :key="z.id" :data-id="z.id" data-type="zone" :transform="at(z)">
        <rect :width="z.props.w" :height="z.props.h" rx="22" :fill="zoneStyle(z).fill" :stroke="zoneStyle(z).line"
              stroke-width="2" />
        <g class="pb-zone-handle" :style="{ cursor: readonly ? 'pointer' : 'grab' }">
          <rect :width="z.props.w" height="56" fill="transparent" />
          <foreignObject x="20" y="12" :width="Math.max(0, z.props.w - 40)" height="34">
            <div class="pb-html pb-zone-title" :style="{ color: zoneStyle(z).ink }">{{ z.props.title || label('zone') }}</div>
          </foreignObject>
        </g>
      </g>
      <g v-for="t in ties" :key="t.id" :data-id="t.id" data-type="tie" pointer-events="none" stroke-linecap="round"
         fill="none">
        <path v-if="t.kind === 'conflict'" :d="t.zigzag" :stroke="tieLook.conflict.stroke" stroke-width="3.5"
              stroke-linejoin="round" />
        <line v-else :x1="t.ax" :y1="t.ay" :x2="t.bx" :y2="t.by" :stroke="(tieLook[t.kind] || tieLook.normal).stroke"
              stroke-width="3.5" :stroke-dasharray="(tieLook[t.kind] || tieLook.normal).dash" />
      </g>
      <line v-for="l in links" :key="l.id" :data-link="l.id" pointer-events="none" :x1="l.ax" :y1="l.ay" :x2="l.bx"
            :y2="l.by" stroke="#AEB6BF" stroke-width="2" stroke-linecap="round" stroke-dasharray="0.1 6" />
      <g v-for="el in cards" :key="el.id" :data-id="el.id" :data-type="el.type" :transform="at(el)" tabindex="0"
         role="button" :aria-label="ariaLabel(el)"
         :class="['pb-card', { 'pb-movable': !readonly, 'pb-dragging': dragging[el.id] }]">
        <rect class="pb-bg" :width="size(el)[0]" :height="size(el)[1]" :rx="isPerson(el) ? 35 : 14"
              :fill="look(el).fill" :stroke="dragging[el.id] ? '#3B82F6' : look(el).line"
              :stroke-width="dragging[el.id] ? 3 : look(el).width || 1.5" :stroke-dasharray="look(el).dash || null"
              :filter="'url(#' + (dragging[el.id] ? ids.lift : ids.shadow) + ')'" />

        <template v-if="isTextCard(el)">
          <rect v-if="isKader(el)" class="pb-band" :width="size(el)[0]" height="9" :fill="'url(#' + ids.stripes + ')'"
                :clip-path="'url(#' + ids.goalClip + ')'" />
          <g v-if="numberLabel(el)" class="pb-number">
            <rect x="10" y="9" :width="numberWidth(el)" height="26" rx="13" :fill="look(el).ink" />
            <text :x="10 + numberWidth(el) / 2" y="27" text-anchor="middle" fill="#fff" font-size="14" font-weight="800"
                  :font-family="font">{{ numberLabel(el) }}</text>
          </g>
          <path v-if="showsIcon(el)" :d="icon(look(el).icon)" fill="none" :stroke="look(el).ink" stroke-width="2.2"
                :transform="'translate(' + (headX(el) - 28) + ',11) scale(0.9)'" stroke-linecap="round"
                stroke-linejoin="round" />
          <foreignObject :x="headX(el)" y="9" :width="headWidth(el)" height="26">
            <div class="pb-html pb-head" :style="{ color: look(el).ink }">{{ heading(el) }}</div>
          </foreignObject>
          <g v-for="tag in tags(el)" :key="tag.key" class="pb-tag" :data-tag="tag.key"
             :transform="'translate(' + tag.x + ',9)'">
            <rect :width="tag.w" height="25" rx="12.5" :fill="tag.fill" :stroke="tag.line || 'none'"
                  :stroke-dasharray="tag.dash || null" stroke-width="1.5" />
            <path v-if="tag.icon" :d="icon(tag.icon)" transform="translate(6,4.5) scale(0.66)" fill="none"
                  :stroke="tag.ink" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
            <text :x="tag.icon ? 25 : 10" y="17.5" :fill="tag.ink" font-size="13" font-weight="700"
                  :font-family="font">{{ tag.text }}</text>
          </g>
          <foreignObject x="14" y="40" :width="size(el)[0] - 28" :height="size(el)[1] - 48">
            <div class="pb-html pb-text" :class="{ 'pb-two': dueDate(el) || hasFooter(el) }">
              <b v-if="el.type === 'agreement' && el.props.who">{{ el.props.who }}: </b>{{ el.props.text }}
            </div>
          </foreignObject>
          <foreignObject v-if="dueDate(el)" x="14" :y="size(el)[1] - 31" :width="size(el)[0] - 28" height="22">
            <div class="pb-html pb-due" :style="{ color: isOverdue(el) ? overdueInk : look(el).ink }">
              {{ label('until') }} {{ dueDate(el) }}</div>
          </foreignObject>
          <g v-if="hasFooter(el)" class="pb-footer" :transform="'translate(14,' + (size(el)[1] - 20) + ')'">
            <g v-for="(dot, i) in ownerDots(el)" :key="dot.key" :transform="'translate(' + (11 + 23 * i) + ',0)'">
              <circle r="11" :fill="dot.color" stroke="#fff" stroke-width="1.5" />
              <text y="3.8" text-anchor="middle" fill="#fff" :font-size="dot.more ? 10 : 9.5" font-weight="800"
                    :font-family="font">{{ dot.text }}</text>
            </g>
            <g v-if="progressOf(el) !== null" class="pb-progress"
               :transform="'translate(' + (size(el)[0] - 129) + ',0)'">
              <title>{{ label('progress') }}: {{ progressOf(el) }}/10</title>
              <rect y="-4" width="74" height="8" rx="4" fill="#DDE7E0" />
              <rect v-if="progressOf(el) > 0" y="-4" :width="7.4 * progressOf(el)" height="8" rx="4"
                    :fill="look(el).ink" />
              <g transform="translate(90,0)">
                <circle r="11" fill="#FFD35C" stroke="#D9A521" stroke-width="1.3" />
                <circle cx="-3.8" cy="-2.6" r="1.5" fill="#5B3A10" />
                <circle cx="3.8" cy="-2.6" r="1.5" fill="#5B3A10" />
                <path :d="face(el).mouth" :fill="face(el).fill" stroke="#5B3A10" stroke-width="1.6"
                      stroke-linecap="round" stroke-linejoin="round" />
              </g>
            </g>
          </g>
        </template>

        <template v-else-if="isPerson(el)">
          <template v-if="photoOf(el)">
            <clipPath :id="photoClip(el)">
              <circle cx="33" cy="35" r="24" />
            </clipPath>
            <circle cx="33" cy="35" r="25.5" :fill="personColor(el)" />
            <image class="pb-photo" :href="photoOf(el)" x="9" y="11" width="48" height="48"
                   preserveAspectRatio="xMidYMid slice" :clip-path="'url(#' + photoClip(el) + ')'" />
          </template>
          <template v-else>
            <circle cx="33" cy="35" r="24" :fill="personColor(el)" />
            <text x="33" y="41" text-anchor="middle" fill="#fff" font-size="17" font-weight="700"
                  font-family="system-ui, Segoe UI, Roboto, Arial, sans-serif">{{ initialsOf(el) }}</text>
          </template>
          <foreignObject x="63" y="5" width="101" height="60">
            <div class="pb-html pb-person">
              <div class="pb-name pb-text pb-two">{{ el.props.name }}</div>
              <div v-if="personLine(el)" class="pb-sub pb-text pb-one">{{ personLine(el) }}</div>
            </div>
          </foreignObject>
        </template>

        <template v-else-if="el.type === 'pictogram'">
          <path :d="icon(el.props.icon)" transform="translate(31,8) scale(2)" fill="none"
                :stroke="iconColor(el.props.icon)" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          <foreignObject x="6" y="66" width="98" height="38">
            <div class="pb-html pb-picto pb-text pb-two">{{ el.props.label }}</div>
          </foreignObject>
        </template>
        <g class="pb-seen-by" :data-scope="scopeOf(el)" :transform="'translate(' + (size(el)[0] - 4) + ',-2)'"
           role="img" :aria-label="seenBy(el)">
          <title>{{ seenBy(el) }}</title>
          <circle r="12" fill="#fff" :stroke="seenLook(el).ink" stroke-width="1.5" />
          <path :d="icon(seenLook(el).icon)" transform="translate(-7.2,-7.2) scale(0.6)" fill="none"
                :stroke="seenLook(el).ink" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
        </g>
      </g>
    </g>
  </svg>
  <div :id="ids.keys" class="pb-sr-only">{{ label('keys_help') }}</div>
  <div v-if="!readonly && labels.drag_hint" class="pb-hint" :style="{ opacity: hintVisible ? 1 : 0 }">{{ labels.drag_hint }}</div>
</div>`,

  props: {
    labels: { type: Object, default: () => ({}) },
    readonly: { type: Boolean, default: false },
    seen: { type: Object, default: () => ({}) }, // who sees a card, in the server's words, per seenKey
    sizes: { type: Object, required: true }, // [width, height] of each card type (board/layout.py SIZES)
    faces: { type: Array, required: true }, // [up to, face] per progress face (board/elements.py PROGRESS_FACES)
  },

  data() {
    const uid = ++instances;
    return {
      seenWords: { ...this.seen }, // our own copy: `hear` adds to it as the server says more
      overrides: {}, // id → {x, y, cid}: positions we show before the server has confirmed them
      moving: {}, // id → {x, y}: where someone else is dragging a card right now (never stored)
      dragging: {}, // id → true while a finger, pen or mouse holds it
      view: { x: 0, y: 0, scale: 1 },
      hintVisible: true,
      tieLook: TIE_LOOK,
      font: SVG_FONT,
      overdueInk: OVERDUE_STYLE.line,
      ids: {
        grid: `pb-grid-${uid}`, shadow: `pb-shadow-${uid}`, lift: `pb-lift-${uid}`,
        stripes: `pb-stripes-${uid}`, goalClip: `pb-goal-clip-${uid}`, keys: `pb-keys-${uid}`, uid,
      },
    };
  },

  created() {
    // Not reactive on purpose: nothing on screen depends on these directly.
    this.cardGestures = new Map(); // pointerId → gesture on one card (several children may drag at once)
    this.panPointers = new Map(); // pointerId → last {x, y} of fingers on the background
    this.movingTimers = {}; // id → the timer that forgets someone else's drag gone quiet
    this.viewTimer = null;
  },

  mounted() {
    injectStyle();
    this.fitContent();
    this.emitView();
    window.addEventListener("resize", this.scheduleView); // a tablet turned sideways has a new centre
  },

  unmounted() {
    clearTimeout(this.viewTimer);
    for (const gesture of this.cardGestures.values()) clearTimeout(gesture.timer);
    for (const timer of Object.values(this.movingTimers)) clearTimeout(timer);
    window.removeEventListener("resize", this.scheduleView);
  },

  watch: {
    seen(value) {
      this.seenWords = { ...value };
    },
  },

  computed: {
    worldTransform() {
      return `translate(${this.view.x},${this.view.y}) scale(${this.view.scale})`;
    },
    zones() {
      return Object.values(this.els).filter((el) => el.type === "zone");
    },
    ties() {
      const result = [];
      for (const el of Object.values(this.els)) {
        if (el.type !== "tie") continue;
        const a = this.els[el.props.a], b = this.els[el.props.b];
        if (!a || !b || !this.isPerson(a) || !this.isPerson(b)) continue;
        const [ax, ay] = this.centre(a), [bx, by] = this.centre(b);
        const kind = el.props.kind || "normal";
        result.push({ id: el.id, kind, ax, ay, bx, by, zigzag: kind === "conflict" ? zigzagPath(ax, ay, bx, by) : "" });
      }
      return result;
    },
    // Cards in a stable order, the ones being dragged last so they are drawn on top.
    cards() {
      const cards = Object.values(this.els).filter((el) => this.isDrawn(el));
      return [...cards.filter((el) => !this.dragging[el.id]), ...cards.filter((el) => this.dragging[el.id])];
    },
    // A thin dotted line from each agreement's top to the bottom of its goal, behind the cards.
    links() {
      const result = [];
      for (const el of Object.values(this.els)) {
        const goal = el.type === "agreement" ? this.els[el.props.goal_id] : null;
        if (!goal || goal.type !== "goal" || !this.isDrawn(goal)) continue;
        const a = this.position(el), g = this.position(goal), [gw, gh] = this.sizes.goal;
        result.push({ id: el.id, ax: a.x + this.sizes.agreement[0] / 2, ay: a.y, bx: g.x + gw / 2, by: g.y + gh });
      }
      return result;
    },
  },

  methods: {
    // A card someone else drags is shown where it is on its way; their drop (a commit) or silence ends that.
    applyMessage(msg) {
      if (msg.type === "drag") {
        if (!this.els[msg.id]) return;
        clearTimeout(this.movingTimers[msg.id]);
        this.moving[msg.id] = { x: msg.x, y: msg.y };
        this.movingTimers[msg.id] = setTimeout(() => this.stopMoving(msg.id), MOVING_FORGET_MS);
        return;
      }
      if (msg.type === "commit" || msg.type === "catchup") {
        for (const change of msg.changes) this.stopMoving(change.kind === "put" ? change.element.id : change.id);
      }
      liveSync.methods.applyMessage.call(this, msg);
    },

    stopMoving(id) {
      clearTimeout(this.movingTimers[id]);
      delete this.movingTimers[id];
      delete this.moving[id];
    },

    // The hub answered a push: stop showing our own positions where the server's now count.
    settled(cid, ops, rejected) {
      for (const op of ops) {
        const override = this.overrides[op.id];
        if (!override) continue;
        if (rejected) {
          delete this.overrides[op.id];
          delete this.dragging[op.id];
          for (const gesture of this.cardGestures.values()) if (gesture.id === op.id) gesture.draggable = false;
        } else if (override.cid === cid && !this.dragging[op.id]) {
          delete this.overrides[op.id];
        }
      }
    },

    // ---- pointer input ----
    onPointerDown(e) {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      this.hintVisible = false;
      this.$refs.svg.setPointerCapture(e.pointerId);
      const card = e.target.closest("[data-id]");
      const onZoneBody = card?.dataset.type === "zone" && !e.target.closest(".pb-zone-handle");
      if (card && !onZoneBody) this.startCardGesture(e, card.dataset.id);
      else this.panPointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    },

    startCardGesture(e, id) {
      const el = this.els[id];
      if (!el) return;
      const { x, y } = this.position(el);
      this.cardGestures.set(e.pointerId, {
        id, pointer: true, draggable: !this.readonly, moved: false, startX: e.clientX, startY: e.clientY,
        startTime: performance.now(), originX: x, originY: y, lastSent: 0, timer: null,
      });
    },

    onPointerMove(e) {
      const gesture = this.cardGestures.get(e.pointerId);
      if (gesture) this.dragCard(gesture, e);
      else if (this.panPointers.has(e.pointerId)) this.panOrPinch(e);
    },

    dragCard(gesture, e) {
      const dx = e.clientX - gesture.startX, dy = e.clientY - gesture.startY;
      if (!gesture.moved && Math.hypot(dx, dy) < TAP_SLOP_PX) return;
      gesture.moved = true;
      if (!gesture.draggable || !this.els[gesture.id]) return;
      this.dragging[gesture.id] = true;
      const previous = this.overrides[gesture.id];
      this.overrides[gesture.id] = {
        x: round1(gesture.originX + dx / this.view.scale),
        y: round1(gesture.originY + dy / this.view.scale),
        cid: previous ? previous.cid : null,
      };
      this.sendThrottled(gesture);
    },

    // At most one push per SEND_EVERY_MS; a trailing timer makes sure a pause still sends the latest position.
    sendThrottled(gesture) {
      const wait = gesture.lastSent + SEND_EVERY_MS - performance.now();
      if (wait <= 0) this.sendPosition(gesture);
      else if (!gesture.timer) gesture.timer = setTimeout(() => this.sendPosition(gesture), wait);
    },

    sendPosition(gesture) {
      clearTimeout(gesture.timer);
      gesture.timer = null;
      const override = this.overrides[gesture.id];
      if (!override) return; // the hub refused this card meanwhile
      gesture.lastSent = performance.now();
      if (gesture.pointer && this.dragging[gesture.id]) {
        this.$emit("drag", { id: gesture.id, x: override.x, y: override.y }); // on its way: shown, not stored
      } else { // the drop, or an arrow key: an operation
        override.cid = this.push([{ op: "update", id: gesture.id, props: { x: override.x, y: override.y } }]);
      }
    },

    onPointerUp(e) {
      this.endPointer(e, false);
    },

    onPointerCancel(e) {
      this.endPointer(e, true);
    },

    endPointer(e, cancelled) {
      const gesture = this.cardGestures.get(e.pointerId);
      if (gesture) {
        this.cardGestures.delete(e.pointerId);
        this.endCardGesture(gesture, cancelled);
      } else if (this.panPointers.delete(e.pointerId)) {
        this.scheduleView();
      }
    },

    endCardGesture(gesture, cancelled) {
      if (!gesture.moved) {
        if (!cancelled && performance.now() - gesture.startTime < TAP_MS) this.$emit("open", { id: gesture.id });
        return;
      }
      if (!this.dragging[gesture.id]) return;
      delete this.dragging[gesture.id];
      this.sendPosition(gesture); // always send where the card was let go, even if the throttle just fired
    },

    // One finger pans; two fingers pan and zoom around their midpoint. Works from the pointers' last positions.
    panOrPinch(e) {
      const before = this.pinchFrame();
      this.panPointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const after = this.pinchFrame();
      const factor = before.distance > 0 ? after.distance / before.distance : 1;
      this.zoomAround(before.x, before.y, factor, after.x - before.x, after.y - before.y);
    },

    pinchFrame() {
      const [p, q] = [...this.panPointers.values()];
      if (!q) return { x: p.x, y: p.y, distance: 0 };
      return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, distance: Math.hypot(p.x - q.x, p.y - q.y) };
    },

    onWheel(e) {
      const pixels = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      this.zoomAround(e.clientX, e.clientY, Math.exp(-pixels * 0.0015), 0, 0);
    },

    // Scale by `factor` keeping the board point under (clientX, clientY) in place, then shift by (dx, dy).
    zoomAround(clientX, clientY, factor, dx, dy) {
      const rect = this.$refs.svg.getBoundingClientRect();
      const px = clientX - rect.left, py = clientY - rect.top;
      const scale = clamp(this.view.scale * factor, MIN_SCALE, MAX_SCALE);
      const wx = (px - this.view.x) / this.view.scale, wy = (py - this.view.y) / this.view.scale;
      this.view = { x: px + dx - wx * scale, y: py + dy - wy * scale, scale };
      this.scheduleView();
    },

    // ---- the visible area ----
    scheduleView() {
      clearTimeout(this.viewTimer);
      this.viewTimer = setTimeout(() => this.emitView(), VIEW_SETTLE_MS);
    },

    emitView() {
      const rect = this.$refs.svg.getBoundingClientRect();
      const cx = (rect.width / 2 - this.view.x) / this.view.scale;
      const cy = (rect.height / 2 - this.view.y) / this.view.scale;
      this.$emit("view", { cx: round1(cx), cy: round1(cy) });
    },

    // Start with the whole board in sight (never enlarged, never so small that nothing is readable); on a phone
    // fitted to the width where its text stays readable, else at the smallest readable zoom from the left edge.
    fitContent() {
      const rect = this.$refs.svg.getBoundingClientRect();
      const boxes = Object.values(this.els).map((el) => this.box(el)).filter(Boolean);
      if (!boxes.length || !rect.width || !rect.height) return;
      const left = Math.min(...boxes.map((b) => b[0])) - 40, top = Math.min(...boxes.map((b) => b[1])) - 40;
      const right = Math.max(...boxes.map((b) => b[2])) + 40, bottom = Math.max(...boxes.map((b) => b[3])) + 40;
      const phone = Math.min(rect.width, rect.height) < PHONE_PX;
      const scale = phone ? clamp(rect.width / (right - left), READABLE_SCALE, 1)
        : clamp(Math.min(rect.width / (right - left), rect.height / (bottom - top)), 0.35, 1);
      // Centred when it fits; otherwise start at the top left, where people begin to read.
      this.view = {
        x: Math.max(rect.width / 2 - ((left + right) / 2) * scale, -left * scale),
        y: Math.max(rect.height / 2 - ((top + bottom) / 2) * scale, -top * scale),
        scale,
      };
    },

    // ---- geometry and looks ----
    position(el) {
      const override = this.overrides[el.id] || this.moving[el.id];
      return override ? override : { x: el.props.x || 0, y: el.props.y || 0 };
    },
    at(el) {
      const { x, y } = this.position(el);
      return `translate(${x},${y})`;
    },
    size(el) {
      return this.sizes[el.type];
    },
    // Only types with a card size are drawn: family_info and evaluation live in the plan view, and a removed goal
    // stays in the plan's history but leaves the board.
    isDrawn(el) {
      return Boolean(this.sizes[el.type]) && !(el.type === "goal" && el.props.status === "removed");
    },
    box(el) {
      const { x, y } = this.position(el);
      if (el.type === "zone") return [x, y, x + el.props.w, y + el.props.h];
      return this.isDrawn(el) ? [x, y, x + this.sizes[el.type][0], y + this.sizes[el.type][1]] : null;
    },
    centre(el) {
      const { x, y } = this.position(el);
      return [x + this.sizes[el.type][0] / 2, y + this.sizes[el.type][1] / 2];
    },
    isPerson(el) {
      return PEOPLE.includes(el.type);
    },
    isTextCard(el) {
      return TEXT_CARDS.includes(el.type);
    },
    isKader(el) {
      return el.type === "goal" && el.props.kind === "kader";
    },
    isProposal(el) {
      return el.type === "goal" && el.props.status === "proposal";
    },
    isConcept(el) {
      return this.isTextCard(el) && Boolean(el.props.concept);
    },
    scopeOf(el) {
      return el.visibility?.scope || "everyone";
    },
    seenLook(el) {
      return SEEN_BY[this.scopeOf(el)] || SEEN_BY.everyone;
    },
    // Who can see this card, by name, in the words the server sent for its sharing (it sends them before the card).
    seenBy(el) {
      return this.seenWords[seenKey(el.visibility)] ?? this.label(`seen_${this.scopeOf(el)}`);
    },
    // The server says new words for who sees a card before the message that shows such a card.
    hear(words) {
      this.seenWords = { ...this.seenWords, ...words };
    },
    isOverdue(el) {
      const end = el.type === "agreement" && !el.props.done ? el.props.planned_end : null;
      return Boolean(end) && end < todayIso();
    },
    icon(name) {
      return ICONS[name] || ICONS.star;
    },
    iconColor(name) {
      return ICON_COLORS[name] || "#4B5563";
    },
    label(key) {
      return this.labels?.[key] ?? key; // every word comes from the server, in the person's language
    },
    // Fill, border (colour, width, dashes), ink and icon of a card: its type's look with its state laid over it.
    look(el) {
      const concept = this.isConcept(el) ? CONCEPT_STYLE : {};
      if (el.type === "note") return { ...(CARD_STYLE[el.props.kind] || CARD_STYLE.note), ...concept };
      if (!CARD_STYLE[el.type]) return { fill: "#FFFFFF", line: "#E3E1DA", ink: "#55585E", icon: "star" };
      return {
        ...CARD_STYLE[el.type],
        ...concept,
        ...(this.isProposal(el) ? PROPOSAL_STYLE : {}),
        ...(this.isKader(el) ? KADER_STYLE : {}),
        ...(this.isOverdue(el) ? OVERDUE_STYLE : {}),
      };
    },
    zoneStyle(el) {
      return ZONE_STYLE[el.props.kind] || ZONE_STYLE.free;
    },
    heading(el) {
      if (this.isKader(el)) return this.label("kader");
      return this.label(el.type === "note" ? el.props.kind || "note" : el.type);
    },
    // The stable number the plan uses: "1" for a goal, "A1" for an agreement.
    numberLabel(el) {
      if (!el.props.number) return "";
      return el.type === "agreement" ? `A${el.props.number}` : String(el.props.number);
    },
    numberWidth(el) {
      return Math.max(26, labelWidth(this.numberLabel(el)) + 14);
    },
    // A numbered card shows its number where the icon was; a kader keeps its shield beside the number.
    showsIcon(el) {
      return !this.numberLabel(el) || this.isKader(el);
    },
    headX(el) {
      const start = this.numberLabel(el) ? 16 + this.numberWidth(el) : 12;
      return start + (this.showsIcon(el) ? 28 : 0);
    },
    headWidth(el) {
      const tags = this.tags(el);
      const right = tags.length ? tags[0].x - 4 : this.size(el)[0] - 12;
      return Math.max(0, right - this.headX(el));
    },
    // The little pills at the top right, right-aligned, the most important one rightmost.
    tags(el) {
      const keys = [];
      if (this.isConcept(el)) keys.push("concept");
      if (this.isProposal(el)) keys.push("proposal");
      if (this.isOverdue(el)) keys.push("overdue");
      if (el.type === "goal" && el.props.reached) keys.push("reached");
      if (el.type === "agreement" && el.props.done) keys.push("done");
      let x = this.size(el)[0] - 10;
      return keys.reverse().map((key) => {
        const style = TAG_STYLE[key], text = this.label(key);
        const w = labelWidth(text) + (style.icon ? 34 : 20);
        x -= w;
        const tag = { key, text, w, x, ...style };
        x -= 6;
        return tag;
      }).reverse();
    },
    hasFooter(el) {
      return el.type === "goal" && (this.ownerDots(el).length > 0 || this.progressOf(el) !== null);
    },
    // Whose goal it is, as coloured initials; owners this person may not see are simply left out.
    ownerDots(el) {
      const owners = (el.props.owners || []).map((id) => this.els[id]).filter((p) => p && p.type === "family_member");
      const shown = owners.length > MAX_OWNER_DOTS ? MAX_OWNER_DOTS - 1 : MAX_OWNER_DOTS;
      const dots = owners.slice(0, shown)
        .map((p) => ({ key: p.id, color: this.personColor(p), text: initials(p.props.name) }));
      if (owners.length > shown) {
        dots.push({ key: "more", color: "#8A939E", text: `+${owners.length - shown}`, more: true });
      }
      return dots;
    },
    progressOf(el) {
      const value = el.type === "goal" ? el.props.progress : null;
      return typeof value === "number" ? clamp(Math.round(value), 0, 10) : null;
    },
    faceOf(el) {
      const value = this.progressOf(el) ?? 0;
      return (this.faces.find(([upTo]) => value <= upTo) || this.faces[this.faces.length - 1])[1];
    },
    face(el) {
      return MOUTHS[this.faceOf(el)];
    },
    // An open agreement shows when it should be done; a finished one shows its badge instead.
    dueDate(el) {
      return el.type === "agreement" && el.props.planned_end && !el.props.done ? this.shortDate(el.props.planned_end) : "";
    },
    shortDate(iso) {
      const date = new Date(`${iso}T00:00:00`);
      if (isNaN(date)) return iso;
      const options = { day: "numeric", month: "short" };
      if (date.getFullYear() !== new Date().getFullYear()) options.year = "numeric";
      return new Intl.DateTimeFormat(document.documentElement.lang || "nl", options).format(date); // the page's language
    },
    personColor(el) {
      return personColor(el);
    },
    initialsOf(el) {
      return initials(el.props.name);
    },
    photoOf(el) {
      return photoOf(el);
    },
    photoClip(el) {
      return `pb-photo-clip-${this.ids.uid}-${el.id}`;
    },
    personLine(el) {
      if (el.type === "network_person") return [el.props.relation, el.props.organisation].filter(Boolean).join(" · ");
      const age = this.ageOf(el.props.birth_date);
      return [this.label(`role_${el.props.role || "other"}`), age === null ? "" : `${age} ${this.label("years")}`]
        .filter(Boolean).join(" · ");
    },
    ageOf(iso) {
      const born = iso ? new Date(`${iso}T00:00:00`) : null;
      if (!born || isNaN(born)) return null;
      const now = new Date();
      const birthdayPassed = now.getMonth() > born.getMonth() ||
        (now.getMonth() === born.getMonth() && now.getDate() >= born.getDate());
      return now.getFullYear() - born.getFullYear() - (birthdayPassed ? 0 : 1);
    },
    ariaLabel(el) {
      const text = el.props.text || el.props.name || el.props.label || "";
      const number = this.numberLabel(el) ? ` ${this.numberLabel(el)}` : "";
      const extras = this.isTextCard(el) ? this.tags(el).map((tag) => tag.text) : [];
      if (this.progressOf(el) !== null) extras.push(`${this.label("progress")} ${this.progressOf(el)}/10`);
      extras.push(this.seenBy(el));
      return `${this.heading(el)}${number}: ${text} (${extras.join(", ")})`;
    },
  },
};
