import { describe, expect, test } from "vitest";
import { formatPlan, planSync, type PlannedFile, type PlanOptions, type RemoteObject } from "../../src/deploy/index.js";

const md5 = (c: string) => c.repeat(32).slice(0, 32);
function makeLocal(
  key: string,
  size = 10,
  content = "a",
  contentType = key.endsWith(".html") ? "text/html; charset=utf-8" : "text/csv; charset=utf-8",
): PlannedFile {
  return { key, path: `/dist/${key}`, size, md5: md5(content), contentType, cacheControl: "no-cache" };
}
function makeRemote(key: string, size = 10, content = "a", extra: Partial<RemoteObject> = {}): RemoteObject {
  return {
    key,
    size,
    md5: md5(content),
    contentType: key.endsWith(".html") ? "text/html; charset=utf-8" : "text/csv; charset=utf-8",
    cacheControl: "no-cache",
    access: "acl",
    ...extra,
  };
}
const options: PlanOptions = { access: "acl", delete: false, maxDeletes: 100, force: false };

describe("planSync", () => {
  test.each([
    {
      description: "new local file -> upload (new)",
      local: [makeLocal("a.csv")],
      remote: [],
      uploads: [["a.csv", "new"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "same content and headers -> unchanged",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv")],
      uploads: [],
      deletes: [],
      unchanged: ["a.csv"],
    },
    {
      description: "other size -> upload (size changed)",
      local: [makeLocal("a.csv", 11)],
      remote: [makeRemote("a.csv")],
      uploads: [["a.csv", "size changed"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "same size, other MD5 -> upload (content changed)",
      local: [makeLocal("a.csv", 10, "b")],
      remote: [makeRemote("a.csv")],
      uploads: [["a.csv", "content changed"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "unknown remote MD5 (multipart without metadata) -> upload (content changed)",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv", 10, "a", { md5: undefined })],
      uploads: [["a.csv", "content changed"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "other Content-Type -> upload (headers changed)",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv", 10, "a", { contentType: "application/octet-stream" })],
      uploads: [["a.csv", "headers changed"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "other Cache-Control -> upload (headers changed)",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv", 10, "a", { cacheControl: "max-age=60" })],
      uploads: [["a.csv", "headers changed"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "uploaded in another access mode -> upload (headers changed)",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv", 10, "a", { access: "policy" })],
      uploads: [["a.csv", "headers changed"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "made private since (--verify-access found it) in acl mode -> upload (access changed)",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv", 10, "a", { publicRead: false })],
      uploads: [["a.csv", "access changed"]],
      deletes: [],
      unchanged: [],
    },
    {
      description: "access not checked (no --verify-access) -> unchanged",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv", 10, "a", { publicRead: undefined })],
      uploads: [],
      deletes: [],
      unchanged: ["a.csv"],
    },
    {
      description: "a private ACL in policy mode (the bucket policy makes it public) -> unchanged",
      local: [makeLocal("a.csv")],
      remote: [makeRemote("a.csv", 10, "a", { publicRead: false, access: "policy" })],
      uploads: [],
      deletes: [],
      unchanged: ["a.csv"],
      opts: { access: "policy" as const },
    },
    {
      description: "extra remote file without --delete -> left in place",
      local: [],
      remote: [makeRemote("old.csv")],
      uploads: [],
      deletes: [],
      unchanged: [],
    },
    {
      description: "extra remote file with --delete -> delete",
      local: [],
      remote: [makeRemote("old.csv")],
      uploads: [],
      deletes: ["old.csv"],
      unchanged: [],
      opts: { delete: true },
    },
    {
      description: "index.html is never planned: the executor renders it",
      local: [makeLocal("index.html")],
      remote: [makeRemote("index.html", 99, "z")],
      uploads: [],
      deletes: [],
      unchanged: [],
      opts: { delete: true },
    },
  ])("$description", ({ local, remote, uploads, deletes, unchanged, opts }) => {
    const plan = planSync(local, remote, { ...options, ...opts });
    expect(plan.groups.flat().map((u) => [u.key, u.reason])).toEqual(uploads);
    expect(plan.deletes).toEqual(deletes);
    expect(plan.unchanged).toEqual(unchanged);
  });

  test("data and assets go first, pages after, then feed, sitemap, robots.txt and catalog (index.html comes last, from the executor)", () => {
    const plan = planSync(
      [
        makeLocal("feed.xml", 10, "f", "application/atom+xml"),
        makeLocal("2019/jan/final_report.html"),
        makeLocal("2019/jan/final_report.csv"),
        makeLocal("assets/chart.js", 10, "a", "text/javascript; charset=utf-8"),
        makeLocal("data.json", 10, "d", "application/json"),
        makeLocal("error.html"),
        makeLocal("robots.txt", 10, "r", "text/plain; charset=utf-8"),
        makeLocal("sitemap.xml", 10, "s", "application/xml"),
        makeLocal("summary.json", 10, "j", "application/json"),
      ],
      [],
      options,
    );
    expect(plan.groups.map((g) => g.map((u) => u.key))).toEqual([
      ["2019/jan/final_report.csv", "assets/chart.js", "summary.json"],
      ["2019/jan/final_report.html", "error.html"],
      ["data.json", "feed.xml", "robots.txt", "sitemap.xml"],
    ]);
  });

  test("more stale files than --max-deletes: no deletes, and the plan says so", () => {
    const remote = ["a.csv", "b.csv", "c.csv"].map((k) => makeRemote(k));
    const capped = planSync([], remote, { ...options, delete: true, maxDeletes: 2 });
    expect(capped.deletes).toEqual([]);
    expect(capped.leftInPlace).toEqual(["a.csv", "b.csv", "c.csv"]);
    expect(capped.blockedDeletes).toEqual({ count: 3, max: 2 });
    expect(formatPlan(capped).join("\n")).toContain(
      "not deleting 3 stale files: more than --max-deletes 2; raise it (--max-deletes 3) or pass --force",
    );
    expect(planSync([], remote, { ...options, delete: true, maxDeletes: 2, force: true }).deletes).toEqual([
      "a.csv",
      "b.csv",
      "c.csv",
    ]);
    const atCap = planSync([], remote, { ...options, delete: true, maxDeletes: 3 });
    expect(atCap.deletes).toEqual(["a.csv", "b.csv", "c.csv"]);
    expect(atCap.leftInPlace).toEqual([]);
    expect(atCap.blockedDeletes).toBeUndefined();
  });

  test("the same input gives the same plan, whatever the order", () => {
    const local = [makeLocal("b.csv", 1), makeLocal("a.csv", 2), makeLocal("c.html")];
    const remote = [makeRemote("c.html"), makeRemote("z.csv")];
    expect(planSync([...local].reverse(), [...remote].reverse(), options)).toEqual(planSync(local, remote, options));
  });

  test("formatPlan: one line per action, with size, type and reason", () => {
    const plan = planSync(
      [makeLocal("2019/jan/final_report.html", 12_345, "b")],
      [makeRemote("2019/jan/final_report.html", 12_345), makeRemote("old.csv")],
      options,
    );
    expect(formatPlan(plan)).toEqual([
      'upload 2019/jan/final_report.html (12.3 kB, Content-Type: "text/html; charset=utf-8"): content changed',
      "upload index.html: rendered from the bucket listing after the uploads (only if it changed)",
      "leaving in place 1 published file that dist/ does not have (earlier months stay listed; --delete removes them)",
      "Plan: 1 to upload, 0 unchanged, 0 to delete.",
    ]);
  });
});
