// The linear structure of a two-way table with margins, as a graph (used by the suppressor only).
//
// Every figure of a table with margins sits in exactly two of these equations:
//   row r:           Σ_c cell[r][c] = rowTotal[r]
//   column c:        Σ_r cell[r][c] = columnTotal[c]
//   row totals:      Σ_r rowTotal[r] = total
//   column totals:   Σ_c columnTotal[c] = total
// Taking each equation as a node and each figure as an edge between its two equations gives a
// bipartite graph: {rows, column-totals node} on one side, {columns, row-totals node} on the other.
// With the published figures moved to the constants, the hidden figures are the edges of a
// subgraph, and a hidden figure is fixed by the published ones exactly when its edge is a bridge
// of that subgraph (the cut space of a graph contains the indicator of an edge iff it is a bridge).

/** A figure of the table: a cell, a row or column total, or the grand total. */
export type Figure =
  | { kind: 'cell'; row: number; column: number }
  | { kind: 'rowTotal'; row: number }
  | { kind: 'columnTotal'; column: number }
  | { kind: 'total' };

/** Nodes 0..R-1 are rows, R..R+C-1 columns, R+C the row-totals equation, R+C+1 the column-totals one. */
export type TableGraph = {
  rowCount: number;
  columnCount: number;
  nodeCount: number;
  /** Edge e joins ends[e][0] and ends[e][1]. */
  ends: [number, number][];
  figures: Figure[];
  /** Per node, its edges as [edge, other end]. */
  adjacent: [number, number][][];
  /**
   * Per edge, the end it leaves when the figure grows. Orienting rows → columns → column-totals
   * node → row-totals node → rows makes every equation "what flows in = what flows out", so moving
   * one unit forward round a cycle of hidden figures keeps every published figure as it is: the
   * figures traversed forward grow by one, those traversed backward shrink by one.
   */
  tail: number[];
};

/**
 * Edge ids: cell (r, c) is r·C + c, row total r is R·C + r, column total c is R·C + R + c, and the
 * grand total is the last, R·C + R + C.
 */
export function tableGraph(rowCount: number, columnCount: number): TableGraph {
  const R = rowCount;
  const C = columnCount;
  const rowTotalsNode = R + C;
  const columnTotalsNode = R + C + 1;
  const ends: [number, number][] = [];
  const figures: Figure[] = [];
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      ends.push([r, R + c]);
      figures.push({ kind: 'cell', row: r, column: c });
    }
  }
  for (let r = 0; r < R; r++) {
    ends.push([r, rowTotalsNode]);
    figures.push({ kind: 'rowTotal', row: r });
  }
  for (let c = 0; c < C; c++) {
    ends.push([R + c, columnTotalsNode]);
    figures.push({ kind: 'columnTotal', column: c });
  }
  ends.push([rowTotalsNode, columnTotalsNode]);
  figures.push({ kind: 'total' });

  const nodeCount = R + C + 2;
  const adjacent: [number, number][][] = Array.from({ length: nodeCount }, () => []);
  ends.forEach(([a, b], edge) => {
    adjacent[a]?.push([edge, b]);
    adjacent[b]?.push([edge, a]);
  });
  const tail = figures.map((figure, edge) => {
    const [a, b] = ends[edge] as [number, number];
    return figure.kind === 'cell' || figure.kind === 'columnTotal' ? a : b;
  });
  return { rowCount, columnCount, nodeCount, ends, figures, adjacent, tail };
}

/** The edges among `hidden` that are bridges of the subgraph they form (Tarjan's low-link), in id order. */
export function bridges(graph: TableGraph, hidden: readonly boolean[]): number[] {
  const order = new Array<number>(graph.nodeCount).fill(-1);
  const low = new Array<number>(graph.nodeCount).fill(0);
  const found: number[] = [];
  let counter = 0;

  const visit = (node: number, viaEdge: number): void => {
    order[node] = counter;
    low[node] = counter;
    counter++;
    for (const [edge, next] of graph.adjacent[node] ?? []) {
      if (!hidden[edge] || edge === viaEdge) continue;
      const nextOrder = order[next] as number;
      if (nextOrder === -1) {
        visit(next, edge);
        low[node] = Math.min(low[node] as number, low[next] as number);
        if ((low[next] as number) > (order[node] as number)) found.push(edge);
      } else {
        low[node] = Math.min(low[node] as number, nextOrder);
      }
    }
  };

  for (let node = 0; node < graph.nodeCount; node++) if (order[node] === -1) visit(node, -1);
  return found.sort((a, b) => a - b);
}
