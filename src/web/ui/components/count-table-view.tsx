import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n.tsx';

type Category = { key: string; label: string; label_ko?: string };

/** A counted table as the API gives it: raw counts, or a protected table whose hidden cells are `null`. */
export type CountTableData = {
  title: string;
  rows: Category[];
  columns: Category[];
  cells: (number | null)[][];
  rowTotals?: (number | null)[];
};

/** A count table as an accessible HTML table; hidden (small) cells say so. */
export function CountTableView({
  table,
  id,
  explain,
  caption,
}: {
  table: CountTableData;
  /** The table's title in the interface language (the server's title is in English). */
  caption?: string;
  id?: string;
  /** Per row, the figure query behind it: the count links to the acts it counts. */
  explain?: (Record<string, unknown> | null)[];
}) {
  const { t, number, lang } = useI18n();
  const name = (c: Category) => (lang === 'ko' ? (c.label_ko ?? c.label) : c.label);
  const oneWay = table.columns.length <= 1;
  if (table.rows.length === 0) return <p className="note">{t('table.none')}</p>;
  return (
    <table id={id} className="counts">
      <caption>{caption ?? table.title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('analysis.category')}</th>
          {oneWay ? (
            <th scope="col">{t('column.count')}</th>
          ) : (
            table.columns.map((c) => (
              <th scope="col" key={c.key}>
                {name(c)}
              </th>
            ))
          )}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{name(row)}</th>
            {(table.cells[r] ?? []).map((cell, c) => (
              <td key={table.columns[c]?.key ?? c} className="n">
                {cell === null ? (
                  <abbr title={t('analysis.suppressedTitle')}>{t('analysis.suppressed')}</abbr>
                ) : explain?.[r] && oneWay ? (
                  <Link href={`/explain?${queryString(explain[r] as Record<string, unknown>)}`}>
                    {number(cell)}
                  </Link>
                ) : (
                  number(cell)
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function queryString(query: Record<string, unknown>): string {
  return new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
}
