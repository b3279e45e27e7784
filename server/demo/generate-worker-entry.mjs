// Worker threads do not get tsx's module hooks from the parent thread: register them here, then
// load the TypeScript worker (generate-worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./generate-worker.ts");
