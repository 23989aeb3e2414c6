/** The page a list request asks for (`?page=`), kept within the pages there are. */
export function requestedPage(request: Request, total: number, pageSize: number): { page: number; pages: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const requested = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  return { page, pages, skip: (page - 1) * pageSize };
}
