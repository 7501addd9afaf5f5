/** The GitHub Actions workflow `reportsite init` writes (and examples/github-actions/ holds). Pure. */

/** Options of renderWorkflow. */
export interface WorkflowOptions {
  /** The region the role is assumed in when the AWS_REGION variable is not set, e.g. us-east-1. */
  region: string;
  /**
   * The project's folder relative to the repository root when it is a subfolder: GitHub runs only
   * workflows in the root's .github/workflows/, so the steps run there and the cache lives there.
   */
  workingDirectory?: string;
}

/** Where init writes the workflow. */
export const WORKFLOW_PATH = ".github/workflows/monthly-reports.yml";

/** The day of the month from which a scheduled run publishes the month before with its gaps named. */
export const COMPLETE_BY_DAY_DEFAULT = 6;

/**
 * The workflow: daily from the 2nd to the 10th of each month it publishes the month before
 * (`--month previous`). Until day REPORTSITE_COMPLETE_BY_DAY (a repository variable, default 6) it
 * requires the month complete: a month whose export is late is not published, and the run ends green
 * saying it waits (the next day's run tries again). From that day on it publishes the month with its
 * gaps named on its pages. A run that finds the month published as it is uploads nothing; a file that
 * arrives late is picked up by the next run. By hand: any month, a range, `current`, or `all` (backfill).
 */
