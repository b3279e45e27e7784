import { router, createCallerFactory } from "./trpc";
import { casesRouter } from "./routers/cases/router";
import { meetingsRouter } from "./routers/meetings/router";
import { sessionRouter } from "./routers/session/router";

export const appRouter = router({
  cases: casesRouter,
  meetings: meetingsRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
