import { RunResults } from "../src/results/results";
import { mixturePoints } from "../src/report/points";
import { widgetError, widgetShell } from "./shared";
import { mixtureProblems } from "./validate-results";

export interface CorrelationExplorerOptions {
  /** Plot height in pixels (default 440). */
  height?: number;
}

const SCRIPT = `
var PAL=["#1f77b4","#ff7f0e","#2ca02c","#d62728","#9467bd","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf"];
var METRICS=[["merged","merged model"],["cosine","cosine similarity"],["l2","L2 distance"]];
function mk(role,opts){var s=el("select",{"data-role":role,"aria-label":role});opts.forEach(function(o){s.appendChild(el("option",{value:o[0]},o[1]));});return s;}
var tsel=mk("target",[["*","all targets"]].concat(D.targets.map(function(t,i){return [String(i),t.title];})));
var msel=mk("metric",METRICS),ysel=mk("truth",[["acc","accuracy"],["loss","loss"]]);
var ns=el("input",{type:"checkbox","data-role":"no-singletons"});
[["target ",tsel],["metric ",msel],["truth ",ysel]].forEach(function(p){controls.appendChild(el("label",null,p[0]));controls.appendChild(p[1]);});
var nl=el("label");nl.appendChild(ns);nl.appendChild(document.createTextNode(" without singletons"));controls.appendChild(nl);
function xy(t){var m=msel.value,y=ysel.value,x=[],yy=[],tx=[];t.points.forEach(function(p){if(ns.checked&&p.size===1)return;var yv=y==="acc"?p.true_acc:p.true_loss;if(yv===null)return;
  var xv=m==="merged"?(y==="acc"?p.merged_acc:p.merged_loss):p[m];x.push(xv);yy.push(yv);tx.push(esc(p.members.join(" + ")));});return {x:x,y:yy,text:tx};}
function update(){var chosen=tsel.value==="*"?D.targets:[D.targets[Number(tsel.value)]];var traces=[],rs=[],txt;
  chosen.forEach(function(t){var d=xy(t);var i=D.targets.indexOf(t);rs.push([pearson(d.x,d.y),spearman(d.x,d.y),kendall(d.x,d.y),d.x.length]);
    traces.push({type:"scatter",mode:"markers",name:esc(t.title),x:d.x,y:d.y,text:d.text,hovertemplate:"%{text}<br>x=%{x:.4f}<br>y=%{y:.4f}<extra>%{fullData.name}</extra>",marker:{color:PAL[i%PAL.length],size:7,opacity:0.75}});});
  function avg(k){var s=0,n=0;rs.forEach(function(r){if(isFinite(r[k])){s+=r[k];n++;}});return n?s/n:NaN;}
  var r=avg(0),rho=avg(1),tau=avg(2);
  txt=(chosen.length>1?"mean per-target ":"")+"Pearson r = "+fmt(r,3)+", Spearman \\u03c1 = "+fmt(rho,3)+", Kendall \\u03c4 = "+fmt(tau,3)+" (n = "+rs.reduce(function(s,q){return s+q[3];},0)+" mixtures)";
  status.textContent=txt;root.setAttribute("data-pearson",isFinite(r)?r.toFixed(6):"NaN");root.setAttribute("data-metric",msel.value);root.setAttribute("data-target",tsel.value);
  var mlabel=METRICS.filter(function(q){return q[0]===msel.value;})[0][1];
  withPlotly(plot,function(P){P.react(plot,traces,{title:{text:"mixture fine-tuned "+(ysel.value==="acc"?"accuracy":"loss")+" vs "+mlabel+" (r = "+fmt(r,2)+")"},
    margin:{t:50,l:60,r:20,b:50},xaxis:{title:{text:mlabel}},yaxis:{title:{text:"mixture fine-tuned"}},showlegend:chosen.length>1,legend:{orientation:"h",y:-0.18}},{responsive:true,displaylogo:false});});}
[tsel,msel,ysel,ns].forEach(function(c){c.addEventListener("change",update);});update();
`;

/**
 * The correlation explorer: choose a target (or all), a metric (merged model, cosine, L2), the truth
 * (accuracy or loss) and whether to drop singletons; see the scatter and Pearson/Spearman/Kendall,
 * computed in the page from the seed-mean points it plots.
 *
 * @example
 * tslab.display.html(correlationExplorer(results));
 */
export function correlationExplorer(results: RunResults, options: CorrelationExplorerOptions = {}): string {
  const problems = mixtureProblems(results);
  if (problems.length > 0) return widgetError("Correlation explorer", problems);
  const points = mixturePoints(results);
  const targets = results.targets.map((name) => ({
    name,
    title: results.tasks?.[name]?.title ?? name,
    points: points
      .filter((p) => p.target === name)
      .map((p) => ({
        members: p.members,
        size: p.size,
        merged_acc: p.merged_val_acc,
        merged_loss: p.merged_val_loss,
        cosine: p.cosine,
        l2: p.l2,
        true_acc: p.true_val_acc,
        true_loss: p.true_val_loss,
      })),
  }));
  return widgetShell("correlation-explorer", { targets }, SCRIPT, options.height ?? 440);
}
