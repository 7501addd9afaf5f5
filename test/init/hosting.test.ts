import { describe, expect, test } from "vitest";
import { parseDomain, parseHostedZoneId, planInit, renderHostingTemplate } from "../../src/init/index.js";
import { parseTemplate, specProblems } from "../support/cfn-spec.js";

const site = {
  domain: "reports.city.gov",
  originDomain: "city-site.s3-website.eu-central-1.amazonaws.com",
  sitePrefix: "reports/",
  errorDocument: "error.html",
};
const withZone = renderHostingTemplate({ ...site, hostedZoneId: "Z0123456789ABCDEFGHIJ" });
const withoutZone = renderHostingTemplate({ ...site, sitePrefix: "" });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed template

describe("hosting.cfn.yml against CloudFormation's resource specification", () => {
  test.each([
    ["with a hosted zone", withZone, ["Certificate", "CachePolicy", "Distribution", "AliasRecords"]],
    ["without one", withoutZone, ["Certificate", "CachePolicy", "Distribution"]],
  ])("%s: every type, property and reference exists, required ones are there", (_, text, resources) => {
    const template = parseTemplate(text);
    expect(Object.keys(template.Resources as object)).toEqual(resources);
    expect(specProblems(template)).toEqual([]);
  });

  test("the check really looks: a misspelt property, a missing required one, a wrong type, a bad reference fail", () => {
    const misspelt = withZone.replace("ViewerProtocolPolicy:", "ViewerProtocolPolicey:");
    expect(specProblems(parseTemplate(misspelt))).toEqual([
      "Distribution.Properties.DistributionConfig.DefaultCacheBehavior: required property ViewerProtocolPolicy is missing",
      "Distribution.Properties.DistributionConfig.DefaultCacheBehavior: unknown property ViewerProtocolPolicey",
    ]);
    // deep inside a list of property types
    const deep = withZone.replace("OriginProtocolPolicy: http-only", "OriginProtocol: http-only");
    expect(specProblems(parseTemplate(deep))).toContain(
      "Distribution.Properties.DistributionConfig.Origins[0].CustomOriginConfig: unknown property OriginProtocol",
    );
    expect(specProblems(parseTemplate(withZone.replace("Compress: true", "Compress: yes please")))).toEqual([
      'Distribution.Properties.DistributionConfig.DefaultCacheBehavior.Compress: expected Boolean, got "yes please"',
    ]);
    expect(
      specProblems(
        parseTemplate(withZone.replace("Type: AWS::CloudFront::CachePolicy", "Type: AWS::CloudFront::CashPolicy")),
      ),
    ).toEqual(["CachePolicy: unknown resource type AWS::CloudFront::CashPolicy"]);
    expect(
      specProblems(parseTemplate(withZone.replace("!GetAtt Distribution.DomainName", "!GetAtt Distribution.Domain"))),
    ).toContain("!GetAtt Distribution.Domain: no such attribute");
    expect(specProblems(parseTemplate(withZone.replace("!Ref Certificate", "!Ref Certificat")))).toEqual([
      "!Ref Certificat: no such resource or parameter",
    ]);
  });

  test("HTTP to the website endpoint, HTTPS to readers, compressed, caching as the origin's Cache-Control says", () => {
    const { Resources, Outputs } = parseTemplate(withZone) as Json;
    const config = Resources.Distribution.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(["reports.city.gov"]);
    expect(config.Origins).toEqual([
      {
        Id: "site-bucket-website",
        DomainName: "city-site.s3-website.eu-central-1.amazonaws.com",
        OriginPath: "/reports",
        CustomOriginConfig: { OriginProtocolPolicy: "http-only", HTTPPort: 80, HTTPSPort: 443 },
      },
    ]);
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: "redirect-to-https",
      Compress: true,
      CachePolicyId: { Ref: "CachePolicy" },
    });
    expect(Resources.CachePolicy.Properties.CachePolicyConfig.MinTTL).toBe(0);
    expect(config.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: "/error.html", ErrorCachingMinTTL: 60 },
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: "/error.html", ErrorCachingMinTTL: 60 },
    ]);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: { Ref: "Certificate" },
      SslSupportMethod: "sni-only",
    });
    expect(Resources.Certificate.Properties).toEqual({
      DomainName: "reports.city.gov",
      ValidationMethod: "DNS",
      DomainValidationOptions: [{ DomainName: "reports.city.gov", HostedZoneId: "Z0123456789ABCDEFGHIJ" }],
    });
    expect(Resources.AliasRecords.Properties.RecordSets.map((r: Json) => [r.Type, r.AliasTarget])).toEqual(
      ["A", "AAAA"].map((type) => [
        type,
        {
          DNSName: { "Fn::GetAtt": ["Distribution", "DomainName"] },
          HostedZoneId: "Z2FDTNDATAQYW2",
          EvaluateTargetHealth: false,
        },
      ]),
    );
    expect(Outputs.DistributionId.Value).toEqual({ Ref: "Distribution" });
    expect(Outputs.DistributionDomainName.Value).toEqual({ "Fn::GetAtt": ["Distribution", "DomainName"] });
    expect(withZone).toMatch(/aws cloudformation deploy --region us-east-1 /);
  });

  test("without a prefix there is no origin path; without a zone, no DNS records and the manual validation is explained", () => {
    const config = (parseTemplate(withoutZone) as Json).Resources.Distribution.Properties.DistributionConfig;
    expect(config.Origins[0].OriginPath).toBeUndefined();
    expect(withoutZone).toMatch(/add the CNAME record/);
    expect(withoutZone).not.toContain("Route53");
  });
});

