// Status documents that the end-to-end checks and the benchmark both use.

/**
 * A native status document with `count` resolved incidents of 90 minutes, one a day back from
 * `newest` (1 November 2024 by default; a recent day puts one in every day of the uptime bars), each with a summary, a release, a timeline (timed entries and an untimed day note),
 * a lesson and a conclusion: the shape of a long real history.
 */
export function historyDocument(count, { newest = Date.UTC(2024, 10, 1) } = {}) {
  const incidents = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(newest - i * 86_400_000);
    const end = new Date(start.getTime() + 5_400_000);
    incidents.push({
      id: `past-${i}`, title: `Past incident ${i}`, impact: ["minor", "major", "critical"][i % 3],
      status: "resolved", started_at: start.toISOString(), resolved_at: end.toISOString(),
      components: ["login"], release: `r${i}`, summary: `What happened in incident ${i}.`,
      updates: [
        { at: start.toISOString(), status: "investigating", body: `Looking into incident ${i}.` },
        { day: start.toISOString().slice(0, 10), body: `A note on incident ${i}.` },
        { at: end.toISOString(), status: "resolved", body: `Incident ${i} is fixed.` },
      ],
      lessons: [`Lesson ${i}`], conclusion: [`Conclusion ${i}`],
    });
  }
  return JSON.stringify({ version: 1, service: { name: "Busy service" },
    components: [{ id: "login", name: "Login", status: "operational" }], incidents });
}

/**
 * A Statuspage `summary.json` with one incident under way (`name`, its `impact` and `status`,
 * one update `body`), its times relative to now. The banner build reads it with its `foreign`
 * chunk (src/io/chunks.rs), which a page reading status-widget's own format never downloads.
 */
export function statuspageDocument({ name, impact, status, body }) {
  const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
  return JSON.stringify({
    page: { id: "example", name: "Example", url: "https://status.example.org", updated_at: iso(-1) },
    status: { indicator: impact, description: "Service Outage" },
    components: [],
    incidents: [{ id: "sp", name, status, impact, created_at: iso(-30), updated_at: iso(-5),
      shortlink: "https://stspg.io/example",
      incident_updates: [{ id: "u1", status, body, created_at: iso(-5) }] }],
    scheduled_maintenances: [],
  });
}
