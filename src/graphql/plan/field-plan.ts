import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
} from 'graphql';
import { collect, type Operation, type Selected } from './collect';

/**
 * One field of a request as graphql-js resolves it: the field nodes it merges under one response key, what is
 * selected under them, its arguments with the SDL's defaults, and the plans of its subfields. Built once per request
 * for each distinct list of nodes (see RequestPlans), so that every reader of a field reads the same object.
 */
export class FieldPlan {
  private selectedCache?: Selected[];
  private readonly argsByType = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly plans: RequestPlans,
    readonly op: Operation,
    readonly nodes: readonly FieldNode[],
    /** The field's type without lists and non-null; null for a field the schema does not have. */
    readonly type: GraphQLNamedType | null,
  ) {}

  get name(): string {
    return this.nodes[0]!.name.value;
  }

  /** The object types the field's value can have. */
  get possibleTypes(): readonly string[] {
    const type = this.type;
    if (!type) return [];
    return isAbstractType(type) ? this.op.schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
  }

  /** Every field node selected under this field, fragments followed, directives applied. */
  get selected(): readonly Selected[] {
    return (this.selectedCache ??= collect(this.op, this.nodes, this.possibleTypes));
  }

  /** Whether a field of this name is selected under this one. */
  selects(name: string): boolean {
    return this.selected.some((s) => s.node.name.value === name);
  }

  /**
   * The plans of the subfields named `name`, one per response key (as graphql-js merges them), for any type; with
   * `unconditional`, those an @include or @skip decides are left out.
   */
  fields(name: string, { unconditional = false } = {}): FieldPlan[] {
    const byKey = new Map<string, FieldNode[]>();
    for (const s of this.selected) {
      if (s.node.name.value !== name || (unconditional && s.conditional)) continue;
      byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.node]);
    }
    return [...byKey.values()].map((nodes) => this.planOf(nodes));
  }

  /** The plan of the subfield merging `nodes` (selected under this field). */
  planOf(nodes: readonly FieldNode[]): FieldPlan {
    return this.plans.of(nodes, this.subfieldType(nodes[0]!.name.value));
  }

  /** Every subfield plan, one per response key, for any type. */
  children(): FieldPlan[] {
    return [...new Set(this.selected.map((s) => s.node.name.value))].flatMap((name) => this.fields(name));
  }

  /** The arguments of this field as the field of `parentType` declares them, defaults from the SDL applied. */
  argsOn(parentType: string): Record<string, unknown> {
    let args = this.argsByType.get(parentType);
    if (!args) {
      const type = this.op.schema.getType(parentType);
      const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[this.name] : undefined;
      args = definition ? getArgumentValues(definition, this.nodes[0]!, this.op.variables as Record<string, unknown>) : {};
      this.argsByType.set(parentType, args);
    }
    return args;
  }

  /** The named type of subfield `name` on this field's type (or the first of its possible types that has it). */
  private subfieldType(name: string): GraphQLNamedType | null {
    for (const typeName of [this.type?.name, ...this.possibleTypes]) {
      const type = typeName ? this.op.schema.getType(typeName) : undefined;
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      if (field) return getNamedType(field.type);
    }
    return null;
  }
}

/**
 * The plans of one request's fields, keyed by their field nodes: the page planner, the resolvers and the loaders'
 * keys all take a field's plan from here, so for the same nodes they get the same object, and what it works out once.
 */
export class RequestPlans {
  private op?: Operation;
  private operation?: object;
  private readonly byFirstNode = new WeakMap<FieldNode, FieldPlan[]>();

  /** The plan of the field a resolver resolves. */
  ofInfo(info: GraphQLResolveInfo): FieldPlan {
    // One request runs one operation; a context reused for another starts afresh.
    if (!this.op || this.operation !== info.operation) {
      this.operation = info.operation;
      this.op = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
    }
    return this.of(info.fieldNodes, getNamedType(info.returnType));
  }

  /** The plan of a field merging `nodes` (the same object for the same nodes, in the same order). */
  of(nodes: readonly FieldNode[], type: GraphQLNamedType | null): FieldPlan {
    if (!this.op) throw new Error('RequestPlans.of before any resolver gave the operation (ofInfo)');
    const known = this.byFirstNode.get(nodes[0]!) ?? [];
    const same = known.find((plan) => plan.nodes.length === nodes.length && plan.nodes.every((node, i) => node === nodes[i]));
    if (same) return same;
    const plan = new FieldPlan(this, this.op, nodes, type);
    this.byFirstNode.set(nodes[0]!, [...known, plan]);
    return plan;
  }
}
