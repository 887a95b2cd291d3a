// Complementary suppression: hide further figures until no hidden figure is fixed by the rest.

import { bridges, type TableGraph } from './table-graph.ts';

/**
 * The cost of hiding one more figure, compared in order: how many margins it hides (a margin is
 * worth more than any cell), then the counts hidden (+1 per figure, so that fewer figures win a
 * tie), then the number of figures.
 */
type Cost = [margins: number, counts: number, figures: number];

const compare = (a: Cost, b: Cost): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const add = (a: Cost, b: Cost): Cost => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/**
 * Adds to `hidden` (in place) the figures needed so that no hidden figure is a bridge, and returns
 * the ids it added, in the order it added them.
 *
 * While some hidden figure is a bridge, take the first (lowest id) and hide the cheapest path
 * between its two equations that avoids it: the figure then lies on a cycle of hidden figures, so it
 * (and every figure of the path) is no longer fixed. Hidden figures cost nothing to reuse, so a
 * path runs through other small cells where it can, which is how one complement protects several
 * cells. Hiding more never turns a non-bridge into a bridge, so each step removes at least one
 * bridge and the loop ends. `value[e]` is the true count of figure e; only figures with a positive
 * count are candidates (a hidden zero could be pinned by non-negativity), so every hidden figure
 * has a strictly positive true value when the caller hides no zeros itself.
 */
export function complementarySuppression(
  graph: TableGraph,
  value: readonly number[],
  hidden: boolean[],
): number[] {
  const added: number[] = [];
  const isCell = (edge: number): boolean => graph.figures[edge]?.kind === 'cell';
  for (;;) {
    const exposed = bridges(graph, hidden);
    const first = exposed[0];
    if (first === undefined) return added;
    const [from, to] = graph.ends[first] as [number, number];
    const path = cheapestPath(graph, from, to, first, (edge) => {
      if (hidden[edge]) return [0, 0, 0];
      const count = value[edge] as number;
      if (count <= 0) return undefined;
      return [isCell(edge) ? 0 : 1, count + 1, 1];
    });
    if (path === undefined) throw new Error(`no complementary suppression protects figure ${first}`);
    for (const edge of path) {
      if (hidden[edge]) continue;
      hidden[edge] = true;
      added.push(edge);
    }
  }
}

/**
 * Dijkstra over the table graph from `from` to `to`, never using `banned`; `cost` is undefined for
 * an edge that may not be used. Ties go to the lower node and edge ids, so the result is
 * deterministic. Returns the edges of the path.
 */
function cheapestPath(
  graph: TableGraph,
  from: number,
  to: number,
  banned: number,
  cost: (edge: number) => Cost | undefined,
): number[] | undefined {
  const n = graph.nodeCount;
  const best: (Cost | undefined)[] = new Array(n).fill(undefined);
  const viaEdge = new Array<number>(n).fill(-1);
  const viaNode = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  best[from] = [0, 0, 0];
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
      const step = cost(edge);
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
  const path: number[] = [];
  for (let node = to; node !== from; node = viaNode[node] as number) path.push(viaEdge[node] as number);
  return path.reverse();
}
