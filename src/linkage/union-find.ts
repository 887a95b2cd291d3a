/** Disjoint sets over 0..n-1, with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number]!;
      x = parent[x] as number;
    }
    return x;
  }

  union(a: number, b: number): number {
    let x = this.find(a);
    let y = this.find(b);
    if (x === y) return x;
    if ((this.size[x] as number) < (this.size[y] as number)) [x, y] = [y, x];
    this.parent[y] = x;
    this.size[x]! += this.size[y] as number;
    return x;
  }

  /** The sets with more than one member, each as its members in increasing order. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      const g = byRoot.get(r);
      if (g) g.push(i);
      else byRoot.set(r, [i]);
    }
    return [...byRoot.values()].filter((g) => g.length > 1);
  }
}
