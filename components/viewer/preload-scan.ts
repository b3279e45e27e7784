/**
 * Starts downloading a timepoint's CT (its preview too) and lesion segmentation from the
 * server-rendered page, while the browser is still loading the scripts and NiiVue is starting: the
 * viewer's own fetches of the same URLs (fetch-volume.ts, same mode and credentials) then take the
 * preloaded responses.
 */
import { preload } from "react-dom";
import { transferUrl } from "./fetch-volume";
import type { ViewerTimepoint } from "./types";

export function preloadScan(tp: ViewerTimepoint | null): void {
  const image = tp?.volumes.image;
  const urls = [image && transferUrl(image.url, true), image && transferUrl(image.url), tp?.volumes.segmentation && transferUrl(tp.volumes.segmentation.url)];
  // crossOrigin "anonymous": a CORS-mode request with same-origin credentials, as fetch() sends it.
  for (const url of urls) if (url) preload(url, { as: "fetch", crossOrigin: "anonymous" });
}
