/**
 * hosting.cfn.yml, the CloudFormation template `init --https` writes: CloudFront in front of the site
 * bucket's website endpoint, with an ACM certificate for the domain and, given a hosted zone, the
 * Route 53 alias records. Pure text from the answers.
 *
 * The stack is created in us-east-1 whatever the bucket's region: CloudFront accepts only
 * certificates from ACM in us-east-1, and creating the certificate in the same stack is what lets
 * the distribution refer to it (a stack cannot create resources in another region). The origin is a
 * plain domain name, so the bucket may live in any region.
 */

/** Where init writes the template. */
export const HOSTING_TEMPLATE_PATH = "hosting.cfn.yml";

/** The region the hosting stack must be created in (ACM certificates for CloudFront live there). */
const HOSTING_REGION = "us-east-1";

/** The hosted zone of every CloudFront distribution, which Route 53 alias records name (AWS's fixed value). */
const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

/** What the template is made from. */
export interface HostingOptions {
  /** The site's own domain, e.g. reports.city.gov. */
  domain: string;
  /** The Route 53 hosted zone of the domain: with it the certificate validates itself and the alias records are created. */
  hostedZoneId?: string;
  /** The website endpoint's host name, e.g. gid-reports.s3-website-us-east-1.amazonaws.com. */
  originDomain: string;
  /** The site prefix (empty or ending in `/`): served at the domain's root through the origin path. */
  sitePrefix: string;
  /** The site's error document, relative to the site prefix. */
  errorDocument: string;
}

/** The template's text. */
export function renderHostingTemplate(options: HostingOptions): string {
  return [
    header(options),
    "Resources:\n",
    certificate(options),
    cachePolicy(),
    distribution(options),
    options.hostedZoneId ? aliasRecords(options.domain, options.hostedZoneId) : "",
    outputs(),
  ].join("");
}

function header({ domain, hostedZoneId }: HostingOptions): string {
  const validation = hostedZoneId
    ? `# The certificate is validated through the hosted zone ${hostedZoneId} (ACM writes the record itself).`
    : `# The stack waits until the certificate is validated: add the CNAME record that the stack's events (or the
# ACM console) show for ${domain} at your DNS provider, then point ${domain} at DistributionDomainName.`;
  return `# HTTPS for ${domain}: CloudFront in front of the S3 website endpoint. Written by \`reportsite init --https\`.
# Create it in ${HOSTING_REGION} (CloudFront takes certificates only from ACM there), whatever the bucket's region:
#   aws cloudformation deploy --region ${HOSTING_REGION} --stack-name reportsite-hosting --template-file ${HOSTING_TEMPLATE_PATH}
${validation}
# Then put the DistributionId output in site-config.json as site.cloudfront.distributionId and in
# iam-policy.json in place of DISTRIBUTION_ID.
AWSTemplateFormatVersion: "2010-09-09"
Description: ${JSON.stringify(`HTTPS for ${domain} (reportsite)`)}
`;
}

function certificate({ domain, hostedZoneId }: HostingOptions): string {
  const options = hostedZoneId
    ? `      DomainValidationOptions:
        - DomainName: ${JSON.stringify(domain)}
          HostedZoneId: ${JSON.stringify(hostedZoneId)}
`
    : "";
  return `  Certificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: ${JSON.stringify(domain)}
      ValidationMethod: DNS
${options}`;
}

/**
 * Cache what the origin's Cache-Control allows and no longer: MinTTL 0 keeps pages and CSVs sent
 * with no-cache revalidated at the origin; a day for a file without Cache-Control.
 */
function cachePolicy(): string {
  return `  CachePolicy:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: !Sub "\${AWS::StackName}-origin-cache-control"
        Comment: "Honours the Cache-Control headers reportsite deploy sets"
        MinTTL: 0
        DefaultTTL: 86400
        MaxTTL: 31536000
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: true
          EnableAcceptEncodingBrotli: true
          CookiesConfig:
            CookieBehavior: none
          HeadersConfig:
            HeaderBehavior: none
          QueryStringsConfig:
            QueryStringBehavior: none
`;
}

/**
 * S3 website endpoints speak HTTP only, so CloudFront talks HTTP to the origin and HTTPS to readers.
 * The website endpoint answers a missing key with the error document, with 403 rather than 404 when
 * the public may not list the bucket (reportsite's setup never lets it): readers get 404 either way,
 * and CloudFront keeps that answer a minute, not a day.
 */
function distribution({ domain, originDomain, sitePrefix, errorDocument }: HostingOptions): string {
  const originPath = sitePrefix
    ? `            OriginPath: ${JSON.stringify(`/${sitePrefix.replace(/\/+$/, "")}`)}\n`
    : "";
  return `  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Comment: ${JSON.stringify(`reportsite: ${domain}`)}
        Aliases:
          - ${JSON.stringify(domain)}
        HttpVersion: http2and3
        IPV6Enabled: true
        PriceClass: PriceClass_100
        Origins:
          - Id: site-bucket-website
            DomainName: ${JSON.stringify(originDomain)}
${originPath}            CustomOriginConfig:
              OriginProtocolPolicy: http-only
              HTTPPort: 80
              HTTPSPort: 443
        DefaultCacheBehavior:
          TargetOriginId: site-bucket-website
          ViewerProtocolPolicy: redirect-to-https
          Compress: true
          AllowedMethods: [GET, HEAD]
          CachedMethods: [GET, HEAD]
          CachePolicyId: !Ref CachePolicy
${errorResponses(errorDocument)}        ViewerCertificate:
          AcmCertificateArn: !Ref Certificate
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`;
}

function errorResponses(errorDocument: string): string {
  const responses = [403, 404].map(
    (code) => `          - ErrorCode: ${code}
            ResponseCode: 404
            ResponsePagePath: ${JSON.stringify(`/${errorDocument}`)}
            ErrorCachingMinTTL: 60
`,
  );
  return `        CustomErrorResponses:\n${responses.join("")}`;
}

/** A and AAAA alias records: the domain answers with CloudFront's addresses, IPv4 and IPv6. */
function aliasRecords(domain: string, hostedZoneId: string): string {
  const record = (type: string) => `        - Name: ${JSON.stringify(domain)}
          Type: ${type}
          AliasTarget:
            DNSName: !GetAtt Distribution.DomainName
            HostedZoneId: ${CLOUDFRONT_HOSTED_ZONE_ID}
            EvaluateTargetHealth: false
`;
  return `  AliasRecords:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: ${JSON.stringify(hostedZoneId)}
      RecordSets:
${record("A")}${record("AAAA")}`;
}

function outputs(): string {
  return `Outputs:
  DistributionId:
    Description: "site.cloudfront.distributionId in site-config.json; DISTRIBUTION_ID in iam-policy.json"
    Value: !Ref Distribution
  DistributionDomainName:
    Description: "Where the domain points (a CNAME, or the alias records this stack made)"
    Value: !GetAtt Distribution.DomainName
`;
}
