import { useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../i18n";
import { snippetHeight } from "../lib/embed-url";
import { EMBED_SIZE_MESSAGE } from "../../worker/embed/resize-script";

/** How long the frames get to report before the builder falls back to an estimate. */
const MEASURE_TIMEOUT_MS = 15_000;

export type EmbedMeasurement =
  { state: "measuring" } | { state: "done"; height: number } | { state: "failed" };

/**
 * The embed's height for a frame of each of `widths`: the page is loaded in hidden frames of
 * those widths, and each reports its height the way it does to the loader (`resize-script.ts`),
 * trusted only from those frames and the embed's origin. `frames` must be rendered.
 */
export function useEmbedHeight(
  src: string | null,
  widths: readonly number[],
): { measurement: EmbedMeasurement; frames: ReactNode } {
  const { t } = useI18n();
  const key = src === null ? "" : `${widths.join(",")} ${src}`;
  const refs = useRef(new Map<number, HTMLIFrameElement>());
  const [reports, setReports] = useState<{ key: string; heights: Map<number, number> }>({
    key: "",
    heights: new Map(),
  });
  const [timedOut, setTimedOut] = useState("");

  useEffect(() => {
    if (src === null) return;
    const origin = new URL(src, window.location.href).origin;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (data?.type !== EMBED_SIZE_MESSAGE || event.origin !== origin) return;
      const width = [...refs.current].find(([, f]) => f.contentWindow === event.source)?.[0];
      const height = Math.ceil(Number(data.height));
      if (width === undefined || !(height > 0 && height < 20000)) return;
      setReports((previous) => {
        const heights = new Map(previous.key === key ? previous.heights : []);
        heights.set(width, height);
        return { key, heights };
      });
    };
    window.addEventListener("message", onMessage);
    const timer = setTimeout(() => setTimedOut(key), MEASURE_TIMEOUT_MS);
    return () => {
      window.removeEventListener("message", onMessage);
      clearTimeout(timer);
    };
  }, [src, key]);

  const heights = reports.key === key ? reports.heights : new Map<number, number>();
  const height = snippetHeight(widths.map((w) => heights.get(w)));
  const measurement: EmbedMeasurement =
    height !== null
      ? { state: "done", height }
      : timedOut === key
        ? { state: "failed" }
        : { state: "measuring" };

  const frames =
    src === null ? null : (
      <div className="embed-measure" aria-hidden="true">
        {widths.map((width) => (
          // A new frame for a new address: the old page can then report nothing more.
          <iframe
            key={`${width} ${src}`}
            ref={(frame) => {
              if (frame) refs.current.set(width, frame);
              else refs.current.delete(width);
            }}
            src={src}
            title={t("ebMeasureFrame", { width })}
            width={width}
            height={100}
            tabIndex={-1}
            data-measure-width={width}
          />
        ))}
      </div>
    );
  return { measurement, frames };
}