const answers = {
  rawBucket: "city-raw",
  rawPrefix: "exports/",
  keyPattern: "{year}_{mon}_{day}_gid_requests.csv",
  siteBucket: "city-site",
  sitePrefix: "",
  region: "eu-west-1",
  publicAccess: "policy" as const,
  groupBy: ["service_name"],
  chartField: "case_record_type",
  account: "123456789012",
};

describe("init --https", () => {
  const files = Object.fromEntries(
    planInit({ ...answers, https: { domain: "reports.city.gov" } }, new Map(), false).map((f) => [f.path, f.body]),
  );
  const plain = Object.fromEntries(planInit(answers, new Map(), false).map((f) => [f.path, f.body]));

  test("writes hosting.cfn.yml with the bucket's website endpoint of its region as the origin, and site.url", () => {
    expect(Object.keys(files)).toContain("hosting.cfn.yml");
    expect(specProblems(parseTemplate(files["hosting.cfn.yml"]!))).toEqual([]);
    expect(files["hosting.cfn.yml"]).toContain('DomainName: "city-site.s3-website-eu-west-1.amazonaws.com"');
    expect(JSON.parse(files["site-config.json"]!).site.url).toBe("https://reports.city.gov/");
    expect(Object.keys(plain)).not.toContain("hosting.cfn.yml");
    expect(JSON.parse(plain["site-config.json"]!).site.url).toBeUndefined();
  });

  test("the role may create and read invalidations of that one distribution, and nothing else of CloudFront", () => {
    const statements = JSON.parse(files["iam-policy.json"]!).Statement as Json[];
    const cloudfront = statements.filter((s) => JSON.stringify(s.Action).includes("cloudfront:"));
    expect(cloudfront).toEqual([
      {
        Sid: "InvalidateSiteCache",
        Effect: "Allow",
        Action: ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"],
        Resource: "arn:aws:cloudfront::123456789012:distribution/DISTRIBUTION_ID",
      },
    ]);
    // the rest of the policy is the one without --https
    expect(statements.filter((s) => !cloudfront.includes(s))).toEqual(JSON.parse(plain["iam-policy.json"]!).Statement);
  });
});

describe("parseDomain and parseHostedZoneId", () => {
  test.each([
    ["reports.city.gov", "reports.city.gov"],
    ["https://Reports.City.gov/", "reports.city.gov"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
  ])("%s -> %s", (text, domain) => {
    expect(parseDomain(text)).toEqual({ value: domain });
  });
  test.each(["localhost", "*.city.gov", "reports.city.gov/path", "-bad.city.gov", "a..b", "reports city.gov"])(
    "%s is refused",
    (text) => {
      expect(parseDomain(text)).toEqual({ problem: `"${text}" is not a domain name such as reports.city.gov` });
    },
  );
  test("a hosted zone id, also in the console's /hostedzone/ form; anything else is refused", () => {
    expect(parseHostedZoneId("/hostedzone/Z0123ABC")).toEqual({ value: "Z0123ABC" });
    expect(parseHostedZoneId("Z0123ABC")).toEqual({ value: "Z0123ABC" });
    expect(parseHostedZoneId("z 12")).toHaveProperty("problem");
  });
});
