// The board canvas by keyboard (WCAG 2.1.1, 2.4.7, 2.4.11): mixed into board_canvas.js, kept apart from its drawing.
// On the board itself the arrows pan and + / − / 0 zoom; Tab goes from card to card, and a focused card comes into
// view. On a card Enter opens it and the arrows move it (Shift: further), sent as a drop is sent, so the hub
// checks the person's rights and a refused move falls back with the hub's own words.

const MOVE_STEP = 10; // board units per arrow press on a card
const MOVE_STEP_BIG = 60;
const PAN_STEP = 80; // screen pixels per arrow press on the board
const PAN_STEP_BIG = 320;
const ZOOM_STEP = 1.25;
const IN_VIEW_MARGIN = 24; // screen pixels kept free around a card brought into view
const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

const round1 = (v) => Math.round(v * 10) / 10;

export const boardKeys = {
  created() {
    this.keyMoves = {}; // card id → the throttled "gesture" its arrow presses share, as a drag has one
  },

  unmounted() {
    for (const move of Object.values(this.keyMoves)) clearTimeout(move.timer);
  },

  methods: {
    onKey(e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      this.hintVisible = false;
      const card = e.target.closest?.("[data-id]");
      const id = card && this.els[card.dataset.id] ? card.dataset.id : null;
      if (id ? this.cardKey(e, id) : this.boardKey(e)) e.preventDefault();
    },

    // Enter or Space opens the card, the arrows move it; whatever else the board does.
    cardKey(e, id) {
      if (e.key === "Enter" || e.key === " ") {
        this.$emit("open", { id });
        return true;
      }
      const arrow = ARROWS[e.key];
      if (!arrow) return this.zoomKey(e);
      const step = e.shiftKey ? MOVE_STEP_BIG : MOVE_STEP;
      this.moveByKeys(id, arrow[0] * step, arrow[1] * step);
      return true;
    },

    boardKey(e) {
      const arrow = ARROWS[e.key];
      if (!arrow) return this.zoomKey(e);
      const step = e.shiftKey ? PAN_STEP_BIG : PAN_STEP;
      this.view = { ...this.view, x: this.view.x - arrow[0] * step, y: this.view.y - arrow[1] * step };
      this.scheduleView();
      return true;
    },

    zoomKey(e) {
      const factor = { "+": ZOOM_STEP, "=": ZOOM_STEP, "-": 1 / ZOOM_STEP, _: 1 / ZOOM_STEP }[e.key];
      if (factor) {
        const rect = this.$refs.svg.getBoundingClientRect();
        this.zoomAround(rect.left + rect.width / 2, rect.top + rect.height / 2, factor, 0, 0);
      } else if (e.key === "0") {
        this.fitContent();
        this.scheduleView();
      }
      return Boolean(factor) || e.key === "0";
    },

    // Shown at once, sent as a drop (an operation; throttled like a drag, the last one always), answered like one.
    moveByKeys(id, dx, dy) {
      const { x, y } = this.position(this.els[id]);
      // no batch carries this position yet: the answer to an earlier one must not take it away (see `settled`)
      this.overrides[id] = { x: round1(x + dx), y: round1(y + dy), cid: null };
      this.keyMoves[id] ??= { id, lastSent: 0, timer: null };
      this.sendThrottled(this.keyMoves[id]);
      this.$nextTick(() => this.bringIntoView(id));
    },

    onFocusIn(e) {
      const card = e.target.closest?.("[data-id]");
      if (card && this.els[card.dataset.id]) this.bringIntoView(card.dataset.id);
    },

    // Pan just enough that the whole card (or as much as fits) is on screen, with a little room around it.
    bringIntoView(id) {
      const box = this.els[id] && this.box(this.els[id]);
      const svg = this.$refs.svg;
      if (!box || !svg) return;
      this.$el.scrollTop = this.$el.scrollLeft = 0; // focus may scroll the frame itself; the view does the moving
      const { width, height } = svg.getBoundingClientRect();
      const { x, y, scale } = this.view;
      const shift = (start, end, size) => {
        const low = IN_VIEW_MARGIN - start, high = size - IN_VIEW_MARGIN - end;
        return low > 0 ? low : high < 0 ? Math.max(high, low) : 0;
      };
      const dx = shift(x + box[0] * scale, x + box[2] * scale, width);
      const dy = shift(y + box[1] * scale, y + box[3] * scale, height);
      if (dx || dy) {
        this.view = { x: x + dx, y: y + dy, scale };
        this.scheduleView();
      }
    },
  },
};
