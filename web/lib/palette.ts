// The palette is defined once, beside the server-drawn embed charts that use it too.
export { OKABE_ITO, type PaletteColour } from "../../worker/embed/palette";
