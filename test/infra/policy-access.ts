/**
 * "May principal P do action A on resource R?", answered from a synthesized CloudFormation
 * template the way IAM evaluates the policies of one account:
 *  - a role's identity policies: AWS::IAM::Policy and AWS::IAM::ManagedPolicy attached to it
 *    (`Roles`), inline `Policies`, and `ManagedPolicyArns` (a policy of the template, a
 *    known AWS managed policy, or, when unknown, anything on anything);
 *  - resource policies: AWS::S3::BucketPolicy and AWS::SQS::QueuePolicy statements whose
 *    principal covers P (`*` covers everyone, anonymous callers included);
 *  - an explicit Deny wins, then any Allow.
 * Actions and resources are matched with IAM's wildcards (`*`, `?`; actions case-
 * insensitively), NotAction and NotResource included; Ref, Fn::GetAtt, Fn::Join and Fn::Sub
 * resolve to ARNs built from logical ids, so every ARN of a resource is the same string.
 * Anything the resolver cannot read throws: a policy form this file does not know fails the
 * tests instead of being skipped.
 *
 * The answer over-approximates, which is what proving least privilege needs: a condition
 * the request context does not settle counts as met on an Allow and as not met on a Deny.
 */

export const PARTITION = 'aws';
export const REGION = 'eu-west-3';
export const ACCOUNT = '111122223333';

/** Who asks: a role of the template (by logical id), or anyone on the internet. */
export type Principal = { readonly role: string } | { readonly anonymous: true };
export const ANONYMOUS: Principal = { anonymous: true };
export const role = (logicalId: string): Principal => ({ role: logicalId });

/** What the request carries. Requests go over TLS, as the SDK sends them. */
export const DEFAULT_CONTEXT: Readonly<Record<string, string>> = { 'aws:SecureTransport': 'true' };

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

export interface TemplateJson {
  readonly Resources: Record<string, TemplateResource>;
}

/** A statement with its ARNs resolved. */
export interface ResolvedStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Where it comes from, for failure messages: the policy resource and its Sid. */
  readonly source: string;
}

interface ResourcePolicyStatement extends ResolvedStatement {
  /** 'everyone' for `*`, else the ARNs / service names the statement names. */
  readonly principal: { readonly everyone: boolean; readonly aws: readonly string[]; readonly services: readonly string[]; readonly not: boolean };
}

/**
 * AWS managed policies a role of the template may carry, as AWS defines them. Any other
 * managed policy counts as `*` on `*`: the tests cannot see what it grants.
 */
const KNOWN_MANAGED_POLICIES: Readonly<Record<string, readonly ResolvedStatement[]>> = {
  'service-role/AWSLambdaBasicExecutionRole': [
    { effect: 'Allow', actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['*'], source: 'AWSLambdaBasicExecutionRole' },
  ],
};

export class PolicyAccess {
  private readonly resources: Record<string, TemplateResource>;
  private readonly resourceStatements: ResourcePolicyStatement[];

  constructor(
    template: TemplateJson,
    private readonly context: Readonly<Record<string, string>> = DEFAULT_CONTEXT,
  ) {
    this.resources = template.Resources;
    this.resourceStatements = this.collectResourceStatements();
  }

  // ---- ARNs of the template's resources -------------------------------------------------

