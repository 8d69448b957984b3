import { WeightedGrid, weightedGridProblems } from "./weighted-grid";
import { widgetError, widgetShell } from "./shared";

export interface WeightedMixExplorerOptions {
  /** Plot height in pixels (default 420). */
  height?: number;
}

const SCRIPT = `
var n=D.candidates.length,raw=D.candidates.map(function(){return 1;}),sliders=[];
D.candidates.forEach(function(c,i){var lab=el("label",{style:"display:inline-flex;align-items:center;gap:4px"});lab.appendChild(document.createTextNode(c));
  var s=el("input",{type:"range",min:"0",max:"100",step:"1",value:"50","data-index":String(i),"aria-label":"weight of "+c});
  var v=el("span",{"data-role":"weight","style":"min-width:3.2em;display:inline-block"});
  s.addEventListener("input",function(){raw[i]=Number(s.value);update();});lab.appendChild(s);lab.appendChild(v);controls.appendChild(lab);sliders.push([s,v]);});
raw=raw.map(function(){return 50;});
function weights(){var s=raw.reduce(function(a,b){return a+b;},0);return raw.map(function(r){return s>0?r/s:1/n;});}
function nearest(w){var bi=0,bd=Infinity;D.points.forEach(function(p,k){var d=0;for(var i=0;i<n;i++)d+=(p[i]-w[i])*(p[i]-w[i]);if(d<bd){bd=d;bi=k;}});return [bi,Math.sqrt(bd)];}
function update(){var w=weights();sliders.forEach(function(sv,i){sv[1].textContent=w[i].toFixed(2);});
  var nb=nearest(w),k=nb[0],p=D.points[k];var score=D.merged[k],rank=rankOf(D.merged,score,true);
  var txt="nearest grid point ("+p.map(function(v){return v.toFixed(2);}).join(", ")+"), distance "+nb[1].toFixed(3)+": merged "+D.metric+" "+fmt(score)+" (rank "+rank+" of "+D.points.length+")";
  var tv=D.truth?D.truth[k]:null;if(tv!==null&&tv!==undefined)txt+=", true "+fmt(tv);
  status.textContent=txt;root.setAttribute("data-point",String(k));root.setAttribute("data-score",String(score));root.setAttribute("data-rank",String(rank));
  withPlotly(plot,function(P){var idx=D.points.map(function(_,i){return i;}).sort(function(a,b){return D.merged[b]-D.merged[a];});
    var hasT=!!D.truth;var lab=function(i){return esc(D.points[i].map(function(v,j){return D.candidates[j]+" "+v.toFixed(2);}).join(", "));};
    var all={type:"scatter",mode:"markers",name:"grid points",marker:{color:"#8aa",size:7,opacity:0.7},text:idx.map(lab),hovertemplate:"%{text}<br>%{y:.4f}<extra></extra>",
      x:hasT?idx.map(function(i){return D.merged[i];}):idx.map(function(_,r){return r+1;}),y:hasT?idx.map(function(i){return D.truth[i];}):idx.map(function(i){return D.merged[i];})};
    var cur={type:"scatter",mode:"markers",name:"current weights",marker:{size:16,color:"rgba(0,0,0,0)",line:{color:"#d62728",width:3}},text:[lab(k)],hovertemplate:"%{text}<extra>current</extra>",
      x:[hasT?score:rank],y:[hasT?tv:score]};
    P.react(plot,[all,cur],{title:{text:esc(D.target)+": weighted mixtures by merged model"},margin:{t:50,l:60,r:20,b:50},
      xaxis:{title:{text:hasT?"merged model":"rank by merged model"}},yaxis:{title:{text:hasT?"weighted-mixture fine-tuned":"merged "+esc(D.metric)}},legend:{orientation:"h",y:-0.18}},{responsive:true,displaylogo:false});});}
update();
`;

/**
 * The weighted-mix explorer: one slider per candidate dataset (normalised onto the simplex); the page
 * reads the merged score at the nearest precomputed grid point, shows its rank among all grid points
 * and highlights it on the scatter (merged vs true when `grid.truth` is given, else scores by rank).
 *
 * @example
 * tslab.display.html(weightedMixExplorer({ target: "mnist", candidates: ["a", "b"],
 *   points: [[1, 0], [0.5, 0.5], [0, 1]], merged: [0.7, 0.75, 0.6] }));
 */
export function weightedMixExplorer(grid: WeightedGrid, options: WeightedMixExplorerOptions = {}): string {
  const problems = weightedGridProblems(grid);
  if (problems.length > 0) return widgetError("Weighted-mix explorer", problems);
  return widgetShell("weighted-mix-explorer", { ...grid, metric: grid.metric ?? "score", truth: grid.truth ?? null }, SCRIPT, options.height ?? 420);
}
