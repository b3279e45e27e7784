"use client";
/**
 * What the lesion map draws over NiiVue's canvas, in SVG: other participants' crosshairs (in their
 * colour, dashed when they look at another slice), the annotations of the shown timepoint that lie
 * on a shown slice (points, lines with their length, regions with their area), and the shape being
 * drawn with an annotation tool. World millimetres are placed on the tiles by projection.ts.
 *
 * With the navigate tool the overlay lets every pointer event through to NiiVue. With a drawing
 * tool it takes clicks (wheel events are passed on, so scrolling through slices still works):
 * point = one click; line = two clicks; region = clicks, closed by clicking the first point,
 * double-clicking or Enter. Escape cancels. A finished shape is handed to `onShape` for its label.
 */
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode, type WheelEvent as ReactWheelEvent } from "react";
import { commonPlane, distanceMm, formatAreaMm2, formatLengthMm, onSlice, polygonAreaMm2, projectToTile, tileAt, unprojectFromTile, type ScreenTile } from "./projection";
import type { AnnotationKind, MapAnnotation, MapPeer, MapTool, Vec3Mm } from "./types";

export interface DrawnShape {
  kind: AnnotationKind;
  points: Vec3Mm[];
}

export interface MapOverlayProps {
  tiles: ScreenTile[];
  /** The timepoint on screen; nothing is drawn while none is. */
  timepointId: string | null;
  peers: MapPeer[];
  annotations: MapAnnotation[];
  tool: MapTool;
  /** A shape waiting for its label: drawn, not yet saved. */
  pending: DrawnShape | null;
  onShape(shape: DrawnShape): void;
  /** Escape while nothing is being drawn: back to navigating. */
  onCancelTool(): void;
}

const CLOSE_PX = 8;
const halo = { paintOrder: "stroke", stroke: "rgba(0,0,0,0.85)", strokeWidth: 3, strokeLinejoin: "round" } as const;

/** A short measurement of a shape, with its unit. */
export function shapeMeasure(kind: AnnotationKind, points: readonly Vec3Mm[]): string | null {
  if (kind === "line" && points.length === 2) return formatLengthMm(distanceMm(points[0]!, points[1]!));
  if (kind === "roi" && points.length >= 3) {
    const plane = commonPlane(points);
    return plane ? formatAreaMm2(polygonAreaMm2(points, plane)) : null;
  }
  return null;
}

/** Text beside a mark; on the right part of a tile it goes to the mark's left, so it stays on the tile. */
function Label({ x, y, colour, children, end }: { x: number; y: number; colour: string; children: ReactNode; end?: boolean }) {
  return (
    <text x={x} y={y} fill={colour} fontSize={12} fontWeight={600} style={halo} textAnchor={end ? "end" : "start"}>
      {children}
    </text>
  );
}

function labelPlace(xy: readonly { x: number; y: number }[], tile: ScreenTile): { x: number; y: number; end: boolean } {
  const xs = xy.map((p) => p.x);
  const end = Math.max(...xs) > tile.left + tile.width * 0.6;
  return { x: end ? Math.min(...xs) - 8 : Math.max(...xs) + 8, y: Math.min(...xy.map((p) => p.y)) + 4, end };
}

