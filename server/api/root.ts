import { router, createCallerFactory } from "./trpc";
import { casesRouter } from "./routers/cases/router";
import { meetingsRouter } from "./routers/meetings/router";
import { sessionRouter } from "./routers/session/router";
import { decisionsRouter } from "./routers/decisions/router";
import { imagingRouter } from "./routers/imaging/router";
import { analysesRouter } from "./routers/analyses/router";
import { liquidRouter } from "./routers/liquid/router";
import { panelsRouter } from "./routers/panels/router";

export const appRouter = router({
  cases: casesRouter,
  meetings: meetingsRouter,
  session: sessionRouter,
  decisions: decisionsRouter,
  imaging: imagingRouter,
  analyses: analysesRouter,
  liquid: liquidRouter,
  panels: panelsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
