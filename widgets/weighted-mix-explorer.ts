import { WeightedGrid, weightedGridProblems } from "./weighted-grid";
import { widgetError, widgetShell } from "./shared";

export interface WeightedMixExplorerOptions {
  /** Plot height in pixels (default 460). */
  height?: number;
}

const SCRIPT = `
var n=D.candidates.length,raw=D.candidates.map(function(){return 50;}),sliders=[],pct=/accuracy/.test(D.metric)?100:1,unit=pct===100?" (%)":"";
D.candidates.forEach(function(c,i){var lab=el("label",{style:"display:inline-flex;align-items:center;gap:4px;white-space:nowrap"});lab.appendChild(document.createTextNode(c));
  var s=el("input",{type:"range",min:"0",max:"100",step:"1",value:"50","data-index":String(i),"aria-label":"weight of "+c});
  var v=el("span",{"data-role":"weight","style":"min-width:3.2em;display:inline-block"});
  s.addEventListener("input",function(){raw[i]=Number(s.value);update();});lab.appendChild(s);lab.appendChild(v);controls.appendChild(lab);sliders.push([s,v]);});
function setWeights(w){w.forEach(function(x,i){raw[i]=Math.round(100*x);sliders[i][0].value=String(raw[i]);});update();}
function button(role,text,w){var b=el("button",{type:"button","data-role":role},text);b.addEventListener("click",function(){setWeights(w);});controls.appendChild(b);}
var bestK=D.merged.reduce(function(b,v,i){return v>D.merged[b]?i:b;},0);
if(D.optimum)button("to-optimum","go to the weighted optimum",D.optimum.weights);
button("to-best","go to the best grid point",D.points[bestK]);
var plot2=null;if(D.truth){plot2=el("div",{"data-role":"truth-plot",style:"height:360px;min-width:280px"});root.appendChild(plot2);}
function weights(){var s=raw.reduce(function(a,b){return a+b;},0);return raw.map(function(r){return s>0?r/s:1/n;});}
function nearest(w){var bi=0,bd=Infinity;D.points.forEach(function(p,k){var d=0;for(var i=0;i<n;i++)d+=(p[i]-w[i])*(p[i]-w[i]);if(d<bd){bd=d;bi=k;}});return [bi,Math.sqrt(bd)];}
function wl(w){return w.map(function(v,j){return D.candidates[j]+" "+v.toFixed(2);}).join(", ");}
function sc(v){return pct===100?(100*v).toFixed(1)+"%":fmt(v);}
function simplexTraces(w,k){var t=[],ids=D.points.map(function(_,i){return i;});
  if(n===3){var abc=function(ws,o){o.a=ws.map(function(x){return x[0];});o.b=ws.map(function(x){return x[1];});o.c=ws.map(function(x){return x[2];});return o;};
    t.push(abc(D.points,{type:"scatterternary",cliponaxis:false,mode:"markers",name:"grid points",text:D.points.map(function(p){return esc(wl(p));}),hovertemplate:"%{text}<br>%{marker.color:.4f}<extra></extra>",
      marker:{color:D.merged.map(function(v){return v*pct;}),colorscale:"Viridis",size:9,colorbar:{title:{text:esc(D.metric)+unit},thickness:12,len:0.8}}}));
    if(D.path&&D.path.length){t.push(abc(D.path.map(function(p){return p.weights;}),{type:"scatterternary",cliponaxis:false,mode:"lines+markers",name:"search path",line:{color:"#ff7f0e",width:2},marker:{size:7,color:"#ff7f0e"},
      text:D.path.map(function(p){return esc(wl(p.weights))+": "+sc(p.score);}),hovertemplate:"%{text}<extra>path</extra>"}));}
    if(D.optimum)t.push(abc([D.optimum.weights],{type:"scatterternary",cliponaxis:false,mode:"markers",name:"weighted optimum",marker:{size:18,symbol:"star",color:"#d62728",line:{color:"#fff",width:1}},text:[esc(wl(D.optimum.weights))+": "+sc(D.optimum.score)],hovertemplate:"%{text}<extra>optimum</extra>"}));
    t.push(abc([w],{type:"scatterternary",cliponaxis:false,mode:"markers",name:"current weights",marker:{size:16,color:"rgba(0,0,0,0)",line:{color:"#d62728",width:3}},text:[esc(wl(w))],hovertemplate:"%{text}<extra>current</extra>"}));
    var ax=function(i){return {title:{text:esc(D.candidates[i])},min:0,tickformat:".1f"};};
    return [t,{ternary:{sum:1,aaxis:ax(0),baxis:ax(1),caxis:ax(2)}}];}
  if(n===2){ids.sort(function(a,b){return D.points[a][0]-D.points[b][0];});
    t.push({type:"scatter",mode:"lines+markers",name:"grid points",x:ids.map(function(i){return D.points[i][0];}),y:ids.map(function(i){return D.merged[i]*pct;}),marker:{color:"#5b7fa6",size:7}});
    if(D.path&&D.path.length)t.push({type:"scatter",mode:"lines+markers",name:"search path",x:D.path.map(function(p){return p.weights[0];}),y:D.path.map(function(p){return p.score*pct;}),line:{color:"#ff7f0e"}});
    if(D.optimum)t.push({type:"scatter",mode:"markers",name:"weighted optimum",x:[D.optimum.weights[0]],y:[D.optimum.score*pct],marker:{size:16,symbol:"star",color:"#d62728"}});
    t.push({type:"scatter",mode:"markers",name:"current weights",x:[w[0]],y:[D.merged[k]*pct],marker:{size:16,color:"rgba(0,0,0,0)",line:{color:"#d62728",width:3}}});
    return [t,{xaxis:{title:{text:"weight of "+esc(D.candidates[0])+" (the rest on "+esc(D.candidates[1])+")"},range:[-0.02,1.02]},yaxis:{title:{text:esc(D.metric)+unit}}}];}
  ids.sort(function(a,b){return D.merged[b]-D.merged[a];});var r=ids.indexOf(k)+1;
  t.push({type:"scatter",mode:"markers",name:"grid points",x:ids.map(function(_,j){return j+1;}),y:ids.map(function(i){return D.merged[i]*pct;}),text:ids.map(function(i){return esc(wl(D.points[i]));}),hovertemplate:"%{text}<br>%{y:.4f}<extra></extra>",marker:{color:"#8aa",size:7,opacity:0.7}});
  if(D.optimum)t.push({type:"scatter",mode:"lines",name:"weighted optimum",x:[1,D.points.length],y:[D.optimum.score*pct,D.optimum.score*pct],line:{color:"#d62728",dash:"dash"}});
  t.push({type:"scatter",mode:"markers",name:"current weights",x:[r],y:[D.merged[k]*pct],marker:{size:16,color:"rgba(0,0,0,0)",line:{color:"#d62728",width:3}}});
  return [t,{xaxis:{title:{text:"grid point, by rank of the merged score"}},yaxis:{title:{text:esc(D.metric)+unit}}}];}
function update(){var w=weights();sliders.forEach(function(sv,i){sv[1].textContent=w[i].toFixed(2);});
  var nb=nearest(w),k=nb[0],p=D.points[k];var score=D.merged[k],rank=rankOf(D.merged,score,true);
  var txt="nearest grid point ("+p.map(function(v){return v.toFixed(2);}).join(", ")+"), distance "+nb[1].toFixed(3)+": "+(/^merged/.test(D.metric)?"":"merged ")+D.metric+" "+fmt(score)+" (rank "+rank+" of "+D.points.length+")";
  var tv=D.truth?D.truth[k]:null;if(tv!==null&&tv!==undefined)txt+=", true "+fmt(tv);
  if(D.optimum)txt+=" · weighted optimum ("+wl(D.optimum.weights)+"): "+fmt(D.optimum.score)+" after "+((D.path?D.path.length:1)-1)+" accepted steps";
  status.textContent=txt;root.setAttribute("data-point",String(k));root.setAttribute("data-score",String(score));root.setAttribute("data-rank",String(rank));
  withPlotly(plot,function(P){var s=simplexTraces(w,k),lay=s[1];lay.title={text:esc(D.target)+": weighted mixtures by merged model"};lay.margin={t:n===3?80:50,l:n===3?90:60,r:n===3?50:30,b:n===3?70:50};
    lay.legend={orientation:"h",x:0,y:n===3?-0.14:-0.18,yanchor:"top"};P.react(plot,s[0],lay,{responsive:true,displaylogo:false});
    if(plot2){var lab=function(i){return esc(wl(D.points[i]));},idx=D.points.map(function(_,i){return i;}).filter(function(i){return D.truth[i]!==null;});
      P.react(plot2,[{type:"scatter",mode:"markers",name:"grid points",x:idx.map(function(i){return D.merged[i];}),y:idx.map(function(i){return D.truth[i];}),text:idx.map(lab),hovertemplate:"%{text}<extra></extra>",marker:{color:"#8aa",size:7}},
        {type:"scatter",mode:"markers",name:"current weights",x:[score],y:[tv],marker:{size:16,color:"rgba(0,0,0,0)",line:{color:"#d62728",width:3}}}],
        {title:{text:"merged model vs weighted-mixture fine-tuned"},margin:{t:40,l:60,r:20,b:50},xaxis:{title:{text:"merged "+esc(D.metric)}},yaxis:{title:{text:"weighted-mixture fine-tuned"}},showlegend:false},{responsive:true,displaylogo:false});}});}
update();
`;

