// Serves tests/fixtures over 127.0.0.1 for the end-to-end tests and benchmarks:
//   /plain/<file>   no CSP
//   /strict/<file>  with the strict CSP below (the kind that blocks inline scripts, styles and WASM)
// Run alone: node tests/e2e/server.mjs [port]
import http from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A free TCP port on 127.0.0.1 (for geckodriver), so parallel runs never clash. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
/** The built demo page, served at /www/ like any static host would. */
export const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/www");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".png": "image/png" };

/** Starts the server (port 0: any free port); resolves to {port, url(mode, file), www, close()}.
 *  Extra pages can be added with `pages` (name -> HTML). */
export function startServer(port = 0, pages = {}) {
  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url, "http://x");
    const [, mode, ...rest] = u.pathname.split("/");
    const name = decodeURIComponent(rest.join("/"));
    if (mode === "www" && !name.split("/").includes("..")) {
      // Read first, then answer: a missing file (the demo page not built yet) is a 404, not a crash.
      const file = path.join(WWW, name || "index.html");
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        res.writeHead(404).end("not found: build the demo page first (./build.sh package)");
      } else {
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        res.end(body);
      }
      return;
    }
    if (!["plain", "strict"].includes(mode) || !name || name.split("/").includes("..")) {
      res.writeHead(404).end("not found");
      return;
    }
    let body = pages[name];
    if (body === undefined) {
      try {
        body = await readFile(path.join(FIXTURES, name));
      } catch {
        res.writeHead(404).end("not found");
        return;
      }
    }
    const type = name.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
    const headers = { "content-type": type, "cache-control": "no-store" };
    if (mode === "strict") headers["content-security-policy"] = STRICT_CSP;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      port = server.address().port;
      resolve({
        port,
        url: (mode, file) => `http://127.0.0.1:${port}/${mode}/${file}`,
        www: `http://127.0.0.1:${port}/www/`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { port } = await startServer(Number(process.argv[2] || 0));
  console.log(`serving ${FIXTURES} on http://127.0.0.1:${port}/plain/ and /strict/, dist/www on /www/`);
}