  /** The ARN `{ "Fn::GetAtt": [logicalId, "Arn"] }` stands for. */
  arn(logicalId: string): string {
    return this.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] });
  }

  /** The ARN of one object of a bucket of the template. */
  objectArn(bucketLogicalId: string, key: string): string {
    return `${this.arn(bucketLogicalId)}/${key}`;
  }

  /** The role a function of the template runs as. */
  roleOfFunction(functionLogicalId: string): Principal {
    const fn = this.resource(functionLogicalId, 'AWS::Lambda::Function');
    const roleArn = fn.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined;
    const id = roleArn?.['Fn::GetAtt']?.[0];
    if (id === undefined) throw new Error(`${functionLogicalId}: Role is not a Fn::GetAtt of a role of the template`);
    this.resource(id, 'AWS::IAM::Role');
    return role(id);
  }

  /** Every IAM role of the template, by logical id. */
  roles(): string[] {
    return Object.entries(this.resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Role')
      .map(([id]) => id)
      .sort();
  }

  // ---- the question ---------------------------------------------------------------------

  /** May `principal` call `action` on `resourceArn`? */
  may(principal: Principal, action: string, resourceArn: string): boolean {
    const statements = this.applicable(principal, resourceArn);
    const applies = (s: ResolvedStatement, unknownCondition: boolean): boolean =>
      matchesAction(s, action) && matchesResource(s, resourceArn) && this.conditionHolds(s, unknownCondition);
    if (statements.some((s) => s.effect === 'Deny' && applies(s, false))) return false;
    return statements.some((s) => s.effect === 'Allow' && applies(s, true));
  }

  /** The action patterns of every Allow that may apply to `resourceArn` for `principal`, sorted. */
  allowedActions(principal: Principal, resourceArn: string): string[] {
    const found = new Set<string>();
    for (const s of this.applicable(principal, resourceArn)) {
      if (s.effect !== 'Allow' || !matchesResource(s, resourceArn) || !this.conditionHolds(s, true)) continue;
      if (s.notActions !== undefined) found.add(`NOT(${s.notActions.join(',')})`);
      for (const a of s.actions ?? []) found.add(a);
    }
    return [...found].sort();
  }

  /**
   * The Allow statements of `principal` that reach the bucket or any of its objects, whatever
   * the key: a wildcard resource (`*`, `arn:aws:s3:::*`), the bucket ARN, or a key pattern.
   */
  allowsTouching(principal: Principal, bucketLogicalId: string): ResolvedStatement[] {
    const bucket = this.arn(bucketLogicalId);
    return this.applicable(principal, undefined).filter((s) => {
      if (s.effect !== 'Allow') return false;
      if (s.notResources !== undefined) return true;
      return (s.resources ?? []).some((pattern) => patternReachesBucket(pattern, bucket));
    });
  }

  /** The identity statements of a role: attached, inline and managed policies. */
  identityStatements(roleLogicalId: string): ResolvedStatement[] {
    const roleResource = this.resource(roleLogicalId, 'AWS::IAM::Role');
    const props = roleResource.Properties ?? {};
    const statements: ResolvedStatement[] = [];
    const attachedTo = (policy: TemplateResource): boolean =>
      ((policy.Properties?.Roles as unknown[] | undefined) ?? []).some((r) => isRefTo(r, roleLogicalId) || r === props.RoleName);
    for (const [id, resource] of Object.entries(this.resources)) {
      if ((resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') && attachedTo(resource)) {
        statements.push(...this.document(resource.Properties?.PolicyDocument, id));
      }
    }
    for (const [i, inline] of ((props.Policies as { PolicyName?: string; PolicyDocument: unknown }[] | undefined) ?? []).entries()) {
      statements.push(...this.document(inline.PolicyDocument, `${roleLogicalId}.Policies[${inline.PolicyName ?? i}]`));
    }
    for (const managed of (props.ManagedPolicyArns as unknown[] | undefined) ?? []) {
      statements.push(...this.managedPolicy(managed, roleLogicalId));
    }
    return statements;
  }

  /** Every resource-policy statement of the template (buckets and queues), with its principal. */
  resourcePolicyStatements(): readonly (ResolvedStatement & { readonly principal: ResourcePolicyStatement['principal'] })[] {
    return this.resourceStatements;
  }

  // ---- internals ------------------------------------------------------------------------

  private applicable(principal: Principal, resourceArn: string | undefined): ResolvedStatement[] {
    const identity = 'role' in principal ? this.identityStatements(principal.role) : [];
    const roleArn = 'role' in principal ? this.arn(principal.role) : undefined;
    const resourceSide = this.resourceStatements.filter((s) => {
      if (resourceArn !== undefined && !matchesResource(s, resourceArn)) return false;
      const named = s.principal.everyone || (roleArn !== undefined && s.principal.aws.includes(roleArn));
      return s.principal.not ? !named : named;
    });
    return [...identity, ...resourceSide];
  }

  private conditionHolds(statement: ResolvedStatement, whenUnknown: boolean): boolean {
    for (const [operator, tests] of Object.entries(statement.condition ?? {})) {
      for (const [key, expected] of Object.entries(tests)) {
        const actual = this.context[key];
        if (actual === undefined) {
          if (!whenUnknown) return false;
          continue;
        }
        const values = (Array.isArray(expected) ? expected : [expected]).map((v) => this.resolve(v));
        const result = evaluateCondition(operator, actual, values);
        if (result === undefined) {
          if (!whenUnknown) return false;
        } else if (!result) return false;
      }
    }
    return true;
  }

  private managedPolicy(arn: unknown, roleLogicalId: string): readonly ResolvedStatement[] {
    if (typeof arn === 'object' && arn !== null && 'Ref' in arn) {
      const id = (arn as { Ref: string }).Ref;
      const policy = this.resource(id, 'AWS::IAM::ManagedPolicy');
      return this.document(policy.Properties?.PolicyDocument, id);
    }
    const resolved = this.resolve(arn);
    const name = resolved.replace(/^arn:[^:]+:iam::aws:policy\//, '');
    return (
      KNOWN_MANAGED_POLICIES[name] ?? [{ effect: 'Allow', actions: ['*'], resources: ['*'], source: `${roleLogicalId}: unknown managed policy ${resolved}` }]
    );
  }

  private document(document: unknown, source: string): ResolvedStatement[] {
    const statements = (document as { Statement?: unknown } | undefined)?.Statement;
    if (statements === undefined) throw new Error(`${source}: no PolicyDocument.Statement`);
    return (Array.isArray(statements) ? statements : [statements]).map((s) => this.statement(s as Record<string, unknown>, source));
  }

  private statement(raw: Record<string, unknown>, source: string): ResolvedStatement {
    const effect = raw.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') throw new Error(`${source}: Effect ${JSON.stringify(effect)}`);
    const list = (value: unknown): string[] | undefined => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((v) => this.resolve(v)));
    const statement: ResolvedStatement = {
      effect,
      source: raw.Sid === undefined ? source : `${source}#${String(raw.Sid)}`,
      ...(raw.Action !== undefined ? { actions: list(raw.Action) } : {}),
      ...(raw.NotAction !== undefined ? { notActions: list(raw.NotAction) } : {}),
      ...(raw.Resource !== undefined ? { resources: list(raw.Resource) } : {}),
      ...(raw.NotResource !== undefined ? { notResources: list(raw.NotResource) } : {}),
      ...(raw.Condition !== undefined ? { condition: raw.Condition as ResolvedStatement['condition'] } : {}),
    };
    if (statement.actions === undefined && statement.notActions === undefined) throw new Error(`${statement.source}: neither Action nor NotAction`);
    if (statement.resources === undefined && statement.notResources === undefined) {
      // Resource policies may leave the resource implicit only for SQS, where it is the queue.
      throw new Error(`${statement.source}: neither Resource nor NotResource`);
    }
    return statement;
  }

  private collectResourceStatements(): ResourcePolicyStatement[] {
    const found: ResourcePolicyStatement[] = [];
    for (const [id, resource] of Object.entries(this.resources)) {
      if (resource.Type !== 'AWS::S3::BucketPolicy' && resource.Type !== 'AWS::SQS::QueuePolicy') continue;
      const raw = (resource.Properties?.PolicyDocument as { Statement?: unknown } | undefined)?.Statement;
      for (const s of (Array.isArray(raw) ? raw : [raw]) as Record<string, unknown>[]) {
        found.push({ ...this.statement(s, id), principal: this.principalOf(s, id) });
      }
    }
    return found;
  }

  private principalOf(raw: Record<string, unknown>, source: string): ResourcePolicyStatement['principal'] {
    const not = raw.NotPrincipal !== undefined;
    const given = raw.Principal ?? raw.NotPrincipal;
    if (given === undefined) throw new Error(`${source}: a resource policy statement without Principal`);
    if (given === '*') return { everyone: true, aws: [], services: [], not };
    const p = given as Record<string, unknown>;
    const list = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => this.resolve(x)));
    const aws = list(p.AWS);
    for (const key of Object.keys(p)) {
      if (!['AWS', 'Service', 'CanonicalUser', 'Federated'].includes(key)) throw new Error(`${source}: principal type ${key}`);
    }
    return { everyone: aws.includes('*'), aws: aws.filter((a) => a !== '*'), services: list(p.Service), not };
  }

  private resource(logicalId: string, type?: string): TemplateResource {
    const found = this.resources[logicalId];
    if (found === undefined) throw new Error(`no resource ${logicalId} in the template`);
    if (type !== undefined && found.Type !== type) throw new Error(`${logicalId} is a ${found.Type}, not a ${type}`);
    return found;
  }

  /** A value of the template as the string it becomes at deploy time (ARNs built from logical ids). */
  resolve(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) throw new Error(`cannot resolve ${JSON.stringify(value)}`);
    const entries = Object.entries(value);
    if (entries.length !== 1) throw new Error(`cannot resolve ${JSON.stringify(value)}`);
    const [fn, arg] = entries[0] as [string, unknown];
    if (fn === 'Ref') return this.ref(arg as string);
    if (fn === 'Fn::GetAtt') {
      const [id, attribute] = Array.isArray(arg) ? (arg as [string, string]) : ((arg as string).split(/\.(.*)/s) as [string, string]);
      return this.getAtt(id, attribute);
    }
    if (fn === 'Fn::Join') {
      const [separator, parts] = arg as [string, unknown[]];
      return parts.map((p) => this.resolve(p)).join(separator);
    }
    if (fn === 'Fn::Sub') {
      const [text, variables] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [arg as string, {}];
      return text.replace(/\$\{([^}!]+)\}/g, (_all, name: string) => {
        if (name in variables) return this.resolve(variables[name]);
        const [id, attribute] = name.split(/\.(.*)/s) as [string, string | undefined];
        return attribute === undefined ? this.ref(id) : this.getAtt(id, attribute);
      });
    }
    throw new Error(`cannot resolve ${JSON.stringify(value)}`);
  }

  private ref(id: string): string {
    const pseudo: Record<string, string> = { 'AWS::Partition': PARTITION, 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com' };
    if (id in pseudo) return pseudo[id] as string;
    const resource = this.resource(id);
    switch (resource.Type) {
      case 'AWS::SQS::Queue':
        return `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${this.physicalName(id)}`;
      case 'AWS::SNS::Topic':
        return `arn:${PARTITION}:sns:${REGION}:${ACCOUNT}:${this.physicalName(id)}`;
      default:
        return this.physicalName(id);
    }
  }

  private getAtt(id: string, attribute: string): string {
    const resource = this.resource(id);
    const name = this.physicalName(id);
    if (attribute !== 'Arn') {
      if (resource.Type === 'AWS::S3::Bucket' && attribute === 'RegionalDomainName') return `${name}.s3.${REGION}.amazonaws.com`;
      throw new Error(`cannot resolve Fn::GetAtt ${id}.${attribute}`);
    }
    switch (resource.Type) {
      case 'AWS::S3::Bucket':
        return `arn:${PARTITION}:s3:::${name}`;
      case 'AWS::SQS::Queue':
        return `arn:${PARTITION}:sqs:${REGION}:${ACCOUNT}:${name}`;
      case 'AWS::IAM::Role':
        return `arn:${PARTITION}:iam::${ACCOUNT}:role/${name}`;
      case 'AWS::Logs::LogGroup':
        return `arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:${name}:*`;
      case 'AWS::Lambda::Function':
        return `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:${name}`;
      case 'AWS::SNS::Topic':
        return `arn:${PARTITION}:sns:${REGION}:${ACCOUNT}:${name}`;
      default:
        throw new Error(`cannot resolve Fn::GetAtt ${id}.Arn of a ${resource.Type}`);
    }
  }

  /** The name a resource gets: the one its properties give, or its logical id in lower case (unique, as CloudFormation's generated names are). */
  private physicalName(id: string): string {
    const props = this.resource(id).Properties ?? {};
    for (const key of ['BucketName', 'QueueName', 'RoleName', 'LogGroupName', 'FunctionName', 'TopicName']) {
      if (typeof props[key] === 'string') return props[key];
    }
    return id.toLowerCase();
  }
}

