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

/**
 * The workflow: on the 3rd of each month it builds the month before (`--month previous`, so a month
 * is published once complete; `current` only on request), fails when a day has no export unless
 * allowed, keeps the incremental build cache, deploys, and writes a step summary.
 */
// eslint-disable-next-line max-lines-per-function -- one YAML template string: split, the workflow would no longer read top to bottom
export function renderWorkflow({ region, workingDirectory }: WorkflowOptions): string {
  const inProject = (path: string) => (workingDirectory ? JSON.stringify(`${workingDirectory}/${path}`) : path);
  return `# Build and publish the last complete month's reports on the 3rd of every month (and on demand).
# Written by \`reportsite init\`. Set two repository variables (Settings > Secrets and variables > Actions >
# Variables): AWS_ROLE_ARN (the role with iam-policy.json and trust-policy.json) and AWS_REGION.
name: monthly reports
on:
  schedule:
    - cron: "0 6 3 * *" # 06:00 UTC on the 3rd: the last day's export of the month before has landed
  workflow_dispatch:
    inputs:
      month:
        description: "Month to publish: previous (the last complete one), current (so far), or YYYY-MM"
        type: string
        default: previous
      allow_incomplete:
        description: "Publish even when some days have no raw file"
        type: boolean
        default: false

permissions:
  id-token: write # OIDC: assume an IAM role, no stored keys
  contents: read

concurrency:
  group: monthly-reports # never two deploys at once
  cancel-in-progress: false

jobs:
  publish:
    runs-on: ubuntu-latest
    timeout-minutes: 30
${workingDirectory ? `    defaults:\n      run:\n        working-directory: ${JSON.stringify(workingDirectory)}\n` : ""}    env:
      MONTH: \${{ inputs.month || 'previous' }}
      ALLOW_INCOMPLETE: \${{ inputs.allow_incomplete && 'yes' || 'no' }}
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
      # months whose raw files, config and templates are unchanged are reused from this cache
      - name: Restore the build cache
        uses: actions/cache@v4
        with:
          path: ${inProject(".reportsite/cache")}
          key: reportsite-cache-\${{ github.run_id }}
          restore-keys: reportsite-cache-
      # build, then deploy, in one process; --require-complete stops it before anything is uploaded.
      # deploy compares content (MD5), so a fresh checkout uploads only what changed;
      # the index is rebuilt from the bucket listing, so earlier months stay listed
      - name: Build and deploy
        run: |
          flags=(--month "$MONTH")
          if [ "$ALLOW_INCOMPLETE" != yes ]; then flags+=(--require-complete); fi
          npx reportsite publish "\${flags[@]}" --json > publish.json
      - name: Summary
        run: |
          jq -r '"## Published \\(.deploy.url)", "", "\\(.deploy.report.uploaded | length) files uploaded, \\(.deploy.report.deleted | length) deleted, \\(.deploy.report.skipped) unchanged.", "", (.deploy.report.uploaded[] | "- \`\\(.key)\`: \\(.reason)")' publish.json >> "$GITHUB_STEP_SUMMARY"
          jq -r '.build.months[] | "- \\(.month): \\(.rows) rows from \\(.files) files, \\(.status)"' publish.json >> "$GITHUB_STEP_SUMMARY"
      - name: Report the failure
        if: failure()
        run: |
          echo "::error title=Monthly reports were not published::See the failed step's log; the live site was left as it was."
          {
            echo "## Monthly reports were NOT published"
            if [ -s publish.json ]; then jq -r 'select(.error) | .error | "\\(.message)\\n\\nhint: \\(.hint // "")"' publish.json; fi
          } >> "$GITHUB_STEP_SUMMARY"
`;
}
