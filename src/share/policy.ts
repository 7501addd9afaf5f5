/** Pure: does a bucket policy let anonymous users GET a key? */

interface Statement {
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: string | string[];
  NotResource?: unknown;
  Condition?: unknown;
}

/** What a policy says about anonymous reads of one key. */
export interface PolicyReading {
  /** An unconditional Allow for everyone (`"Principal": "*"`) covers s3:GetObject on the key, and no Deny for everyone does. */
  publicRead: boolean;
  /** Statements for everyone that have a Condition (e.g. a source IP range): they may open the key too; we do not evaluate them. */
  conditional: boolean;
}

/**
 * Read a bucket policy the way S3 does for an anonymous GET of `key`. Statements with NotPrincipal,
 * NotAction or NotResource are not interpreted (they are rare in public-site policies).
 * @example parsePolicy('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/site/*"}]}', "b", "site/x.html") // { publicRead: true, conditional: false }
 */
export function parsePolicy(policyText: string | undefined, bucket: string, key: string): PolicyReading {
  const statements = statementsOf(policyText);
  const resource = `arn:aws:s3:::${bucket}/${key}`;
  const applies = (s: Statement) =>
    isEveryone(s.Principal) &&
    list(s.Action).some((a) => wildcardMatch(a, "s3:GetObject", true)) &&
    list(s.Resource).some((r) => wildcardMatch(r, resource, false));
  const relevant = statements.filter(applies);
  const denied = relevant.some((s) => s.Effect === "Deny" && s.Condition === undefined);
  const allowed = relevant.some((s) => s.Effect === "Allow" && s.Condition === undefined);
  return {
    publicRead: allowed && !denied,
    conditional: !denied && relevant.some((s) => s.Effect === "Allow" && s.Condition !== undefined),
  };
}

function statementsOf(policyText: string | undefined): Statement[] {
  if (!policyText) return [];
  try {
    const statement = (JSON.parse(policyText) as { Statement?: Statement | Statement[] }).Statement;
    return statement === undefined ? [] : Array.isArray(statement) ? statement : [statement];
  } catch {
    return [];
  }
}

function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  const aws = (principal as { AWS?: unknown } | undefined)?.AWS;
  return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** IAM wildcards: `*` any run of characters, `?` one character. Actions compare case-insensitively, ARNs exactly. */
function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s").test(value);
}
