/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  build: {
    // the Content-Security-Policy allows no inline code, so nothing is inlined as a data: URL either
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    // the browser journeys in e2e/ run against the real platform (npm run e2e), not here
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
  },
});