function isRefTo(value: unknown, logicalId: string): boolean {
  return typeof value === 'object' && value !== null && (value as { Ref?: unknown }).Ref === logicalId;
}

/** IAM's wildcards: `*` any run of characters (`/` included), `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function matchesAction(statement: ResolvedStatement, action: string): boolean {
  if (statement.notActions !== undefined) return !statement.notActions.some((p) => wildcardMatch(p, action, true));
  return (statement.actions ?? []).some((p) => wildcardMatch(p, action, true));
}

function matchesResource(statement: ResolvedStatement, arn: string): boolean {
  if (statement.notResources !== undefined) return !statement.notResources.some((p) => wildcardMatch(p, arn));
  return (statement.resources ?? []).some((p) => wildcardMatch(p, arn));
}

/** Whether a resource pattern can match the bucket ARN or the ARN of any of its objects. */
export function patternReachesBucket(pattern: string, bucketArn: string): boolean {
  if (wildcardMatch(pattern, bucketArn)) return true;
  const wildcard = pattern.search(/[*?]/);
  const literal = wildcard === -1 ? pattern : pattern.slice(0, wildcard);
  const objects = `${bucketArn}/`;
  // A literal head that stops inside "<bucket ARN>/" lets the wildcard reach any key; one
  // that runs past it names a key or a prefix of the bucket.
  return objects.startsWith(literal) ? wildcard !== -1 || literal === objects : literal.startsWith(objects);
}

/** The condition operators the template uses; undefined when the operator is not known here. */
function evaluateCondition(operator: string, actual: string, expected: readonly string[]): boolean | undefined {
  const base = operator.replace(/IfExists$/, '');
  switch (base) {
    case 'Bool':
    case 'StringEquals':
    case 'ArnEquals':
      return expected.includes(actual);
    case 'StringEqualsIgnoreCase':
      return expected.some((e) => e.toLowerCase() === actual.toLowerCase());
    case 'StringNotEquals':
    case 'ArnNotEquals':
      return !expected.includes(actual);
    case 'StringLike':
    case 'ArnLike':
      return expected.some((e) => wildcardMatch(e, actual));
    case 'StringNotLike':
    case 'ArnNotLike':
      return !expected.some((e) => wildcardMatch(e, actual));
    default:
      return undefined;
  }
}
