import { cloudflare } from "@cloudflare/vite-plugin";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react(), cloudflare()],
  // Files copied as they are into the build: `_headers` gives the static pages their security headers.
  publicDir: "web/public",
  // The manifest tells `npm run bench` which chunks each page loads.
  build: { manifest: true },
});
