/**
 * What every widget shares: the error box, the outer markup and the in-page helper functions.
 * Widgets build their controls in the page with `textContent`, so names from data are never parsed as HTML;
 * strings handed to Plotly go through `esc()` (Plotly understands a subset of HTML).
 */
import { escapeHtml, jsonForScript, uniqueId } from "../src/report/html";

/** A problem found in a widget's input; several are listed in the error box. */
export type Problems = string[];

/**
 * The box a widget shows instead of a plot when its data are inconsistent.
 *
 * @example
 * widgetError("Mixture explorer", ["alpha: mask 9 is not a mixture of 3 candidates"]);
 */
export function widgetError(widget: string, problems: Problems): string {
  const shown = problems
    .slice(0, 12)
    .map((p) => `<li>${escapeHtml(p)}</li>`)
    .join("");
  const more = problems.length > 12 ? `<li>… and ${problems.length - 12} more</li>` : "";
  return (
    `<div class="m2m-widget m2m-error" role="alert" style="border:1px solid #c33;background:#fff4f4;padding:10px 14px;font-family:sans-serif">` +
    `<strong>${escapeHtml(widget)}: cannot show these data</strong><ul>${shown}${more}</ul></div>`
  );
}

/** JavaScript shared by all widgets, pasted into each widget's script (no globals leak). */
export const CLIENT_LIB = `
function esc(s){return String(s).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;");}
function el(tag,attrs,text){var e=document.createElement(tag);if(attrs)for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=text;return e;}
function fmt(v,d){return (typeof v==="number"&&isFinite(v))?v.toFixed(d==null?4:d):"n/a";}
function pairs(x,y){var a=[],b=[];for(var i=0;i<x.length;i++)if(isFinite(x[i])&&isFinite(y[i])&&x[i]!==null&&y[i]!==null){a.push(x[i]);b.push(y[i]);}return [a,b];}
function pearson(x,y){var p=pairs(x,y),a=p[0],b=p[1],n=a.length;if(n<2)return NaN;var ma=0,mb=0,i;for(i=0;i<n;i++){ma+=a[i];mb+=b[i];}ma/=n;mb/=n;var s=0,sa=0,sb=0;for(i=0;i<n;i++){var da=a[i]-ma,db=b[i]-mb;s+=da*db;sa+=da*da;sb+=db*db;}return sa===0||sb===0?NaN:s/Math.sqrt(sa*sb);}
function ranks(x){var o=x.map(function(v,i){return i;}).sort(function(i,j){return x[i]-x[j];});var r=new Array(x.length);for(var s=0;s<o.length;){var e=s;while(e+1<o.length&&x[o[e+1]]===x[o[s]])e++;for(var k=s;k<=e;k++)r[o[k]]=(s+e)/2+1;s=e+1;}return r;}
function spearman(x,y){var p=pairs(x,y);return pearson(ranks(p[0]),ranks(p[1]));}
function kendall(x,y){var p=pairs(x,y),a=p[0],b=p[1],c=0,d=0,tx=0,ty=0;for(var i=0;i<a.length;i++)for(var j=i+1;j<a.length;j++){var dx=Math.sign(a[i]-a[j]),dy=Math.sign(b[i]-b[j]);if(dx===0&&dy===0)continue;if(dx===0)tx++;else if(dy===0)ty++;else if(dx===dy)c++;else d++;}var den=Math.sqrt((c+d+tx)*(c+d+ty));return den===0?NaN:(c-d)/den;}
function rankOf(values,v,higherBetter){var r=1;for(var i=0;i<values.length;i++){if(values[i]===null||!isFinite(values[i]))continue;if(higherBetter?values[i]>v:values[i]<v)r++;}return r;}
function withPlotly(plot,cb){var t=0;(function go(){if(window.Plotly){cb(window.Plotly);}else if(++t<300){setTimeout(go,50);}else{plot.textContent="plotly.js is not loaded: run initPlotly() once in this notebook (or open the standalone page), then re-run this cell.";plot.setAttribute("data-error","no-plotly");}})();}
`;

/**
 * The outer markup of a widget: a root div with a controls row, a status line, a plot area, and the
 * script that receives `data` (embedded as script-safe JSON) and runs `body` with `root`, `controls`,
 * `status`, `plot` and `D` in scope.
 */
export function widgetShell(kind: string, data: unknown, body: string, height = 440): string {
  const id = uniqueId(`m2m-${kind}`);
  return (
    `<div id="${id}" class="m2m-widget m2m-${kind}" style="font-family:system-ui,'DejaVu Sans',sans-serif;font-size:13px;margin:6px 0">` +
    `<div class="m2m-controls" data-role="controls" style="display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:6px"></div>` +
    `<div class="m2m-status" data-role="status" aria-live="polite" style="margin:4px 0;min-height:1.3em"></div>` +
    `<div class="m2m-plot" data-role="plot" style="height:${height}px;min-width:320px"></div></div>` +
    `<script>(function(){"use strict";${CLIENT_LIB}\nvar root=document.getElementById(${jsonForScript(id)});if(!root)return;` +
    `var controls=root.querySelector('[data-role="controls"]'),status=root.querySelector('[data-role="status"]'),plot=root.querySelector('[data-role="plot"]');` +
    `var D=${jsonForScript(data)};\n${body}\n})();</script>`
  );
}

/** `true` for a finite number. */
export const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
