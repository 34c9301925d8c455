// The options page: a form over the stored settings (settings.js). Every change is saved at once and
// applies on the next click on the toolbar button; nothing here talks to the page or the card.
import { DEFAULTS, load, reset, save } from "./settings.js";

const api = globalThis.browser ?? globalThis.chrome;
const form = document.getElementById("options");
const status = document.getElementById("status");
const sectionBoxes = () => Array.from(form.querySelectorAll('input[name="section"]'));

/** Shows the settings in the form. */
function fill(s) {
  for (const name of ["theme", "summary_sentences", "time_format", "export_format", "copy_format"]) {
    form.elements[name].value = String(s[name]);
  }
  form.elements.front_matter.checked = s.front_matter !== false;
  // A ticked box is a section the card shows.
  for (const box of sectionBoxes()) box.checked = !s.hidden_sections.includes(box.value);
}

/** The settings the form shows. */
function read() {
  return {
    theme: form.elements.theme.value,
    summary_sentences: Number(form.elements.summary_sentences.value) || DEFAULTS.summary_sentences,
    time_format: form.elements.time_format.value,
    export_format: form.elements.export_format.value,
    copy_format: form.elements.copy_format.value,
    front_matter: form.elements.front_matter.checked,
    hidden_sections: sectionBoxes().filter((b) => !b.checked).map((b) => b.value),
  };
}

function saved() {
  status.textContent = api.i18n.getMessage("options_saved");
  document.body.dataset.saved = String(Number(document.body.dataset.saved ?? 0) + 1); // for the e2e tests
}

form.addEventListener("change", async () => {
  await save(read());
  saved();
});
document.getElementById("reset").addEventListener("click", async () => {
  await reset();
  fill(await load());
  saved();
});

fill(await load());
document.body.dataset.ready = "1";
