// How people and the lines between them look, the same on the board canvas and on the netwerkschema.

export const RING_COLORS = { 1: "#E07A4F", 2: "#3F9970", 3: "#3F7CC0" };
export const FAMILY_COLORS = ["#E07A4F", "#D9577A", "#8A63C9", "#3F9970", "#E39A2D", "#3F7CC0"];
export const TIE_LOOK = {
  normal: { stroke: "#9AA5B1", dash: null },
  tense: { stroke: "#F08C2E", dash: "10 9" },
  conflict: { stroke: "#D64545", dash: null },
};

const round1 = (v) => Math.round(v * 10) / 10;

// Mirror of network_graph.pseudonyms.initials: letters only, so "Oppas (betaald)" is "OB", never "O(".
export function initials(name) {
  const words = (name || "").split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  if (!words.length) return "?";
  const letters = words.length === 1 ? words[0].slice(0, 2) : words[0][0] + words[words.length - 1][0];
  return letters.toUpperCase();
}

function hashOf(text) {
  let h = 0;
  for (const ch of text || "") h = (h * 31 + ch.charCodeAt(0)) | 0;
  return Math.abs(h);
}

// A betrokkene has the colour of their ring; a family member their own colour (or one picked by their name).
export function personColor(el) {
  if (el.type === "network_person") return RING_COLORS[el.props.ring] || RING_COLORS[2];
  return el.props.color || FAMILY_COLORS[hashOf(el.props.name) % FAMILY_COLORS.length];
}

// A family member's photo: only the small JPEG data URL the server made, never a link to elsewhere.
export function photoOf(el) {
  const photo = el.type === "family_member" ? el.props.photo : null;
  return typeof photo === "string" && photo.startsWith("data:image/jpeg;base64,") ? photo : null;
}

// A conflict is drawn as a zigzag: impossible to mistake for a normal line, also without colour vision.
export function zigzagPath(ax, ay, bx, by) {
  const length = Math.hypot(bx - ax, by - ay);
  const steps = Math.max(2, Math.round(length / 14));
  const nx = -(by - ay) / (length || 1), ny = (bx - ax) / (length || 1);
  let d = `M${ax},${ay}`;
  for (let i = 1; i < steps; i++) {
    const t = i / steps, side = i % 2 ? 6 : -6;
    d += `L${round1(ax + (bx - ax) * t + nx * side)},${round1(ay + (by - ay) * t + ny * side)}`;
  }
  return d + `L${bx},${by}`;
}
