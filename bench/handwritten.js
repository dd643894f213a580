// The baseline: a banner written by hand in plain JavaScript. It fetches the same status file the
// widget reads and inserts the same text (the first unresolved incident's title and banner text).
const response = await fetch(document.currentScript?.dataset.src ?? "/active.json", { credentials: "omit", cache: "no-cache" });
const doc = await response.json();
const incident = doc.incidents.find((i) => i.status !== "resolved");
if (incident) {
  const text = incident.banner ?? incident.updates?.at(-1)?.body ?? "";
  const box = document.getElementById("banner");
  const title = document.createElement("strong");
  title.textContent = incident.title;
  const body = document.createElement("p");
  body.textContent = text;
  box.setAttribute("role", "alert");
  box.append(title, body);
}
