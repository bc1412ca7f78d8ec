import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The silo serves the built bundle (dist/) on :5081 and answers gRPC-Web on the same origin. `npm run dev` proxies
// the API and the sign-in endpoints to a silo started with `dotnet run --project src/Participatie.Silo`.
const silo = process.env.PARTICIPATIE_SILO ?? "http://localhost:5081";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: {
    proxy: {
      "^/participatie\\.v1\\..*": { target: silo },
      "/auth": { target: silo },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
