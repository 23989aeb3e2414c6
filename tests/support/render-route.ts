import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { Outlet, type RouteObject } from 'react-router-dom';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server';

type RouteLoader = (args: { request: Request; params: Record<string, string | undefined>; context: object }) => unknown;

/**
 * Renders a route module's component to HTML the way the server does: its loader runs on a
 * real Request, and the root supplies the language. Returns the thrown/returned Response
 * when the loader answers with one (redirect, 403, 404).
 */
export async function renderRoute(
  request: Request,
  route: { loader: RouteLoader; default: ComponentType },
  path: string,
  language: 'nb' | 'en' = 'nb',
): Promise<{ status: number; html: string }> {
  const routes: RouteObject[] = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ language }),
      Component: Outlet,
      children: [
        {
          id: 'page',
          path,
          loader: ({ request, params }) => route.loader({ request, params, context: {} }) as Promise<Response>,
          Component: route.default,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(request);
  if (context instanceof Response) return { status: context.status, html: '' };
  if (context.errors) {
    const error = Object.values(context.errors)[0] as { status?: number };
    return { status: error?.status ?? 500, html: '' };
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  return { status: context.statusCode, html: renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false })) };
}