function ShapeOnTile({ kind, points, tile, colour, label, dashed }: { kind: AnnotationKind; points: readonly Vec3Mm[]; tile: ScreenTile; colour: string; label: string; dashed?: boolean }) {
  const xy = points.map((p) => projectToTile(p, tile));
  const dash = dashed ? "4 3" : undefined;
  const first = xy[0]!;
  return (
    <>
      {kind === "point" && (
        <>
          <circle cx={first.x} cy={first.y} r={6} fill="none" stroke="black" strokeWidth={3} />
          <circle cx={first.x} cy={first.y} r={6} fill="none" stroke={colour} strokeWidth={1.5} />
          <circle cx={first.x} cy={first.y} r={1.5} fill={colour} />
        </>
      )}
      {kind === "line" && xy.length === 2 && (
        <>
          <line x1={xy[0]!.x} y1={xy[0]!.y} x2={xy[1]!.x} y2={xy[1]!.y} stroke="black" strokeWidth={3.5} />
          <line x1={xy[0]!.x} y1={xy[0]!.y} x2={xy[1]!.x} y2={xy[1]!.y} stroke={colour} strokeWidth={1.5} strokeDasharray={dash} />
          {xy.map((p, i) => (
            <circle key={i} cx={p.x} cy={p.y} r={3} fill={colour} stroke="black" strokeWidth={1} />
          ))}
        </>
      )}
      {kind === "roi" && (
        <>
          <polygon points={xy.map((p) => `${p.x},${p.y}`).join(" ")} fill={colour} fillOpacity={0.12} stroke="black" strokeWidth={3.5} strokeLinejoin="round" />
          <polygon points={xy.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke={colour} strokeWidth={1.5} strokeDasharray={dash} strokeLinejoin="round" />
        </>
      )}
      {label && (
        <Label {...labelPlace(xy, tile)} colour={colour}>
          {label}
        </Label>
      )}
    </>
  );
}

function PeerCrosshair({ peer, tile }: { peer: MapPeer; tile: ScreenTile }) {
  const p = projectToTile(peer.crosshairMm, tile);
  if (!p.inside) return null;
  const on = onSlice(p, tile);
  const dash = on ? undefined : "6 4";
  const off = on ? "" : ` · ${Math.abs(p.offPlaneMm).toFixed(0)} mm off this slice`;
  return (
    <g data-testid="peer-crosshair" data-peer={peer.name} data-on-slice={on} data-x={p.x.toFixed(1)} data-y={p.y.toFixed(1)}>
      <line x1={tile.left} x2={tile.left + tile.width} y1={p.y} y2={p.y} stroke={peer.colour} strokeOpacity={0.8} strokeWidth={1} strokeDasharray={dash} />
      <line x1={p.x} x2={p.x} y1={tile.top} y2={tile.top + tile.height} stroke={peer.colour} strokeOpacity={0.8} strokeWidth={1} strokeDasharray={dash} />
      <circle cx={p.x} cy={p.y} r={9} fill="none" stroke={peer.colour} strokeWidth={2} />
      <Label {...labelPlace([{ x: p.x + 4, y: p.y - 16 }], tile)} colour={peer.colour}>
        {peer.name}
        {peer.presenting ? " (presenting)" : ""}
        {off}
      </Label>
    </g>
  );
}

export function MapOverlay({ tiles, timepointId, peers, annotations, tool, pending, onShape, onCancelTool }: MapOverlayProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drawing, setDrawing] = useState<{ kind: AnnotationKind; tile: number; points: Vec3Mm[] } | null>(null);
  const [hover, setHover] = useState<Vec3Mm | null>(null);
  const drawingNow = drawing && drawing.kind === tool ? drawing : null;

  const finish = (kind: AnnotationKind, points: Vec3Mm[]) => {
    setDrawing(null);
    setHover(null);
    onShape({ kind, points });
  };

  // Enter closes a region, Escape cancels the shape (or, with none, leaves the tool).
  const keys = useRef({ drawingNow, finish, onCancelTool });
  useEffect(() => {
    keys.current = { drawingNow, finish, onCancelTool };
  });
  useEffect(() => {
    if (tool === "navigate") return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest("input, textarea, [contenteditable=true]")) return;
      const { drawingNow: d, finish: f, onCancelTool: leave } = keys.current;
      if (e.key === "Escape") {
        e.preventDefault();
        if (d) {
          setDrawing(null);
          setHover(null);
        } else leave();
      } else if (e.key === "Enter" && d?.kind === "roi" && d.points.length >= 3) {
        e.preventDefault();
        f("roi", d.points);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [tool]);

  const position = (e: ReactPointerEvent | ReactWheelEvent) => {
    const box = svgRef.current!.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const onPointerDown = (e: ReactPointerEvent) => {
    if (tool === "navigate" || e.button !== 0 || pending) return;
    e.preventDefault();
    const { x, y } = position(e);
    const ti = drawingNow ? drawingNow.tile : tileAt(x, y, tiles);
    const tile = tiles[ti];
    if (!tile || tileAt(x, y, tiles) !== ti) return;
    const mm = unprojectFromTile(x, y, tile);
    if (tool === "point") return finish("point", [mm]);
    if (!drawingNow) return setDrawing({ kind: tool, tile: ti, points: [mm] });
    if (tool === "line") return finish("line", [drawingNow.points[0]!, mm]);
    const start = projectToTile(drawingNow.points[0]!, tile);
    if (drawingNow.points.length >= 3 && Math.hypot(start.x - x, start.y - y) <= CLOSE_PX) return finish("roi", drawingNow.points);
    setDrawing({ ...drawingNow, points: [...drawingNow.points, mm] });
  };

  const onPointerMove = (e: ReactPointerEvent) => {
    if (!drawingNow) return;
    const { x, y } = position(e);
    const tile = tiles[drawingNow.tile];
    setHover(tile && tileAt(x, y, tiles) === drawingNow.tile ? unprojectFromTile(x, y, tile) : null);
  };

  // Scrolling through slices keeps working while a tool is active.
  const onWheel = (e: ReactWheelEvent) => {
    const canvas = svgRef.current?.parentElement?.querySelector("canvas");
    canvas?.dispatchEvent(new WheelEvent("wheel", { deltaX: e.deltaX, deltaY: e.deltaY, deltaMode: e.deltaMode, clientX: e.clientX, clientY: e.clientY, bubbles: true, cancelable: true }));
  };

  const visible = timepointId ? annotations.filter((a) => a.timepointId === timepointId) : [];
  const here = timepointId ? peers.filter((p) => p.timepointId === timepointId) : [];
  const drawingTool = tool !== "navigate";
  const inProgress = drawingNow ? (hover ? [...drawingNow.points, hover] : drawingNow.points) : null;

  return (
    <svg
      ref={svgRef}
      data-testid="map-overlay"
      data-tool={tool}
      className={`absolute inset-0 h-full w-full ${drawingTool ? "cursor-crosshair" : "pointer-events-none"}`}
      aria-hidden={!drawingTool}
      role={drawingTool ? "application" : undefined}
      aria-label={drawingTool ? `Drawing a ${tool === "roi" ? "region" : tool} annotation: click on the scan${tool === "roi" ? "; click the first point, double-click or press Enter to close" : ""}; Escape cancels` : undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onDoubleClick={() => drawingNow?.kind === "roi" && drawingNow.points.length >= 3 && finish("roi", drawingNow.points)}
      onWheel={drawingTool ? onWheel : undefined}
    >
      {tiles.map((tile, ti) => (
        <g key={ti}>
          {visible.map((a) => {
            const on = a.points.every((p) => onSlice(projectToTile(p, tile), tile));
            if (!on) return null;
            const measure = shapeMeasure(a.kind, a.points);
            return (
              <g key={a.id} data-testid="map-annotation" data-annotation-id={a.id} data-kind={a.kind}>
                <ShapeOnTile kind={a.kind} points={a.points} tile={tile} colour={a.colour} label={[a.text, measure].filter(Boolean).join(" · ")} />
              </g>
            );
          })}
          {here.map((p) => (
            <PeerCrosshair key={p.clientId} peer={p} tile={tile} />
          ))}
          {pending && pending.points.every((p) => onSlice(projectToTile(p, tile), tile)) && (
            <g data-testid="map-pending-annotation">
              <ShapeOnTile kind={pending.kind} points={pending.points} tile={tile} colour="#fbbf24" label={shapeMeasure(pending.kind, pending.points) ?? ""} dashed />
            </g>
          )}
          {inProgress && drawingNow!.tile === ti && (
            <g data-testid="map-drawing">
              <ShapeOnTile kind={inProgress.length >= 3 ? drawingNow!.kind : "line"} points={inProgress.length === 1 ? [inProgress[0]!, inProgress[0]!] : inProgress} tile={tile} colour="#fbbf24" label={shapeMeasure(inProgress.length >= 3 ? drawingNow!.kind : "line", inProgress.slice(0, inProgress.length >= 3 ? undefined : 2)) ?? ""} dashed />
            </g>
          )}
        </g>
      ))}
    </svg>
  );
}
