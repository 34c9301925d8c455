// The demo page's loader, and all of its JavaScript: the page itself is Rust (src/www.rs, built with the
// `www` feature into pkg/ by build.sh). exports.js, loaded before this, holds the download and copy helpers.
import init, { start } from "./pkg/threadcard.js";

const say = (text) => {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.add("error");
};
// A bug in the core traps (panic = abort): nothing in Rust can say so afterwards, so the loader does.
addEventListener("error", (e) => {
  if (e.error instanceof WebAssembly.RuntimeError) say("ThreadCard hit an internal error on this page. Please report it, then reload.");
});
init().then(start, (e) => say(`Could not load the WebAssembly module: ${e.message}`));
