/**
 * The optional script a host page includes once (`<script async src=".../embed/loader.js">`): it
 * sizes every `iframe[data-nianbao-embed]` to the height its page reports (`resize-script.ts`),
 * taller or shorter. It trusts a message only from that iframe's window and its src's origin.
 */

import { EMBED_SIZE_MESSAGE } from "./resize-script";

/** Kept small by hand (well under 3 KB unminified); one IIFE, no globals. */
export const LOADER_SCRIPT = `(function () {
  var root = document.documentElement;
  if (root.hasAttribute("data-nianbao-loader")) return;
  root.setAttribute("data-nianbao-loader", "");
  addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== ${JSON.stringify(EMBED_SIZE_MESSAGE)}) return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < 20000)) return;
    var frames = document.querySelectorAll("iframe[data-nianbao-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch (error) {
        return;
      }
      if (event.origin === origin) frame.style.height = height + "px";
      return;
    }
  });
})();
`;
