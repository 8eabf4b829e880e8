// The palette is defined once, beside the server-drawn embed charts that use it too.
export { OKABE_ITO, OUTCOME_COLOURS, type PaletteColour } from "../../worker/embed/palette";
