/** Parsing what the renderers write, strictly: SVG as XML (any unbalanced tag fails), pages as HTML. */

import { JSDOM } from "jsdom";

const window = new JSDOM("").window;

/** The `<svg>` element of `markup`; throws when it is not well-formed XML. */
export function parseSvg(markup: string): Element {
  const doc = new window.DOMParser().parseFromString(markup, "image/svg+xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed SVG: ${error.textContent}`);
  return doc.documentElement;
}

export function parsePage(html: string): Document {
  return new JSDOM(html).window.document;
}

/** The frame every chart shares: an image named by its `<title>` and `<desc>`, scaling to its box. */
export function accessibleParts(svg: Element): { title: string; desc: string } {
  if (svg.getAttribute("role") !== "img") throw new Error("the svg is not role=img");
  if (svg.getAttribute("width") !== "100%" || !svg.getAttribute("viewBox"))
    throw new Error("the svg does not scale");
  const [titleId, descId] = (svg.getAttribute("aria-labelledby") ?? "").split(" ");
  const title = svg.querySelector(`:scope > title[id="${titleId}"]`);
  const desc = svg.querySelector(`:scope > desc[id="${descId}"]`);
  if (!title || !desc) throw new Error("aria-labelledby does not point at the title and desc");
  return { title: title.textContent ?? "", desc: desc.textContent ?? "" };
}

/** The text of every `<text>`, in document order. */
export function texts(svg: Element): string[] {
  return [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "");
}
