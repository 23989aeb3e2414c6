import type { LoaderFunctionArgs } from '@remix-run/node';
import { parsePeriod } from '~/domain/figures/period';
import { funderReportWorkbook } from '~/domain/reports/workbook.server';
import { requireUser } from '~/lib/auth.server';
import { halfYearOf } from '~/lib/time';
import { currentTime } from '~/lib/clock';

/** The funder report as an Excel workbook, for people; the same figures and access as the CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'reports:view' });
  const requested = new URL(request.url).searchParams.get('period') ?? halfYearOf(currentTime());
  const period = parsePeriod(requested);
  if (!period) throw new Response('Bad Request', { status: 400 });
  const body = await funderReportWorkbook(period, user.language === 'en' ? 'en' : 'nb');
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="brobygger-${period.key}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
}
