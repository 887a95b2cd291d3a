// Complementary suppression: hide further figures until no hidden figure is fixed by the rest.

import { bridges, type TableGraph } from './table-graph.ts';

/**
 * The cost of hiding one more figure, compared in order: how many margins it hides (a margin is
 * worth more than any cell), then the counts hidden (+1 per figure, so that fewer figures win a
 * tie), then the number of figures.
 */
type Cost = [margins: number, counts: number, figures: number];

const FREE: Cost = [0, 0, 0];
const compare = (a: Cost, b: Cost): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const add = (a: Cost, b: Cost): Cost => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/** The price of using `edge` when walking out of `from`, or undefined when it may not be used. */
type Price = (edge: number, from: number) => Cost | undefined;

/**
 * Adds to `hidden` (in place) the figures needed so that no hidden figure is fixed by the published
 * ones, and returns the ids it added, in the order it added them. `value[e]` is the true count of
 * figure e; only figures with a positive count are ever added.
 *
 * A hidden figure can move (and so is not disclosed) exactly when it lies on a cycle of hidden
 * figures along which one unit can be pushed without any figure going below zero: hidden zeros may
 * only be traversed forward (they can grow, not shrink; see `tail` in table-graph.ts). When no hidden
 * figure is zero, that is the same as not being a bridge (found with Tarjan's algorithm); otherwise
 * each hidden figure is searched for such a cycle.
 *
 * While some hidden figure is exposed, take the first (lowest id) and hide the cheapest path that
 * closes such a cycle through it. Hidden figures cost nothing to reuse, so a path runs through other
 * small cells where it can, which is how one complement protects several cells. Hiding more positive
 * figures never takes a cycle away, and every figure of the new cycle can move along it, so each
 * step removes at least one exposed figure.
 *
 * Then, so that no small number can be had by subtraction either: where the hidden figures of one
 * equation all sit on the same side (a row whose total is published, say), their sum is published
 * in effect; when it is in (0, threshold), the cheapest published positive figure of that equation
 * is hidden too, and the whole is repeated. Figures are only ever added, so the loop ends.
 */
export function complementarySuppression(
  graph: TableGraph,
  value: readonly number[],
  hidden: boolean[],
  threshold: number,
): number[] {
  const added: number[] = [];
  const isCell = (edge: number): boolean => graph.figures[edge]?.kind === 'cell';
  // Hidden figures: free, but a hidden zero only forward. Others: positive counts, either way.
  const usable: Price = (edge, from) => {
    const count = value[edge] as number;
    if (hidden[edge]) return count > 0 || graph.tail[edge] === from ? FREE : undefined;
    if (count <= 0) return undefined;
    return [isCell(edge) ? 0 : 1, count + 1, 1];
  };
  const hiddenOnly: Price = (edge, from) => (hidden[edge] ? usable(edge, from) : undefined);

  for (;;) {
    const first = firstExposed(graph, value, hidden, hiddenOnly);
    if (first === undefined) {
      const partner = smallGroupPartner(graph, value, hidden, threshold);
      if (partner === undefined) return added;
      hidden[partner] = true;
      added.push(partner);
      continue;
    }
    const path = closingPath(graph, value, first, usable);
    if (path === undefined) throw new Error(`no complementary suppression protects figure ${first}`);
    for (const edge of path) {
      if (hidden[edge]) continue;
      hidden[edge] = true;
      added.push(edge);
    }
  }
}

/** A figure to hide with a group of hidden figures whose sum can be worked out and is small. */
function smallGroupPartner(
  graph: TableGraph,
  value: readonly number[],
  hidden: readonly boolean[],
  threshold: number,
): number | undefined {
  for (let node = 0; node < graph.nodeCount; node++) {
    const edges = graph.adjacent[node] ?? [];
    const hiddenHere = edges.filter(([edge]) => hidden[edge]);
    if (hiddenHere.length === 0) continue;
    const leaving = hiddenHere.filter(([edge]) => graph.tail[edge] === node).length;
    if (leaving !== 0 && leaving !== hiddenHere.length) continue;
    const sum = hiddenHere.reduce((s, [edge]) => s + (value[edge] as number), 0);
    if (sum === 0 || sum >= threshold) continue;
    let best: number | undefined;
    const rank = (edge: number): Cost => [
      graph.figures[edge]?.kind === 'cell' ? 0 : 1,
      value[edge] as number,
      edge,
    ];
    for (const [edge] of edges) {
      if (hidden[edge] || (value[edge] as number) <= 0) continue;
      if (best === undefined || compare(rank(edge), rank(best)) < 0) best = edge;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

function firstExposed(
  graph: TableGraph,
  value: readonly number[],
  hidden: readonly boolean[],
  hiddenOnly: Price,
): number | undefined {
  const anyHiddenZero = hidden.some((isHidden, edge) => isHidden && value[edge] === 0);
  if (!anyHiddenZero) return bridges(graph, hidden)[0];
  for (let edge = 0; edge < hidden.length; edge++) {
    if (hidden[edge] && closingPath(graph, value, edge, hiddenOnly) === undefined) return edge;
  }
  return undefined;
}

/**
 * The cheapest path that closes a cycle through `edge` on which a unit can be pushed: back from
 * its head to its tail (the figure grows) or, when its count is positive, the other way round too.
 */
function closingPath(
  graph: TableGraph,
  value: readonly number[],
  edge: number,
  price: Price,
): number[] | undefined {
  const [a, b] = graph.ends[edge] as [number, number];
  const tail = graph.tail[edge] as number;
  const head = tail === a ? b : a;
  const growing = cheapestPath(graph, head, tail, edge, price);
  if ((value[edge] as number) <= 0) return growing?.edges;
  const shrinking = cheapestPath(graph, tail, head, edge, price);
  if (growing === undefined) return shrinking?.edges;
  if (shrinking === undefined) return growing.edges;
  return compare(shrinking.cost, growing.cost) < 0 ? shrinking.edges : growing.edges;
}

/**
 * Dijkstra over the table graph from `from` to `to`, never using `banned`. Ties go to the lower
 * node ids, so the result is deterministic.
 */
function cheapestPath(
  graph: TableGraph,
  from: number,
  to: number,
  banned: number,
  price: Price,
): { edges: number[]; cost: Cost } | undefined {
  const n = graph.nodeCount;
  const best: (Cost | undefined)[] = new Array(n).fill(undefined);
  const viaEdge = new Array<number>(n).fill(-1);
  const viaNode = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  best[from] = FREE;
  for (;;) {
    let node = -1;
    for (let i = 0; i < n; i++) {
      const candidate = best[i];
      if (done[i] || candidate === undefined) continue;
      const current = best[node];
      if (node === -1 || current === undefined || compare(candidate, current) < 0) node = i;
    }
    if (node === -1) return undefined;
    if (node === to) break;
    done[node] = true;
    const here = best[node] as Cost;
    for (const [edge, next] of graph.adjacent[node] ?? []) {
      if (edge === banned || done[next]) continue;
      const step = price(edge, node);
      if (step === undefined) continue;
      const total = add(here, step);
      const known = best[next];
      if (known === undefined || compare(total, known) < 0) {
        best[next] = total;
        viaEdge[next] = edge;
        viaNode[next] = node;
      }
    }
  }
  const edges: number[] = [];
  for (let node = to; node !== from; node = viaNode[node] as number) edges.push(viaEdge[node] as number);
  return { edges: edges.reverse(), cost: best[to] as Cost };
}