/**
 * The weighted-mix explorer: one slider per candidate dataset (normalised onto the simplex); the page
 * reads the merged score at the nearest precomputed grid point and shows its rank among all grid points. The
 * plot is the simplex itself — a ternary plot for three candidates, a line for two, grid points by rank
 * otherwise — coloured by merged score, with the weighted search's path (from the binary pick) and its
 * optimum when the grid carries them (older files without them show the grid alone). Buttons move the
 * sliders to the optimum and to the best grid point. With `grid.truth`, a second plot shows merged vs true.
 *
 * @example
 * tslab.display.html(weightedMixExplorer({ target: "mnist", candidates: ["a", "b"],
 *   points: [[1, 0], [0.5, 0.5], [0, 1]], merged: [0.7, 0.75, 0.6] }));
 */
export function weightedMixExplorer(grid: WeightedGrid, options: WeightedMixExplorerOptions = {}): string {
  const problems = weightedGridProblems(grid);
  if (problems.length > 0) return widgetError("Weighted-mix explorer", problems);
  return widgetShell(
    "weighted-mix-explorer",
    {
      ...grid,
      metric: grid.metric ?? "score",
      truth: grid.truth ?? null,
      optimum: grid.optimum ?? null,
      path: grid.path ?? null,
    },
    SCRIPT,
    options.height ?? 460,
  );
}
