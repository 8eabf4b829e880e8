import { cloudflare } from "@cloudflare/vite-plugin";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react(), cloudflare()],
  // Names this build in the Worker's edge-cache keys (worker/http/build-id.ts).
  define: { __NIANBAO_BUILD__: JSON.stringify(Date.now().toString(36)) },
  // Files copied as they are into the build: `_headers` gives the static pages their security headers.
  publicDir: "web/public",
  // The manifest tells `npm run bench` which chunks each page loads.
  build: { manifest: true },
});
