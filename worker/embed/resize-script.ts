/**
 * The script an embed page loads (as a file, so the page's CSP can forbid inline scripts): it tells
 * the host page its height, on load and whenever it changes, for `loader-script.ts` to size the iframe.
 */

/** The `type` of the size message; the loader listens for exactly this. */
export const EMBED_SIZE_MESSAGE = "nianbao:embed-size";

/** The id of the page's wrapper element, the one measured. */
export const EMBED_ROOT_ID = "nb";

/**
 * Measures the wrapper, not the document: `document.documentElement.scrollHeight` never drops below
 * the iframe's current height, so a shrinking chart would never be reported. The iframe's fragment
 * (`…/embed/agency/123?…#sales-chart`), when there is one, comes back as `id`.
 */
export const RESIZE_SCRIPT = `(function () {
  var root = document.getElementById(${JSON.stringify(EMBED_ROOT_ID)});
  if (!root) return;
  var id = location.hash.slice(1);
  var last = -1;
  function send() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    var message = { type: ${JSON.stringify(EMBED_SIZE_MESSAGE)}, height: height };
    if (id) message.id = id;
    parent.postMessage(message, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(root);
  addEventListener("resize", send);
  addEventListener("load", send);
  send();
})();
`;
