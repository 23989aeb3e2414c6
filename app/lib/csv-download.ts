/** A CSV file the browser saves: UTF-8, under the given name, never kept in a cache (it holds personal data). */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