// eslint-disable-next-line max-lines-per-function -- one YAML template string: split, the workflow would no longer read top to bottom
export function renderWorkflow({ region, workingDirectory }: WorkflowOptions): string {
  const inProject = (path: string) => (workingDirectory ? JSON.stringify(`${workingDirectory}/${path}`) : path);
  return `# Publish the month before on the first days of every month (and any month on demand).
# Written by \`reportsite init\`. Set two repository variables (Settings > Secrets and variables > Actions >
# Variables): AWS_ROLE_ARN (the role with iam-policy.json and trust-policy.json) and AWS_REGION.
# Daily from the 2nd to the 10th: until day REPORTSITE_COMPLETE_BY_DAY (a variable; default ${COMPLETE_BY_DAY_DEFAULT}) a month
# with days missing waits for its late exports (the run publishes nothing and says so); from that day on
# it is published with its gaps named. Once published, a run with nothing new uploads nothing.
name: monthly reports
on:
  schedule:
    - cron: "0 6 2-10 * *" # 06:00 UTC, daily from the 2nd to the 10th
  workflow_dispatch:
    inputs:
      month:
        description: "previous (the month before), current (so far), YYYY-MM, a range YYYY-MM..YYYY-MM, or all (every month with raw data: the first backfill)"
        type: string
        default: previous
      allow_incomplete:
        description: "Publish even when some days have no raw file (their gaps are named on the pages)"
        type: boolean
        default: false

permissions: {} # each job is granted only what it needs

concurrency:
  group: monthly-reports # never two deploys at once
  cancel-in-progress: false

jobs:
  # GitHub disables the schedule of a public repository's workflow after 60 days without activity in
  # the repository; a monthly job in a quiet repository would run twice and stop, silently. Each run
  # re-enables this workflow through the API, which counts as activity and needs no commit.
  keepalive:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      actions: write # only to re-enable this workflow
    steps:
      - name: Keep the schedule enabled
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          workflow="\${GITHUB_WORKFLOW_REF%@*}"
          gh api --method PUT "repos/$GITHUB_REPOSITORY/actions/workflows/\${workflow##*/}/enable"
  publish:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      id-token: write # OIDC: assume an IAM role, no stored keys
      contents: read
${workingDirectory ? `    defaults:\n      run:\n        working-directory: ${JSON.stringify(workingDirectory)}\n` : ""}    env:
      MONTH: \${{ inputs.month || 'previous' }}
      ALLOW_INCOMPLETE: \${{ inputs.allow_incomplete && 'yes' || 'no' }}
      SCHEDULED: \${{ github.event_name == 'schedule' && 'yes' || 'no' }}
      COMPLETE_BY_DAY: \${{ vars.REPORTSITE_COMPLETE_BY_DAY || '${COMPLETE_BY_DAY_DEFAULT}' }}
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version: 22
          cache: npm
${workingDirectory ? `          cache-dependency-path: ${inProject("package-lock.json")}\n` : ""}      - uses: aws-actions/configure-aws-credentials@v5
        with:
          role-to-assume: \${{ vars.AWS_ROLE_ARN }}
          aws-region: \${{ vars.AWS_REGION || '${region}' }}
      - run: npm ci
      # months whose raw files, config and templates are unchanged are reused from this cache; it also
      # holds the CloudFront paths a failed invalidation left pending, so it is saved even after a failure
      # (keyed by attempt too: a saved key is never overwritten, and a re-run must save its own)
      - name: Restore the build cache
        uses: actions/cache/restore@v4
        with:
          path: ${inProject(".reportsite/cache")}
          key: reportsite-cache-\${{ github.run_id }}-\${{ github.run_attempt }}
          restore-keys: reportsite-cache-
      # build, then deploy, in one process; --require-complete stops it before anything is uploaded;
      # a deploy from elsewhere (a laptop) holding the site's deploy lock is waited for, up to 10 minutes
      # deploy compares content (MD5), so a fresh checkout uploads only what changed;
      # the index is rebuilt from the bucket listing, so earlier months stay listed
      - name: Build and deploy
        id: publish
        run: |
          flags=()
          if [ "$MONTH" != all ]; then flags+=(--month "$MONTH"); fi
          if [ "$ALLOW_INCOMPLETE" = yes ]; then
            echo "Publishing $MONTH as it is: days without a raw file are named on its pages"
          elif [ "$SCHEDULED" = yes ] && [ "$(date -u +%-d)" -ge "$COMPLETE_BY_DAY" ]; then
            echo "::notice title=Published with gaps named::Day $COMPLETE_BY_DAY or later: $MONTH is published as it is; a late export is picked up by the next run"
          else
            flags+=(--require-complete)
          fi
          status=0
          npx reportsite publish "\${flags[@]}" --wait-for-lock 600 --json > publish.json || status=$?
          # a scheduled run before the day: an incomplete month (or one with no export yet) waits for its
          # late exports (tried again tomorrow); from the day on, a month with no export at all fails
          if [ "$status" -ne 0 ] && [ "$SCHEDULED" = yes ] && [ "$(date -u +%-d)" -lt "$COMPLETE_BY_DAY" ] &&
            jq -e '.error.name == "IncompleteMonthError" or .error.name == "MissingMonthError"' publish.json > /dev/null; then
            echo "waiting=yes" >> "$GITHUB_OUTPUT"
            echo "::notice title=Waiting for late exports::$MONTH is not complete yet; nothing was published. The next run tries again; from day $COMPLETE_BY_DAY it is published with its gaps named."
            exit 0
          fi
          exit "$status"
      - name: Save the build cache
        if: always()
        uses: actions/cache/save@v4
        with:
          path: ${inProject(".reportsite/cache")}
          key: reportsite-cache-\${{ github.run_id }}-\${{ github.run_attempt }}
      - name: Summary
        if: steps.publish.outputs.waiting != 'yes'
        run: |
          jq -r '"## Published \\(.deploy.url)", "", "\\(.deploy.report.uploaded | length) files uploaded, \\(.deploy.report.deleted | length) deleted, \\(.deploy.report.skipped) unchanged.", "", (.deploy.report.uploaded[] | "- \`\\(.key)\`: \\(.reason)")' publish.json >> "$GITHUB_STEP_SUMMARY"
          jq -r '.build.months[] | "- \\(.month): \\(.rows) rows from \\(.files) files, \\(.status)"' publish.json >> "$GITHUB_STEP_SUMMARY"
      - name: Waiting for late exports
        if: steps.publish.outputs.waiting == 'yes'
        run: |
          jq -r '"## Waiting for late exports: nothing was published", "", .error.message, "", "The next scheduled run tries again; from day \\(env.COMPLETE_BY_DAY) of the month the month is published with its gaps named."' publish.json >> "$GITHUB_STEP_SUMMARY"
      - name: Report the failure
        if: failure()
        run: |
          # exit 3: the files are published, only CloudFront's invalidation failed (the next run sends it)
          if [ -s publish.json ] && jq -e '.error.name == "InvalidationError"' publish.json > /dev/null; then
            title="Published, but CloudFront still serves the old pages"
            echo "::error title=$title::The files are published; the CloudFront invalidation failed and is sent again by the next run (or re-run this one)."
          else
            title="Monthly reports were NOT published"
            echo "::error title=Monthly reports were not published::See the failed step's log; the live site was left as it was."
          fi
          {
            echo "## $title"
            if [ -s publish.json ]; then jq -r 'select(.error) | .error | "\\(.message)\\n\\nhint: \\(.hint // "")"' publish.json; fi
          } >> "$GITHUB_STEP_SUMMARY"
      # last, so that a failure here is not reported above as a site left unpublished: what an anonymous
      # reader gets at site.url (else the website endpoint): the home page, the newest month's pages and
      # their types, the error document, a raw file refused; the table goes to the step summary
      - name: Check what the public sees
        id: check
        if: steps.publish.outputs.waiting != 'yes'
        run: |
          npx reportsite check || {
            echo "::error title=Published, but readers do not get what they should::See the table of what the public sees in the summary."
            exit 1
          }
`;
}
