'use client';

import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

export interface PlotViewProps {
  /** Plot options; pass a memoised object so the plot is redrawn only when they change */
  options: Plot.PlotOptions;
  /** what the plot shows, for screen readers (the figure around it also has a text alternative) */
  label: string;
}

/** Renders an Observable Plot chart in the browser (the server renders an empty box). */
export function PlotView({ options, label }: PlotViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = Plot.plot({ ...options, ariaLabel: label });
    // Plot labels its mark groups (<g aria-label="line">), which ARIA forbids on generic elements;
    // the chart is one image with one label, and the surrounding figure carries the text alternative.
    for (const g of el.querySelectorAll('g[aria-label], g[aria-description]')) {
      g.removeAttribute('aria-label');
      g.removeAttribute('aria-description');
    }
    for (const svg of [el, ...el.querySelectorAll('svg')]) {
      if (svg instanceof SVGSVGElement && svg.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
    }
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [options, label]);
  return <div ref={ref} className="lec-plot" />;
}
