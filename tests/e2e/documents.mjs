// Status documents that the end-to-end checks and the benchmark both use.

/**
 * A native status document with `count` resolved incidents, one a day back from 1 November
 * 2024, each with a summary, a release, a timeline (timed entries and an untimed day note),
 * a lesson and a conclusion: the shape of a long real history.
 */
export function historyDocument(count) {
  const incidents = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(Date.UTC(2024, 10, 1) - i * 86_400_000);
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
