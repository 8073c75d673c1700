// Small SVG line charts for the cluster page: no library, no build step.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Draws one or more series as lines in an SVG of the given size.
 * series: [{values: [number|null], cls: 'css-class'}]; a null leaves a gap.
 * options.slots: how many values the width holds (the newest at the right edge, so a short history
 * fills from the right as time passes); options.minTop: the least top of the vertical scale;
 * options.label(top): a caption. Returns the <svg> element; the vertical scale runs from 0.
 */
function lineChart(series, width, height, options = {}) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.classList.add('line-chart');
  const length = Math.max(options.slots || 1, ...series.map((s) => s.values.length));
  const top = Math.max(options.minTop || 0, ...series.flatMap((s) => s.values.filter((v) => v != null)));
  const x = (i) => (length === 1 ? width : (i * width) / (length - 1));
  const y = (v) => (top === 0 ? height - 1 : height - 1 - (v / top) * (height - 2));
  for (const s of series) {
    let points = [];
    const flush = () => {
      if (points.length > 0) {
        const line = document.createElementNS(SVG, 'polyline');
        line.setAttribute('points', points.join(' '));
        line.setAttribute('class', s.cls);
        svg.appendChild(line);
      }
      points = [];
    };
    const offset = length - s.values.length;
    s.values.forEach((v, i) => {
      if (v == null) flush(); else points.push(`${x(offset + i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    flush();
  }
  if (options.label) {
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', 2);
    label.setAttribute('y', 11);
    label.textContent = options.label(top);
    svg.appendChild(label);
  }
  return svg;
}
